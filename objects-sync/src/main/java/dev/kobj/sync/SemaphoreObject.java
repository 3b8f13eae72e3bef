package dev.kobj.sync;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherSemaphore;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.KernelObject;

/** A Semaphore: the header plus a dispatcher semaphore. */
final class SemaphoreObject extends KernelObject implements Waitable {
    final DispatcherSemaphore semaphore;

    SemaphoreObject(DispatcherContext context, int initial, int maximum) {
        super(SyncTypes.SEMAPHORE);
        this.semaphore = new DispatcherSemaphore(context, initial, maximum);
    }

    @Override
    public DispatcherSemaphore dispatcherObject() {
        return semaphore;
    }
}
