package dev.kobj.sync;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.object.ObjectType;
import java.util.List;

/** The sync family's type descriptors (nt-semantics.md §4.2). */
final class SyncTypes {
    static final ObjectType EVENT = waitable("Event", 0x20002, 0x1F0003);
    static final ObjectType MUTANT = waitable("Mutant", 0x20000, 0x1F0001);
    static final ObjectType SEMAPHORE = waitable("Semaphore", 0x20002, 0x1F0003);
    /** A timer's delete procedure disarms it, so a periodic timer nobody holds stops firing. */
    static final ObjectType TIMER = ObjectType.builder("Timer")
            .genericMapping(new GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003))
            .validAccessMask(0x1F0003)
            .waitable(true)
            .procedures(new ObjectProcedures() {
                @Override
                public void delete(KernelObject object) {
                    ((TimerObject) object).cancel();
                }
            })
            .build();
    /** Waitable only in the plain sense: a wait on the handle returns at once (§6.5). */
    static final ObjectType KEYED_EVENT = ObjectType.builder("KeyedEvent")
            .genericMapping(new GenericMapping(0x20001, 0x20002, 0x20000, 0xF0003))
            .validAccessMask(0x1F0003)
            .waitable(true)
            .build();

    static final List<ObjectType> ALL = List.of(EVENT, MUTANT, SEMAPHORE, TIMER, KEYED_EVENT);

    private SyncTypes() {
    }

    /** Read is QUERY_STATE, execute is READ_CONTROL|SYNCHRONIZE for all four dispatcher types. */
    private static ObjectType waitable(String name, int genericWrite, int all) {
        return ObjectType.builder(name)
                .genericMapping(new GenericMapping(0x20001, genericWrite, 0x120000, all))
                .validAccessMask(all)
                .waitable(true)
                .build();
    }
}
