package dev.kobj.api.dispatch;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.process.KThread;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A notification (manual-reset) or synchronization (auto-reset) event (nt-semantics.md §6.1).
 *
 * <pre>
 * state: bit 0 signalled; bit 1 notification (fixed at construction)
 *   set    0 → 1, then waiters are woken (all for notification, one for synchronization); on a
 *          signalled event nothing (it linearizes at its read: no atomic write, no wake-up)
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

    /** State bit 0: signalled. */
    private static final int SIGNALLED = 1;
    /** State bit 1, never changed: a notification event (the kind shares the word to keep the object 24 bytes). */
    private static final int NOTIFICATION = 2;

    private volatile int state;

    public DispatcherEvent(DispatcherContext context, boolean notification, boolean signalled) {
        super(context);
        this.state = (notification ? NOTIFICATION : 0) | (signalled ? SIGNALLED : 0);
    }

    /** NotificationEvent (manual reset) or SynchronizationEvent (auto reset). */
    public boolean isNotification() {
        return (state & NOTIFICATION) != 0;
    }

    /** The state, as a query sees it (consistent with wait-all). */
    public boolean isSignalled() {
        return (readLocked(() -> state) & SIGNALLED) != 0;
    }

    /** Sets the event; returns the state before (0 or 1). */
    public int set() {
        int s = state;
        if ((s & SIGNALLED) != 0) {
            return SIGNALLED;
        }
        int previous = (int) STATE.getAndSet(this, s | SIGNALLED);
        signalled();
        return previous & SIGNALLED;
    }

    /** Resets the event; returns the state before. */
    public int reset() {
        return (int) STATE.getAndSet(this, state & NOTIFICATION) & SIGNALLED;
    }

    /** Sets and resets at once over the waiters queued now; returns the state before. */
    public int pulse() {
        boolean all = hasWaitAllWaiters();
        if (all) {
            context.waitAllLock.lock();
        }
        lock();
        try {
            int kind = state & NOTIFICATION;
            int previous = (int) STATE.getAndSet(this, kind | SIGNALLED);
            wakeWaiters(all);
            state = kind;
            return previous & SIGNALLED;
        } finally {
            unlock();
            if (all) {
                context.waitAllLock.unlock();
            }
        }
    }

    @Override
    public boolean isSignalledFor(KThread thread) {
        return (state & SIGNALLED) != 0;
    }

    @Override
    @KernelInternal
    public int tryAcquire(KThread thread) {
        int s = state;
        if ((s & NOTIFICATION) != 0) {
            return (s & SIGNALLED) != 0 ? ACQUIRED : NOT_SIGNALLED;
        }
        return s == SIGNALLED && STATE.compareAndSet(this, SIGNALLED, 0) ? ACQUIRED : NOT_SIGNALLED;
    }

    @Override
    @KernelInternal
    public void undoAcquire(KThread thread, int acquired) {
        if ((state & NOTIFICATION) == 0) {
            state = SIGNALLED;
        }
    }
}
