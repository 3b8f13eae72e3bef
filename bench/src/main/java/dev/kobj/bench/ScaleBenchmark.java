package dev.kobj.bench;

import static dev.kobj.win32.Win32.INFINITE;

import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.win32.Kernel32;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scale runs, one shot each: {@code handles_1m} creates 1,000,000 unnamed events through Kernel32
 * and keeps them open (ns per create; after the shot, the heap they hold per event and handle, measured
 * after a full GC, is the {@code retainedBytesPerHandle} counter; then all are closed, untimed), beside
 * 1,000,000 32-byte objects put in a ConcurrentHashMap under Long keys (Java's 102 B per entry); and
 * {@code waiters_100k} starts 100,000 virtual threads that each block in WaitForSingleObject on one
 * manual-reset event, sets it once all are waiting, and joins them (ns per waiter for the whole life;
 * {@code wakeAllNsPerWaiter} is the share from SetEvent to the last join), beside the same with a
 * CountDownLatch.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Benchmark)
public class ScaleBenchmark {
    static final int HANDLES = 1_000_000;
    static final int WAITERS = 100_000;

    /** A baseline's value: 32 bytes with compressed oops and class pointers, as RESULTS.md's KObj. */
    record KObj(long id, int state, Object ref) {
    }

    /** The heap held per event and handle after {@code handles_1m}'s shot, measured in the iteration's teardown. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retained {
        public double retainedBytesPerHandle;
    }

    /** The share of {@code waiters_100k}'s time from the wake-up to the last join, per waiter. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Wake {
        public double wakeAllNsPerWaiter;
    }

    Win32Bench bench;
    Kernel32 k32;
    final long[] handles = new long[HANDLES];
    ConcurrentHashMap<Long, KObj> map;
    long usedBefore;
    long gate;

    @Setup(Level.Trial)
    public void setUp() {
        bench = new Win32Bench(ThreadKind.VIRTUAL);
        k32 = bench.k32;
        gate = bench.check(k32.CreateEvent(null, true, false, null), "CreateEvent");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bench.close();
    }

    @Setup(Level.Iteration)
    public void beforeShot() {
        map = null;
        k32.ResetEvent(gate);
        usedBefore = usedHeap();
    }

    @TearDown(Level.Iteration)
    public void afterShot(Retained retained) {
        long used = usedHeap();
        if (map != null) {
            retained.retainedBytesPerHandle = (double) (used - usedBefore) / HANDLES;
            map = null;
        } else if (handles[0] != 0) {
            retained.retainedBytesPerHandle = (double) (used - usedBefore) / HANDLES;
            for (int i = 0; i < HANDLES; i++) {
                k32.CloseHandle(handles[i]);
                handles[i] = 0;
            }
        }
    }

    /** Heap in use after full collections, settled (a second GC frees what the first one's finalization left). */
    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Benchmark
    @OperationsPerInvocation(HANDLES)
    public long handles_1m() {
        for (int i = 0; i < HANDLES; i++) {
            handles[i] = k32.CreateEvent(null, false, false, null);
        }
        return bench.check(handles[HANDLES - 1], "CreateEvent");
    }

    @Benchmark
    @OperationsPerInvocation(HANDLES)
    public Object baseline_heap_chm_1m() {
        ConcurrentHashMap<Long, KObj> m = new ConcurrentHashMap<>();
        for (int i = 0; i < HANDLES; i++) {
            m.put((long) i, new KObj(i, 0, null));
        }
        map = m;
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(WAITERS)
    public void waiters_100k(Wake wake) throws InterruptedException {
        wake.wakeAllNsPerWaiter = waitAndWake(() -> k32.WaitForSingleObject(gate, INFINITE),
                () -> k32.SetEvent(gate));
    }

    @Benchmark
    @OperationsPerInvocation(WAITERS)
    public void baseline_latch_waiters_100k(Wake wake) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        wake.wakeAllNsPerWaiter = waitAndWake(() -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, latch::countDown);
    }

    /**
     * Starts WAITERS virtual threads running {@code waitBody}, waits until every one is parked, runs
     * {@code wake} and joins them; returns the wake-to-last-join time per waiter.
     */
    private static double waitAndWake(Runnable waitBody, Runnable wake) throws InterruptedException {
        AtomicInteger arrived = new AtomicInteger();
        Thread[] waiters = new Thread[WAITERS];
        for (int i = 0; i < WAITERS; i++) {
            waiters[i] = Thread.ofVirtual().start(() -> {
                arrived.incrementAndGet();
                waitBody.run();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < WAITERS; i++) {
            while (arrived.get() < WAITERS || waiters[i].getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("waiter " + i + " is not waiting: " + waiters[i].getState());
                }
                java.util.concurrent.locks.LockSupport.parkNanos(50_000); // leave the carriers the CPUs
            }
        }
        long woken = System.nanoTime();
        wake.run();
        for (Thread waiter : waiters) {
            waiter.join();
        }
        return (double) (System.nanoTime() - woken) / WAITERS;
    }
}
