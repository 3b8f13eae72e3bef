package dev.kobj.sync;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.sync.SyncService;

/** The sync family: Event, Mutant, Semaphore, Timer and KeyedEvent. */
public final class SyncModule implements KernelModule {
    @Override
    public String id() {
        return "sync";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder kernel = KernelBinder.of(binder);
        SyncTypes.ALL.forEach(kernel::objectType);
        kernel.service(SyncService.class, SyncServiceImpl.class);
        kernel.processListener(TimerApcs.class); // a thread's end cancels the timers whose APCs go to it
    }
}
