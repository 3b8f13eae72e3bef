package dev.kobj.sync;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KThread;

/** A Mutant: the header plus a dispatcher mutant. */
final class MutantObject extends KernelObject implements Waitable {
    final DispatcherMutant mutant;

    MutantObject(DispatcherContext context, KThread initialOwner) {
        super(SyncTypes.MUTANT);
        this.mutant = new DispatcherMutant(context, initialOwner);
    }

    @Override
    public DispatcherMutant dispatcherObject() {
        return mutant;
    }
}
