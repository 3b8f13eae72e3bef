package dev.kobj.sync;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KThread;

/**
 * A waitable Timer (nt-semantics.md §6.4): a dispatcher event (notification for a manual-reset timer,
 * synchronization for an auto-reset one) that the kernel's timer queue sets at each expiry, and that
 * queues its completion APC, if it has one, to the thread that set it. Setting cancels the previous
 * activation (and its APC) and resets the timer; cancelling leaves the state alone.
 */
final class TimerObject extends KernelObject implements Waitable {
    final DispatcherEvent event;
    private final TimerApcs apcs;
    private final Object lock = new Object();
    private TimerQueue.Scheduled activation; // guarded by lock
    private TimerApc apc; // guarded by lock

    TimerObject(DispatcherContext context, boolean notification, TimerApcs apcs) {
        super(SyncTypes.TIMER);
        this.event = new DispatcherEvent(context, notification, false);
        this.apcs = apcs;
    }

    @Override
    public DispatcherEvent dispatcherObject() {
        return event;
    }

    /** Arms the timer, with a completion APC when {@code newApc} is given; returns the signalled state before. */
    boolean set(TimerQueue queue, long delayNanos, long periodNanos, TimerApc newApc) {
        boolean previous;
        synchronized (lock) {
            disarm();
            previous = event.reset() == 1;
            apc = newApc;
            activation = queue.schedule(delayNanos, periodNanos, newApc == null ? event::set : () -> expire(newApc));
        }
        if (newApc != null) {
            apcs.track(newApc.thread, this); // outside the lock: the thread's end may cancel us right away
        }
        return previous;
    }

    /** An expiry with a completion routine, on the timer queue. */
    private void expire(TimerApc expiring) {
        event.set();
        if (!expiring.expired()) {
            cancelApcsTo(expiring.thread); // the thread has ended: the timer goes with it
        }
    }

    /** Disarms the timer; returns the signalled state, unchanged. */
    boolean cancel() {
        synchronized (lock) {
            disarm();
            return event.isSignalled();
        }
    }

    /** {@code thread} has ended: the timer is cancelled if its completion APCs go to that thread. */
    void cancelApcsTo(KThread thread) {
        synchronized (lock) {
            if (apc != null && apc.thread == thread) {
                disarm();
            }
        }
    }

    private void disarm() {
        if (activation != null) {
            activation.cancel();
            activation = null;
        }
        if (apc != null) {
            apc.cancel();
            apcs.untrack(apc.thread, this);
            apc = null;
        }
    }
}
