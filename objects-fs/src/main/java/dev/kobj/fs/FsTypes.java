package dev.kobj.fs;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.ObjectType;

/** The file-system family's type descriptors (nt-semantics.md §4.2). */
final class FsTypes {
    static final ObjectType JOB = ObjectType.builder("Job")
            .genericMapping(new GenericMapping(0x20004, 0x2000B, 0x120000, 0x1F003F))
            .validAccessMask(0x1F003F)
            .waitable(true)
            .build();

    private FsTypes() {
    }
}
