package dev.kobj.core;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.process.KProcess;
import dev.kobj.core.process.CoreProcess;
import dev.kobj.core.process.CoreThread;
import dev.kobj.api.object.ObjectType;
import dev.kobj.core.io.IoProcedures;
import java.util.List;

/** The object types the core owns (nt-semantics.md §4.2 for masks and mappings). */
public final class CoreTypes {
    public static final ObjectType TYPE = ObjectType.builder("Type")
            .genericMapping(new GenericMapping(0x20000, 0x20000, 0x20000, 0xF0001))
            .validAccessMask(0x1F0001)
            .build();
    public static final ObjectType DIRECTORY = ObjectType.builder("Directory")
            .genericMapping(new GenericMapping(0x20003, 0x2000C, 0x20003, 0xF000F))
            .validAccessMask(0xF000F)
            .build();
    public static final ObjectType SYMBOLIC_LINK = ObjectType.builder("SymbolicLink")
            .genericMapping(new GenericMapping(0x20001, 0x20000, 0x20001, 0xF0001))
            .validAccessMask(0xF0001)
            .build();
    public static final ObjectType TOKEN = ObjectType.builder("Token")
            .genericMapping(new GenericMapping(0x20008, 0x200E0, 0x20000, 0xF01FF))
            .validAccessMask(0xF01FF)
            .build();
    public static final ObjectType PROCESS = ObjectType.builder("Process")
            .genericMapping(new GenericMapping(0x20410, 0x20BEA, 0x121001, 0x1FFFFF))
            .validAccessMask(0x1FFFFF)
            .waitable(true)
            .procedures(new ObjectProcedures() {
                @Override
                public void close(KernelObject object, KProcess process, int handlesLeft) {
                    if (handlesLeft == 0) {
                        ((CoreProcess) object).lastHandleClosed(); // an ended process's id goes now
                    }
                }
            })
            .build();
    public static final ObjectType THREAD = ObjectType.builder("Thread")
            .genericMapping(new GenericMapping(0x20048, 0x20037, 0x121800, 0x1FFFFF))
            .validAccessMask(0x1FFFFF)
            .waitable(true)
            .procedures(new ObjectProcedures() {
                @Override
                public void close(KernelObject object, KProcess process, int handlesLeft) {
                    if (handlesLeft == 0) {
                        ((CoreThread) object).lastHandleClosed(); // an ended thread's id goes now
                    }
                }
            })
            .build();
    public static final ObjectType FILE = ObjectType.builder("File")
            .genericMapping(new GenericMapping(0x120089, 0x120116, 0x1200A0, 0x1F01FF))
            .validAccessMask(0x1F01FF)
            .waitable(true)
            .procedures(IoProcedures.FILE)
            .build();
    public static final ObjectType DEVICE = ObjectType.builder("Device")
            .genericMapping(new GenericMapping(0x120089, 0x120116, 0x1200A0, 0x1F01FF))
            .validAccessMask(0x1F01FF)
            .procedures(IoProcedures.device(() -> CoreTypes.FILE))
            .build();
    public static final ObjectType IO_COMPLETION = ObjectType.builder("IoCompletion")
            .genericMapping(new GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003))
            .validAccessMask(0x1F0003)
            .waitable(true)
            .procedures(IoProcedures.IO_COMPLETION)
            .build();

    public static final List<ObjectType> ALL =
            List.of(TYPE, DIRECTORY, SYMBOLIC_LINK, TOKEN, PROCESS, THREAD, FILE, DEVICE, IO_COMPLETION);

    private CoreTypes() {
    }
}
