package dev.kobj.core;

import com.google.inject.Binder;
import com.google.inject.multibindings.OptionalBinder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.KernelClock;
import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.inspect.KernelInspector;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.io.IoService;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.security.SecurityService;
import dev.kobj.api.status.StatusRegistry;
import dev.kobj.core.dispatch.ScheduledTimerQueue;
import dev.kobj.core.dispatch.WaitEngine;
import dev.kobj.core.memory.MemoryManager;
import dev.kobj.core.io.IoManager;
import dev.kobj.core.object.ObjectManagerImpl;
import dev.kobj.core.process.ProcessInspector;
import dev.kobj.core.process.ProcessManager;
import dev.kobj.core.security.SecurityServiceImpl;
import dev.kobj.core.status.StatusTable;

/**
 * The kernel's own module, always loaded first: the core object types and services. Its id
 * {@value #ID} is reserved.
 */
public final class CoreModule implements KernelModule {
    public static final String ID = "core";

    /** One dispatcher context per kernel: the wait-all lock the processes and the sync family share. */
    private static void bindDispatcherContext(Binder binder) {
        try {
            binder.bind(DispatcherContext.class).toConstructor(DispatcherContext.class.getConstructor())
                    .in(com.google.inject.Scopes.SINGLETON);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder kernel = KernelBinder.of(binder);
        CoreTypes.ALL.forEach(kernel::objectType);
        kernel.service(ObjectManager.class, ObjectManagerImpl.class);
        kernel.service(ProcessService.class, ProcessManager.class);
        kernel.service(KernelInspector.class, ProcessInspector.class);
        kernel.service(WaitService.class, WaitEngine.class);
        kernel.service(SecurityService.class, SecurityServiceImpl.class);
        kernel.service(MemoryService.class, MemoryManager.class);
        kernel.service(IoService.class, IoManager.class);
        kernel.service(StatusRegistry.class, StatusTable.class);
        bindDispatcherContext(binder);
        kernel.service(TimerQueue.class, ScheduledTimerQueue.class);
        OptionalBinder.newOptionalBinder(binder, KernelClock.class).setDefault().toInstance(KernelClock.SYSTEM);
        OptionalBinder.newOptionalBinder(binder, HandleTablePolicy.class).setDefault().toInstance(HandleTablePolicy.DEFAULT);
    }
}
