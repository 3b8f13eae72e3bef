package dev.kobj.bench;

import static dev.kobj.win32.Win32.INFINITE;
import static dev.kobj.win32.Win32.MAXIMUM_WAIT_OBJECTS;

import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService;
import dev.kobj.win32.Kernel32;
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
 * Wine's non-blocking wait scenarios on one thread through Kernel32, each beside its
 * java.util.concurrent baseline: a wait on a signalled event, a mutex acquire+release (against
 * ReentrantLock), a semaphore release+wait (against Semaphore), SetEvent on a signalled event, and the
 * 64-handle waits (any: only the last signalled; all: every one signalled). The {@code nt_} methods make
 * the same calls on the kernel's services, without the Win32 layer, to show what the facade costs. Run
 * with {@code -prof gc}: none of them creates an object, so each should allocate nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class WaitBenchmark {
    Win32Bench bench;
    Kernel32 k32;
    long signalled;
    long mutex;
    long semaphore;
    final long[] any = new long[MAXIMUM_WAIT_OBJECTS];
    final long[] all = new long[MAXIMUM_WAIT_OBJECTS];
    final Semaphore jucSemaphore = new Semaphore(0);
    final ReentrantLock jucLock = new ReentrantLock();
    WaitService waits;
    SyncService sync;
    KThread caller;
    DispatcherMutant mutant;

    @Setup
    public void setUp() {
        bench = new Win32Bench(ThreadKind.PLATFORM);
        k32 = bench.k32;
        signalled = bench.check(k32.CreateEvent(null, true, true, null), "CreateEvent");
        mutex = bench.check(k32.CreateMutex(null, false, null), "CreateMutex");
        semaphore = bench.check(k32.CreateSemaphore(null, 0, 1, null), "CreateSemaphore");
        for (int i = 0; i < MAXIMUM_WAIT_OBJECTS; i++) {
            any[i] = bench.check(k32.CreateEvent(null, true, i == MAXIMUM_WAIT_OBJECTS - 1, null), "CreateEvent");
            all[i] = bench.check(k32.CreateEvent(null, true, true, null), "CreateEvent");
        }
        waits = bench.kernel.service(WaitService.class).orElseThrow();
        sync = bench.kernel.service(SyncService.class).orElseThrow();
        caller = bench.kernel.processes().adoptThread(bench.kernelProcess(), Thread.currentThread());
        ObjectManager objects = bench.kernel.service(ObjectManager.class).orElseThrow();
        mutant = (DispatcherMutant) objects.lookup(caller, mutex).dispatcherObject();
        if (k32.WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, any, false, 0) != MAXIMUM_WAIT_OBJECTS - 1
                || k32.WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, all, true, 0) != 0) {
            throw new IllegalStateException("the 64-handle waits are not set up as Wine's");
        }
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public int wait_signaled() {
        return k32.WaitForSingleObject(signalled, 0);
    }

    @Benchmark
    public int nt_wait_signaled() {
        return waits.waitForSingleObject(caller, signalled, false, 0);
    }

    @Benchmark
    public boolean mutex_uncontended() {
        k32.WaitForSingleObject(mutex, INFINITE);
        return k32.ReleaseMutex(mutex);
    }

    @Benchmark
    public int nt_mutex_uncontended() {
        waits.waitForSingleObject(caller, mutex, false, WaitService.INFINITE);
        return sync.releaseMutant(caller, mutex, null);
    }

    /**
     * The mutant alone, without handles: what nt_mutex_uncontended costs besides its two handle lookups
     * and checks.
     */
    @Benchmark
    public int dispatcher_mutant() {
        mutant.tryAcquire(caller);
        return mutant.release(caller, null);
    }

    @Benchmark
    public void baseline_reentrant_lock() {
        jucLock.lock();
        jucLock.unlock();
    }

    @Benchmark
    public int semaphore_release_wait() {
        k32.ReleaseSemaphore(semaphore, 1, null);
        return k32.WaitForSingleObject(semaphore, INFINITE);
    }

    @Benchmark
    public void baseline_semaphore() {
        jucSemaphore.release();
        jucSemaphore.acquireUninterruptibly();
    }

    @Benchmark
    public boolean set_event() {
        return k32.SetEvent(signalled);
    }

    @Benchmark
    public int wait_any_64() {
        return k32.WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, any, false, INFINITE);
    }

    @Benchmark
    public int wait_all_64() {
        return k32.WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, all, true, INFINITE);
    }
}
