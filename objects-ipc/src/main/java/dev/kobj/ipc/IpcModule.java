package dev.kobj.ipc;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;

/** The IPC family: Section and Port types; the named-pipe and mailslot drivers come with the I/O manager. */
public final class IpcModule implements KernelModule {
    @Override
    public String id() {
        return "ipc";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder kernel = KernelBinder.of(binder);
        IpcTypes.ALL.forEach(kernel::objectType);
    }
}
