package dev.kobj.bench.report;

import java.util.List;

/**
 * THE mapping, in one place: Wine scenario → kobj benchmark → baseline → Wine figure → targets (issue
 * 15). Wine's ns/op are RESULTS.md's medians on this machine (unpinned, 2024 run of Wine 8.0), used
 * when run.sh cannot run here. A baseline is usually the JDK's; where the issue states a target against
 * another kobj scenario (a contended mutex, a named-pipe round trip against the event ping-pong), that
 * scenario is the baseline.
 */
public final class Scenarios {
    private static final String PLATFORM = "[threads=platform]";
    private static final String VIRTUAL = "[threads=virtual]";

    private Scenarios() {
    }

    // Where the time goes, from JFR (-prof jfr or -XX:StartFlightRecording with -XX:+DebugNonSafepoints, then
    // `jfr view hot-methods|allocation-by-class`) and exact heap measures, on 2026-11-23 (the session-6 code);
    // the report prints a row's note when one of its targets is missed, or when it has none.
    static final String HAND_OFF = "Per hand-off kobj adds to the park/unpark floor: SetEvent's handle lookup, the "
            + "event lock and the waiter claim, then the wait's arm, queue and dequeue under the object lock "
            + "(WaitEngine.block); on this guest a cross-CPU wake-up is ~5-15 us, so the floor itself dominates "
            + "and runs differ by +-30%.";
    static final String VIRTUAL_HAND_OFF = "Single-object waits spin up to 4 us before they block, while the "
            + "thread's recent waits were woken that soon (Spinning, adaptive per thread): each side's wait "
            + "sees the other's SetEvent from the other carrier, without a park, a continuation switch or a "
            + "carrier wake-up. Without the spin (session 5) this ran at 1.6-2.0x the park/unpark ping-pong: "
            + "the samples were the scheduler's (ForkJoinPool.signalWork, deactivate, Continuation.yield).";
    static final String FACADE = "JFR with DebugNonSafepoints (mutex_uncontended, completion_port_post_get): "
            + "each Kernel32 call finds its kernel thread (Win32ProcessImpl.currentThread: a thread-id cache in "
            + "front of the ThreadLocal, 9-14% of samples) and fences it twice (suspend and end checks, ~6%), "
            + "then looks the handle up (~9%) and checks type and access (HandleEntry.check with the body's "
            + "type: ~15%). The NT service path alone is about half of it (nt_mutex_uncontended).";
    static final String MUTEX = FACADE + " The mutant itself (dispatcher_mutant, no handles) is ~1.3x "
            + "ReentrantLock: the acquire's CAS and the release's volatile store of the owner (its StoreLoad "
            + "fence, which ReentrantLock's unlock also pays); each dependent load between them is paid in "
            + "full, so the two handle lookups make the rest. Fix for the facade: a Kernel32 bound to one "
            + "thread (no per-call binding).";
    static final String NT_MUTEX = "Two handle lookups and checks around the mutant (dispatcher_mutant): each "
            + "is a chain of dependent loads (thread, first page, entry, dispatcher object) that the CAS and "
            + "the fence cannot overlap.";
    static final String LOOKUP = "A first page of 1,024 entries, then one flat array (was pages of 1,024: "
            + "~2x, each page's length one more cache line per lookup). Both sides are two cache misses per "
            + "lookup on this guest; the ratio moves with the heap layout of the run.";
    static final String CREATE = "112 B/op, all needed: EventObject 40, DispatcherEvent 24, HandleEntry 24 and "
            + "the facade's long[1] out array 24. JFR: the time is atomic writes, about ten per create+close "
            + "(the object's count word and header flags, four LongAdder counts of objects and handles, the "
            + "handle-table slot and free list, the rundown fence of the insert). Fix: per-thread counts "
            + "summed on query.";
    static final String NAMES = "JFR: what is left is strings: the Win32 name joined to "
            + "\\Sessions\\1\\BaseNamedObjects (StringConcatHelper), the parent path cut and hashed for the "
            + "namespace's cache of resolved parents (String.hashCode, substring), the leaf's hash and "
            + "equals in the directory map, and the directory lock (AQS); a create also inherits a security "
            + "descriptor from the directory. Resolved parents are now cached (was 1,165 / 721 ns). Fix: "
            + "resolve from a per-process BaseNamedObjects directory handle as Windows' kernel32 does, and "
            + "hash names by index range without substrings.";
    static final String WAIT_ANY = "The wait looks up and checks 64 handles (lookup, type, SYNCHRONIZE) before "
            + "it tries them in order and takes the last: ~5 ns a handle, where 100x Wine needs 2.5.";
    static final String WAIT_ALL = "JFR with DebugNonSafepoints: the duplicate check (an identity hash per "
            + "object into a bitmap) was 30%; a list equal to the thread's last distinct one now skips it "
            + "(~500 -> ~330 ns). Left: the 64 lookups and checks, and the fast path's lock-free acquisition of "
            + "all 64 under the wait-all lock (tryAll): 4-5 ns a handle, where 100x Wine needs 2.5.";
    static final String PIPE = "-prof gc: ~44 KB allocated per 64 KiB chunk: PipeQueue.own copies the unread "
            + "rest of each completed write into a new array (Arrays.copyOfRange). JFR: Unsafe.unpark 37% and "
            + "IoRequest.complete: with a 64 KiB quota and 64 KiB writes, writer and reader go in lockstep, one "
            + "wake-up per chunk. Fix: a ring buffer of the quota per pipe end (no allocation), and completing "
            + "a write as soon as it is copied in.";
    static final String NAMED_PIPE = "~1 KB allocated per round trip: each ReadFile/WriteFile builds an I/O "
            + "request and copies the message (PipeQueue: Arrays.copyOf per message); beyond the two wake-ups "
            + "of an event ping-pong there are the I/O manager's request, completion and file-object lookups. "
            + "On virtual threads the carrier steal of event_pingpong_threads (virtual) comes on top.";
    static final String SECTION = "The 1 MiB is allocated and zeroed on every create (the JDK's shared arena, "
            + "its baseline here, costs as much); Wine maps lazily zero-filled pages and touches none. Fix: "
            + "commit lazily (anonymous memory mapped on demand, or a pool of released segments) so that "
            + "create+map+unmap touches no page.";
    static final String PORT = FACADE + " The port: its lock (AQS, ~14%), the packet queue and the getAndSet "
            + "of its signal state. 96 B/op: the CompletionPacket, and in IoCalls.getQueuedCompletionStatus a "
            + "CompletionPacket[1] and an int[1] per call. 1000x Wine needs 28 ns, less than the JDK's own "
            + "LinkedBlockingQueue offer+poll (44 ns here).";
    static final String RETAINED = "Exact: EventObject 40 B + DispatcherEvent 24 B + HandleEntry 24 B = 88 B "
            + "(SyncFootprintTest), plus the table slot.";
    static final String NT_ADOPTION = "Adopt + end of a platform thread: a CoreThread, a Waiter and map nodes "
            + "(ConcurrentHashMap put/remove in the kernel's threads and the process's set), and the end's "
            + "CPU-time read (getThreadCpuTime).";
    static final String ADOPTION = "JFR: a virtual thread's adoption is small beside its start and join (the "
            + "baseline is carrier wake-ups): adoptThread allocates a CoreThread, a Waiter and map nodes "
            + "(ConcurrentHashMap put/remove in threads, adopted and the process's set).";
    static final String WAITERS = "JFR (earlier run): ProcessManager.sweep walks every adopted thread each 100 ms "
            + "(ConcurrentHashMap iteration, CoreThread.javaThread, VirtualThread.alive: ~30% of samples with "
            + "100,000 adopted) and Win32ProcessImpl.purgeDeadSlots walks the slots; the wake of 100,000 waiters "
            + "of one event (wakeAllNsPerWaiter) has each woken waiter dequeue itself under the event's lock. Fix: "
            + "end adopted virtual threads from their own exit (no sweep of live ones), and dequeue woken wait "
            + "blocks in the signaller's pass.";

