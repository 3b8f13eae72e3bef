package dev.kobj.bench;

import dev.kobj.api.process.KThread;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uncontended sync operations on one thread, each beside its java.util.concurrent baseline: a wait on a
 * signalled object against Semaphore acquire+release, a mutant acquire+release against ReentrantLock,
 * event set/reset, and create+close of an unnamed event against ConcurrentHashMap put+remove. Run with
 * {@code -prof gc}: the kobj operations allocate nothing but the create.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class SyncOpsBenchmark {
    BenchKernel k;
    KThread caller;
    long manualSet;
    long event;
    long mutex;
    long semaphore;
    final long[] out = new long[1];
    final Semaphore jucSemaphore = new Semaphore(1);
    final ReentrantLock jucLock = new ReentrantLock();
    final ConcurrentHashMap<Long, Object> map = new ConcurrentHashMap<>();
    final Object value = new Object();
    long key;

    @Setup
    public void setUp() {
        k = new BenchKernel();
        caller = k.adopt();
        manualSet = k.event(caller, true, true);
        event = k.event(caller, true, false);
        mutex = k.mutex(caller);
        semaphore = k.semaphore(caller, 1, 1);
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    @Benchmark
    public int waitOnSignalledEvent() {
        return k.waits.waitForSingleObject(caller, manualSet, false, 0);
    }

    @Benchmark
    public int semaphoreWaitAndRelease() {
        k.waits.waitForSingleObject(caller, semaphore, false, 0);
        return k.sync.releaseSemaphore(caller, semaphore, 1, null);
    }

    @Benchmark
    public void baselineSemaphoreAcquireRelease() throws InterruptedException {
        jucSemaphore.acquire();
        jucSemaphore.release();
    }

    @Benchmark
    public int mutantAcquireRelease() {
        k.waits.waitForSingleObject(caller, mutex, false, 0);
        return k.sync.releaseMutant(caller, mutex, null);
    }

    @Benchmark
    public void baselineReentrantLock() {
        jucLock.lock();
        jucLock.unlock();
    }

    @Benchmark
    public int eventSetReset() {
        k.sync.setEvent(caller, event, null);
        return k.sync.resetEvent(caller, event, null);
    }

    @Benchmark
    public int createAndCloseUnnamedEvent() {
        k.sync.createEvent(caller, null, 0x1F0003, 1, false, out);
        return k.objects.close(caller, out[0]);
    }

    @Benchmark
    public Object baselineConcurrentHashMapPutRemove() {
        Long boxed = key++;
        map.put(boxed, value);
        return map.remove(boxed);
    }
}
