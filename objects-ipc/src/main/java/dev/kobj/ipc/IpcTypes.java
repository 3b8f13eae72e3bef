package dev.kobj.ipc;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.object.ObjectType;
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
    static final ObjectType PORT = ObjectType.builder("Port")
            .genericMapping(new GenericMapping(0x20001, 0x10001, 0x20001, 0x1F0001))
            .validAccessMask(0x1F0001)
            .build();

    static final List<ObjectType> ALL = List.of(SECTION, PORT);

    private IpcTypes() {
    }
}
