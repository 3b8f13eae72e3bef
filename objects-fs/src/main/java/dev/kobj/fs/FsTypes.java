package dev.kobj.fs;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.object.ObjectType;

/** The file-system family's type descriptors (nt-semantics.md §4.2). */
final class FsTypes {
    /** A job's last handle may kill its processes (KILL_ON_JOB_CLOSE); its deletion leaves the job tree. */
    static final ObjectType JOB = ObjectType.builder("Job")
            .genericMapping(new GenericMapping(0x20004, 0x2000B, 0x120000, 0x1F003F))
            .validAccessMask(0x1F003F)
            .waitable(true)
            .procedures(new ObjectProcedures() {
                @Override
                public void close(KernelObject object, KProcess process, int handlesLeft) {
                    if (handlesLeft == 0) {
                        JobObject job = (JobObject) object;
                        job.owner.lastHandleClosed(job);
                    }
                }

                @Override
                public void delete(KernelObject object) {
                    JobObject job = (JobObject) object;
                    job.owner.deleted(job);
                }
            })
            .build();

    private FsTypes() {
    }
}
