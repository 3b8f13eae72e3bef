package dev.kobj.sync;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A kernel with the sync family, one process, and helper threads that act as threads of it. */
final class SyncFixture implements AutoCloseable {
    static final long INFINITE = WaitService.INFINITE;

    final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("sync"));
    final SyncService sync = kernel.service(SyncService.class).orElseThrow();
    final WaitService waits = kernel.service(WaitService.class).orElseThrow();
    final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    final KProcess process = kernel.processes().createProcess("sync.exe", 1);
    final KThread main = adopt();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    /** The calling Java thread as a new kernel thread of the process. */
    KThread adopt() {
        return kernel.processes().adoptThread(process, Thread.currentThread());
    }

    /** Runs {@code body} on another platform thread, adopted into the process. */
    <T> Future<T> onOtherThread(ThreadBody<T> body) {
        return pool.submit((Callable<T>) () -> body.run(adopt()));
    }

    @FunctionalInterface
    interface ThreadBody<T> {
        T run(KThread self) throws Exception;
    }

    long event(boolean manual, boolean signalled) {
        long[] h = new long[1];
        check(sync.createEvent(main, null, 0x1F0003, manual ? 0 : 1, signalled, h));
        return h[0];
    }

    long semaphore(int initial, int maximum) {
        long[] h = new long[1];
        check(sync.createSemaphore(main, null, 0x1F0003, initial, maximum, h));
        return h[0];
    }

    long mutex(boolean owned) {
        long[] h = new long[1];
        check(sync.createMutant(main, null, 0x1F0001, owned, h));
        return h[0];
    }

    static void check(int status) {
        if (status < 0) {
            throw new AssertionError("status 0x" + Integer.toHexString(status));
        }
    }

    /** Relative NT timeout of {@code ms} milliseconds. */
    static long ms(long ms) {
        return -ms * 10_000;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        kernel.close();
    }
}
