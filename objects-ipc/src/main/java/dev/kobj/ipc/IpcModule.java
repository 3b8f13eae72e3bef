package dev.kobj.ipc;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.port.PortService;
import dev.kobj.api.section.SectionService;

/** The IPC family: sections (pagefile-backed), the Port type, and the named-pipe and mailslot file systems. */
public final class IpcModule implements KernelModule {
    @Override
    public String id() {
        return "ipc";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder kernel = KernelBinder.of(binder);
        IpcTypes.ALL.forEach(kernel::objectType);
        kernel.service(SectionService.class, SectionServiceImpl.class);
        kernel.driver("Npfs", NamedPipeDriver.class).driver("Msfs", MailslotDriver.class);
        kernel.processListener(SectionRundown.class);
        kernel.service(PortService.class, PortServiceImpl.class);
    }
}
