package dev.kobj.core;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.process.ProcessService;
import dev.kobj.core.process.ProcessManager;

/**
 * The kernel's own module, always loaded first: the core object types and services. Its id
 * {@value #ID} is reserved.
 */
public final class CoreModule implements KernelModule {
    public static final String ID = "core";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder kernel = KernelBinder.of(binder);
        CoreTypes.ALL.forEach(kernel::objectType);
        kernel.service(ProcessService.class, ProcessManager.class);
    }
}
