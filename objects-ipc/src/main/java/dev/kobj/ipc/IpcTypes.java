package dev.kobj.ipc;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KProcess;
import java.util.List;

/** The IPC family's type descriptors (nt-semantics.md §4.2). Sections are not waitable. */
final class IpcTypes {
    /** A section's delete procedure frees its store and gives back the creator's charge. */
    static final ObjectType SECTION = ObjectType.builder("Section")
            .genericMapping(new GenericMapping(0x20005, 0x20002, 0x20008, 0xF001F))
            .validAccessMask(0xF003F)
            .procedures(new ObjectProcedures() {
                @Override
                public void delete(KernelObject object) {
                    ((SectionObject) object).delete();
                }
            })
            .build();
    /** Closing a port's last handle disconnects what hangs on it; deleting it lets go of its connection port. */
    static final ObjectType PORT = ObjectType.builder("Port")
            .genericMapping(new GenericMapping(0x20001, 0x10001, 0x20001, 0x1F0001))
            .validAccessMask(0x1F0001)
            .procedures(new ObjectProcedures() {
                @Override
                public void close(KernelObject object, KProcess process, int handlesLeft) {
                    if (handlesLeft == 0) {
                        PortObject port = (PortObject) object;
                        port.owner.lastHandleClosed(port);
                    }
                }

                @Override
                public void delete(KernelObject object) {
                    PortObject port = (PortObject) object;
                    port.owner.deleted(port);
                }
            })
            .build();

    static final List<ObjectType> ALL = List.of(SECTION, PORT);

    private IpcTypes() {
    }
}
