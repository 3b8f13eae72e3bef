package dev.kobj.sync;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.KernelObject;

/**
 * A waitable Timer (nt-semantics.md §6.4): a dispatcher event (notification for a manual-reset timer,
 * synchronization for an auto-reset one) that the kernel's timer queue sets at each expiry. Setting
 * cancels the previous activation and resets the timer; cancelling leaves the state alone.
 */
final class TimerObject extends KernelObject implements Waitable {
    final DispatcherEvent event;
    private final Object lock = new Object();
    private TimerQueue.Scheduled activation; // guarded by lock

    TimerObject(DispatcherContext context, boolean notification) {
        super(SyncTypes.TIMER);
        this.event = new DispatcherEvent(context, notification, false);
    }

    @Override
    public DispatcherEvent dispatcherObject() {
        return event;
    }

    /** Arms the timer; returns the signalled state before (the timer is reset). */
    boolean set(TimerQueue queue, long delayNanos, long periodNanos) {
        synchronized (lock) {
            cancelActivation();
            boolean previous = event.reset() == 1;
            activation = queue.schedule(delayNanos, periodNanos, event::set);
            return previous;
        }
    }

    /** Disarms the timer; returns the signalled state, unchanged. */
    boolean cancel() {
        synchronized (lock) {
            cancelActivation();
            return event.isSignalled();
        }
    }

    private void cancelActivation() {
        if (activation != null) {
            activation.cancel();
            activation = null;
        }
    }
}
