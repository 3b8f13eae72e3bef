package dev.kobj.core.object;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Identity;
import dev.kobj.core.testplugin.CounterService;

/** A booted kernel with the core and the Counter test plugin, and a caller thread in a fresh process. */
final class KernelFixture implements AutoCloseable {
    final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("counter"));
    final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    final CounterService counters = kernel.service(CounterService.class).orElseThrow();

    /** A kernel thread of a new process in session 1, bound to the calling Java thread. */
    KThread newCaller(String image) {
        return newCaller(image, Identity.DEFAULT);
    }

    /** The same, running as {@code identity}. */
    KThread newCaller(String image, Identity identity) {
        KProcess process = kernel.processes().createProcess(image, 1, identity);
        return kernel.processes().adoptThread(process, Thread.currentThread());
    }

    @Override
    public void close() {
        kernel.close();
    }
}
