package dev.kobj.hardening;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KProcess;

/**
 * A test-only plugin whose type procedures throw on request: each {@link Faulty} object says which of
 * its procedures fail. It contributes only the type; tests create objects through the ObjectManager.
 */
public final class FaultyModule implements KernelModule {
    static final int ALL_ACCESS = 0x1F0003;

    /** Which procedure throws. */
    enum Fault { NONE, OPEN, OKAY_TO_CLOSE, CLOSE, DELETE }

    /** An object whose procedures throw as {@link #fault} says. */
    static final class Faulty extends KernelObject {
        volatile Fault fault;

        Faulty(Fault fault) {
            super(FAULTY);
            this.fault = fault;
        }

        void maybeThrow(Fault at) {
            if (fault == at) {
                throw new IllegalStateException("the faulty plugin's " + at + " procedure throws");
            }
        }
    }

    static final ObjectType FAULTY = ObjectType.builder("Faulty")
            .genericMapping(new GenericMapping(0x20001, 0x20002, 0x120000, ALL_ACCESS))
            .validAccessMask(ALL_ACCESS)
            .procedures(new ObjectProcedures() {
                @Override
                public int open(KernelObject object, KProcess process, int grantedAccess, OpenReason reason) {
                    ((Faulty) object).maybeThrow(Fault.OPEN);
                    return 0;
                }

                @Override
                public boolean okayToClose(KernelObject object, KProcess process) {
                    ((Faulty) object).maybeThrow(Fault.OKAY_TO_CLOSE);
                    return true;
                }

                @Override
                public void close(KernelObject object, KProcess process, int handlesLeft) {
                    ((Faulty) object).maybeThrow(Fault.CLOSE);
                }

                @Override
                public void delete(KernelObject object) {
                    ((Faulty) object).maybeThrow(Fault.DELETE);
                }
            })
            .build();

    @Override
    public String id() {
        return "faulty";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder).objectType(FAULTY);
    }
}
