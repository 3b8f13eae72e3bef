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

    public static final List<Scenario> ALL = List.of(
            Scenario.of("event_pingpong_threads", "platform", "HandOffBenchmark.event_pingpong_threads" + PLATFORM)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + PLATFORM, "park/unpark ping-pong")
                    .wine("event_pingpong_threads", 36_139).speedupAtLeast(2).ratioAtMost(1.3),
            Scenario.of("event_pingpong_threads", "virtual", "HandOffBenchmark.event_pingpong_threads" + VIRTUAL)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + VIRTUAL, "park/unpark ping-pong")
                    .wine("event_pingpong_threads", 36_139).speedupAtLeast(30).ratioAtMost(1.5),
            Scenario.of("event_pingpong_processes", "platform", "HandOffBenchmark.event_pingpong_processes" + PLATFORM)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + PLATFORM, "park/unpark ping-pong (threads)")
                    .wine("event_pingpong_processes", 38_845),
            Scenario.of("event_pingpong_processes", "virtual", "HandOffBenchmark.event_pingpong_processes" + VIRTUAL)
                    .vs("HandOffBenchmark.baseline_park_pingpong" + VIRTUAL, "park/unpark ping-pong (threads)")
                    .wine("event_pingpong_processes", 38_845),
            Scenario.of("wait_signaled", null, "WaitBenchmark.wait_signaled")
                    .vs("WaitBenchmark.baseline_semaphore", "Semaphore release+acquire")
                    .wine("wait_signaled", 14_561).speedupAtLeast(1000).ratioAtMost(1.5).bytesAtMost(0),
            Scenario.of("mutex_uncontended", null, "WaitBenchmark.mutex_uncontended")
                    .vs("WaitBenchmark.baseline_reentrant_lock", "ReentrantLock lock+unlock")
                    .wine("mutex_uncontended", 28_351).speedupAtLeast(1000).ratioAtMost(2).bytesAtMost(0),
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
                    .wine("semaphore_release_wait", 28_365).speedupAtLeast(1000).bytesAtMost(0),
            Scenario.of("create_close_event", null, "HandleBenchmark.create_close_event")
                    .vs("HandleBenchmark.baseline_chm_put_remove", "ConcurrentHashMap put+remove")
                    .wine("create_close_event", 28_779).speedupAtLeast(300).ratioAtMost(3),
            Scenario.of("create_close_named_event", null, "HandleBenchmark.create_close_named_event")
                    .vs("HandleBenchmark.baseline_chm_put_remove_named", "ConcurrentHashMap put+remove, new name")
                    .wine("create_close_named_event", 29_371).speedupAtLeast(300),
            Scenario.of("open_named_event", null, "HandleBenchmark.open_named_event")
                    .vs("HandleBenchmark.baseline_chm_put_remove", "ConcurrentHashMap put+remove")
                    .wine("open_named_event", 28_282).speedupAtLeast(300),
            Scenario.of("duplicate_close", null, "HandleBenchmark.duplicate_close")
                    .vs("HandleBenchmark.baseline_chm_put_remove", "ConcurrentHashMap put+remove")
                    .wine("duplicate_close", 28_783).speedupAtLeast(300),
            Scenario.of("wait_any_64", null, "WaitBenchmark.wait_any_64")
                    .wine("wait_any_64", 16_001).speedupAtLeast(100).bytesAtMost(0),
            Scenario.of("wait_all_64", null, "WaitBenchmark.wait_all_64")
                    .wine("wait_all_64", 16_071).speedupAtLeast(100).bytesAtMost(0),
            Scenario.of("pipe_throughput", "ns per 64 KiB", "PipeBenchmark.pipe_throughput")
                    .vs("PipeBenchmark.baseline_nio_pipe_throughput", "java.nio Pipe, 64 KiB direct buffers")
                    .wine("pipe_throughput", 84_816).speedupAtLeast(3).ratioAtMost(1),
            Scenario.of("named_pipe_msg_roundtrip_processes", "platform",
                            "HandOffBenchmark.named_pipe_msg_roundtrip_processes" + PLATFORM)
                    .vs("HandOffBenchmark.event_pingpong_processes" + PLATFORM, "kobj event ping-pong (processes)")
                    .wine("named_pipe_msg_roundtrip_processes", 127_976).ratioAtMost(2),
            Scenario.of("named_pipe_msg_roundtrip_processes", "virtual",
                            "HandOffBenchmark.named_pipe_msg_roundtrip_processes" + VIRTUAL)
                    .vs("HandOffBenchmark.event_pingpong_processes" + VIRTUAL, "kobj event ping-pong (processes)")
                    .wine("named_pipe_msg_roundtrip_processes", 127_976).ratioAtMost(2),
            Scenario.of("mailslot_send_recv", null, "PipeBenchmark.mailslot_send_recv")
                    .vs("PipeBenchmark.baseline_queue_messages", "ArrayBlockingQueue of 64 B arrays")
                    .wine("mailslot_send_recv", 17_026),
            Scenario.of("section_map_unmap", null, "SectionBenchmark.section_map_unmap")
                    .vs("SectionBenchmark.baseline_shared_arena_1mib", "shared Arena, 1 MiB")
                    .wine("section_map_unmap", 158_919).speedupAtLeast(100),
            Scenario.of("completion_port_post_get", null, "CompletionPortBenchmark.completion_port_post_get")
                    .vs("CompletionPortBenchmark.baseline_queue_offer_poll", "LinkedBlockingQueue offer+poll")
                    .wine("completion_port_post_get", 27_763).speedupAtLeast(1000),
            Scenario.of("set_event", null, "WaitBenchmark.set_event")
                    .wine("set_event", 13_781).bytesAtMost(0),
            Scenario.of("handles_1m", "ns per create; retained B", "ScaleBenchmark.handles_1m")
                    .vs("ScaleBenchmark.baseline_heap_chm_1m", "ConcurrentHashMap<Long, 32 B object>")
                    .wine("handles_1m", 14_627).bytesFrom("retainedBytesPerHandle").bytesAtMost(96),
            Scenario.of("waiters_100k", "virtual, ns per waiter", "ScaleBenchmark.waiters_100k")
                    .vs("ScaleBenchmark.baseline_latch_waiters_100k", "CountDownLatch.await"),
            Scenario.of("event_wake_latency", "platform, SampleTime", "WakeLatencyBenchmark.event_wake_latency")
                    .vs("WakeLatencyBenchmark.baseline_park_wake_latency", "park/unpark round trip"),
            Scenario.of("event_wake_latency", "virtual, SampleTime", "WakeLatencyBenchmark.Virtual.event_wake_latency")
                    .vs("WakeLatencyBenchmark.Virtual.baseline_park_wake_latency", "park/unpark round trip"),
            Scenario.of("kernel_boot", "all modules", "StartupBenchmark.kernel_boot"),
            Scenario.of("thread_adoption", "new virtual thread, first call", "StartupBenchmark.thread_adoption")
                    .vs("StartupBenchmark.baseline_virtual_thread", "virtual thread start+join"),
            Scenario.of("nt_thread_adoption", "adopt + end, kernel only", "StartupBenchmark.nt_thread_adoption"));
}
