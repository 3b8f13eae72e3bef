package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.port.PortService;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService;

/** A kernel with the sync family and one process, for benchmarks; each benchmark thread adopts itself. */
final class BenchKernel implements AutoCloseable {
    final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("sync", "ipc"));
    final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    final SyncService sync = kernel.service(SyncService.class).orElseThrow();
    final WaitService waits = kernel.service(WaitService.class).orElseThrow();
    final PortService ports = kernel.service(PortService.class).orElseThrow();
    final KProcess process = kernel.processes().createProcess("bench.exe", 1);

    KThread adopt() {
        return kernel.processes().adoptThread(process, Thread.currentThread());
    }

    long event(KThread caller, boolean manual, boolean signalled) {
        long[] h = new long[1];
        check(sync.createEvent(caller, null, 0x1F0003, manual ? 0 : 1, signalled, h));
        return h[0];
    }

    long mutex(KThread caller) {
        long[] h = new long[1];
        check(sync.createMutant(caller, null, 0x1F0001, false, h));
        return h[0];
    }

    long semaphore(KThread caller, int initial, int maximum) {
        long[] h = new long[1];
        check(sync.createSemaphore(caller, null, 0x1F0003, initial, maximum, h));
        return h[0];
    }

    static void check(int status) {
        if (status < 0) {
            throw new IllegalStateException("status 0x" + Integer.toHexString(status));
        }
    }

    @Override
    public void close() {
        kernel.close();
    }
}