    public static final List<Scenario> ALL = List.of(
            Scenario.of("event_pingpong_threads", "platform", "HandOffBenchmark.event_pingpong_threads" + PLATFORM)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + PLATFORM, "park/unpark ping-pong")
                    .wine("event_pingpong_threads", 36_139).speedupAtLeast(2).ratioAtMost(1.3)
                    .note(HAND_OFF),
            Scenario.of("event_pingpong_threads", "virtual", "HandOffBenchmark.event_pingpong_threads" + VIRTUAL)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + VIRTUAL, "park/unpark ping-pong")
                    .wine("event_pingpong_threads", 36_139).speedupAtLeast(30).ratioAtMost(1.5)
                    .note(VIRTUAL_HAND_OFF),
            Scenario.of("signal_and_wait_pingpong_threads", "platform",
                            "HandOffBenchmark.signal_and_wait_pingpong_threads" + PLATFORM)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + PLATFORM, "park/unpark ping-pong"),
            Scenario.of("signal_and_wait_pingpong_threads", "virtual",
                            "HandOffBenchmark.signal_and_wait_pingpong_threads" + VIRTUAL)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + VIRTUAL, "park/unpark ping-pong"),
            Scenario.of("event_pingpong_processes", "platform", "HandOffBenchmark.event_pingpong_processes" + PLATFORM)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + PLATFORM, "park/unpark ping-pong (threads)")
                    .wine("event_pingpong_processes", 38_845),
            Scenario.of("event_pingpong_processes", "virtual", "HandOffBenchmark.event_pingpong_processes" + VIRTUAL)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + VIRTUAL, "park/unpark ping-pong (threads)")
                    .wine("event_pingpong_processes", 38_845),
            Scenario.of("wait_signaled", null, "WaitBenchmark.wait_signaled")
                    .vs("WaitBenchmark.baseline_semaphore", "Semaphore release+acquire")
                    .wine("wait_signaled", 14_561).speedupAtLeast(1000).ratioAtMost(1.5).bytesAtMost(0)
                    .note(FACADE),
            Scenario.of("mutex_uncontended", null, "WaitBenchmark.mutex_uncontended")
                    .vs("WaitBenchmark.baseline_reentrant_lock", "ReentrantLock lock+unlock")
                    .wine("mutex_uncontended", 28_351).speedupAtLeast(1000).ratioAtMost(2).bytesAtMost(0)
                    .note(MUTEX),
            Scenario.of("nt_mutex_uncontended", "NT path", "WaitBenchmark.nt_mutex_uncontended")
                    .vs("WaitBenchmark.baseline_reentrant_lock", "ReentrantLock lock+unlock")
                    .ratioAtMost(2).bytesAtMost(0)
                    .note(NT_MUTEX),
            Scenario.of("dispatcher_mutant", "no handles", "WaitBenchmark.dispatcher_mutant")
                    .vs("WaitBenchmark.baseline_reentrant_lock", "ReentrantLock lock+unlock"),
            Scenario.of("handle_lookup_1m", "random, 1,000,000 handles", "HandleLookupBenchmark.kobjLookup")
                    .vs("HandleLookupBenchmark.baselineObjectArray", "Object[] of 1,000,000")
                    .ratioAtMost(2).bytesAtMost(0)
                    .note(LOOKUP),
            Scenario.of("mutex_contended_2threads", "platform", "HandOffBenchmark.mutex_contended_2threads" + PLATFORM)
                    .vs("HandOffBenchmark.event_pingpong_threads" + PLATFORM, "kobj event ping-pong")
                    .wine("mutex_contended_2threads", 17_911).ratioAtMost(1.5),
            Scenario.of("mutex_contended_2threads", "virtual", "HandOffBenchmark.mutex_contended_2threads" + VIRTUAL)
                    .vs("HandOffBenchmark.event_pingpong_threads" + VIRTUAL, "kobj event ping-pong")
                    .wine("mutex_contended_2threads", 17_911).ratioAtMost(1.5),
            Scenario.of("mutex_contended_2threads", "platform, vs JDK",
                            "HandOffBenchmark.mutex_contended_2threads" + PLATFORM)
                    .vs("HandOffBenchmark.baseline_lock_contended_2threads" + PLATFORM, "non-fair ReentrantLock")
                    .wine("mutex_contended_2threads", 17_911),
            Scenario.of("semaphore_release_wait", null, "WaitBenchmark.semaphore_release_wait")
                    .vs("WaitBenchmark.baseline_semaphore", "Semaphore release+acquire")
                    .wine("semaphore_release_wait", 28_365).speedupAtLeast(1000).bytesAtMost(0)
                    .note(FACADE),
            Scenario.of("create_close_event", null, "HandleBenchmark.create_close_event")
                    .vs("HandleBenchmark.baseline_chm_put_remove", "ConcurrentHashMap put+remove")
                    .wine("create_close_event", 28_779).speedupAtLeast(300).ratioAtMost(3)
                    .note(CREATE),
            Scenario.of("create_close_named_event", null, "HandleBenchmark.create_close_named_event")
                    .vs("HandleBenchmark.baseline_chm_put_remove_named", "ConcurrentHashMap put+remove, new name")
                    .wine("create_close_named_event", 29_371).speedupAtLeast(300)
                    .note(NAMES),
            Scenario.of("open_named_event", null, "HandleBenchmark.open_named_event")
                    .vs("HandleBenchmark.baseline_chm_put_remove", "ConcurrentHashMap put+remove")
                    .wine("open_named_event", 28_282).speedupAtLeast(300)
                    .note(NAMES),
            Scenario.of("duplicate_close", null, "HandleBenchmark.duplicate_close")
                    .vs("HandleBenchmark.baseline_chm_put_remove", "ConcurrentHashMap put+remove")
                    .wine("duplicate_close", 28_783).speedupAtLeast(300)
                    .note(FACADE),
            Scenario.of("wait_any_64", null, "WaitBenchmark.wait_any_64")
                    .wine("wait_any_64", 16_001).speedupAtLeast(100).bytesAtMost(0)
                    .note(WAIT_ANY),
            Scenario.of("wait_all_64", null, "WaitBenchmark.wait_all_64")
                    .wine("wait_all_64", 16_071).speedupAtLeast(100).bytesAtMost(0)
                    .note(WAIT_ALL),
            Scenario.of("pipe_throughput", "ns per 64 KiB", "PipeBenchmark.pipe_throughput")
                    .vs("PipeBenchmark.baseline_nio_pipe_throughput", "java.nio Pipe, 64 KiB direct buffers")
                    .wine("pipe_throughput", 84_816).speedupAtLeast(3).ratioAtMost(1)
                    .note(PIPE),
            Scenario.of("named_pipe_msg_roundtrip_processes", "platform",
                            "HandOffBenchmark.named_pipe_msg_roundtrip_processes" + PLATFORM)
                    .vs("HandOffBenchmark.event_pingpong_processes" + PLATFORM, "kobj event ping-pong (processes)")
                    .wine("named_pipe_msg_roundtrip_processes", 127_976).ratioAtMost(2)
                    .note(NAMED_PIPE),
            Scenario.of("named_pipe_msg_roundtrip_processes", "virtual",
                            "HandOffBenchmark.named_pipe_msg_roundtrip_processes" + VIRTUAL)
                    .vs("HandOffBenchmark.event_pingpong_processes" + VIRTUAL, "kobj event ping-pong (processes)")
                    .wine("named_pipe_msg_roundtrip_processes", 127_976).ratioAtMost(2)
                    .note(NAMED_PIPE),
            Scenario.of("mailslot_send_recv", null, "PipeBenchmark.mailslot_send_recv")
                    .vs("PipeBenchmark.baseline_queue_messages", "ArrayBlockingQueue of 64 B arrays")
                    .wine("mailslot_send_recv", 17_026),
            Scenario.of("section_map_unmap", null, "SectionBenchmark.section_map_unmap")
                    .vs("SectionBenchmark.baseline_shared_arena_1mib", "shared Arena, 1 MiB")
                    .wine("section_map_unmap", 158_919).speedupAtLeast(100)
                    .note(SECTION),
            Scenario.of("completion_port_post_get", null, "CompletionPortBenchmark.completion_port_post_get")
                    .vs("CompletionPortBenchmark.baseline_queue_offer_poll", "LinkedBlockingQueue offer+poll")
                    .wine("completion_port_post_get", 27_763).speedupAtLeast(1000)
                    .note(PORT),
            Scenario.of("set_event", null, "WaitBenchmark.set_event")
                    .wine("set_event", 13_781).bytesAtMost(0),
            Scenario.of("handles_1m", "ns per create; retained B", "ScaleBenchmark.handles_1m")
                    .vs("ScaleBenchmark.baseline_heap_chm_1m", "ConcurrentHashMap<Long, 32 B object>")
                    .wine("handles_1m", 14_627).bytesFrom("retainedBytesPerHandle").bytesAtMost(96)
                    .note(RETAINED),
            Scenario.of("waiters_100k", "virtual, ns per waiter", "ScaleBenchmark.waiters_100k")
                    .vs("ScaleBenchmark.baseline_latch_waiters_100k", "CountDownLatch.await")
                    .note(WAITERS),
            Scenario.of("event_wake_latency", "platform, SampleTime", "WakeLatencyBenchmark.event_wake_latency")
                    .vs("WakeLatencyBenchmark.baseline_park_wake_latency", "park/unpark round trip"),
            Scenario.of("event_wake_latency", "virtual, SampleTime", "WakeLatencyBenchmark.Virtual.event_wake_latency")
                    .vs("WakeLatencyBenchmark.Virtual.baseline_park_wake_latency", "park/unpark round trip"),
            Scenario.of("kernel_boot", "all modules", "StartupBenchmark.kernel_boot"),
            Scenario.of("thread_adoption", "new virtual thread, first call", "StartupBenchmark.thread_adoption")
                    .vs("StartupBenchmark.baseline_virtual_thread", "virtual thread start+join")
                    .note(ADOPTION),
            Scenario.of("nt_thread_adoption", "adopt + end, kernel only", "StartupBenchmark.nt_thread_adoption")
                    .note(NT_ADOPTION));
}
