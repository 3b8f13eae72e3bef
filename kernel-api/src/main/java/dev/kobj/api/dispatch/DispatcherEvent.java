package dev.kobj.api.dispatch;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.process.KThread;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A notification (manual-reset) or synchronization (auto-reset) event (nt-semantics.md §6.1).
 *
 * <pre>
 * state: 0 not signalled, 1 signalled
 *   set    0 → 1, then waiters are woken (all for notification, one for synchronization)
 *   reset  → 0
 *   pulse  under the lock: 1, wake the queued waiters, 0
 *   a satisfied wait on a synchronization event: 1 → 0 by CAS (exactly one waiter per set)
 * </pre>
 *
 * @since 0.1
 */
public final class DispatcherEvent extends DispatcherObject {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(DispatcherEvent.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean notification;
    private volatile int state;

    public DispatcherEvent(DispatcherContext context, boolean notification, boolean signalled) {
        super(context);
        this.notification = notification;
        this.state = signalled ? 1 : 0;
    }

    /** NotificationEvent (manual reset) or SynchronizationEvent (auto reset). */
    public boolean isNotification() {
        return notification;
    }

    /** The state, as a query sees it (consistent with wait-all). */
    public boolean isSignalled() {
        return readLocked(() -> state) == 1;
    }

    /** Sets the event; returns the state before (0 or 1). */
    public int set() {
        int previous = (int) STATE.getAndSet(this, 1);
        signalled();
        return previous;
    }

    /** Resets the event; returns the state before. */
    public int reset() {
        return (int) STATE.getAndSet(this, 0);
    }

    /** Sets and resets at once over the waiters queued now; returns the state before. */
    public int pulse() {
        boolean all = hasWaitAllWaiters();
        if (all) {
            context.waitAllLock.lock();
        }
        lock();
        try {
            int previous = (int) STATE.getAndSet(this, 1);
            wakeWaiters(all);
            state = 0;
            return previous;
        } finally {
            unlock();
            if (all) {
                context.waitAllLock.unlock();
            }
        }
    }

    @Override
    public boolean isSignalledFor(KThread thread) {
        return state == 1;
    }

    @Override
    @KernelInternal
    public int tryAcquire(KThread thread) {
        if (notification) {
            return state == 1 ? ACQUIRED : NOT_SIGNALLED;
        }
        return state == 1 && STATE.compareAndSet(this, 1, 0) ? ACQUIRED : NOT_SIGNALLED;
    }

    @Override
    @KernelInternal
    public void undoAcquire(KThread thread, int acquired) {
        if (!notification) {
            state = 1;
        }
    }
}
