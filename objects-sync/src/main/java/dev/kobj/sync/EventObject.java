package dev.kobj.sync;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.KernelObject;

/** An Event: the header plus a dispatcher event. */
final class EventObject extends KernelObject implements Waitable {
    final DispatcherEvent event;

    EventObject(DispatcherContext context, boolean notification, boolean signalled) {
        super(SyncTypes.EVENT);
        this.event = new DispatcherEvent(context, notification, signalled);
    }

    @Override
    public DispatcherEvent dispatcherObject() {
        return event;
    }
}
