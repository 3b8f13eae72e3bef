package dev.kobj.api.dispatch;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A waitable primitive of the dispatcher: a state word changed by CAS (the lock-free fast paths), and
 * a FIFO wait list guarded by the object's lock, used only when a thread must block.
 *
 * <pre>
 * Why no wake-up is lost (two Dekker pairs of volatile accesses):
 *   enqueuer:  make the queue; lock; link block; queued++ (allWaiters++ for wait-all); then test the state
 *   signaller: change the state by CAS; then read the queue and its queued (and allWaiters); wake only
 *              if there are some (no queue: nobody ever queued, so nobody can have missed the change)
 * Either the enqueuer sees the new state or the signaller sees the enqueued block.
 *
 * Lock order: the kernel's wait-all lock, then object locks. Only a holder of the wait-all lock takes
 * more than one object lock at a time, so waits and signals on single objects never deadlock with it.
 * </pre>
 *
 * Object types embed one (an Event is a header plus a {@link DispatcherEvent}); the wait engine never
 * calls plugin code. Thread-safe.
 *
 * @since 0.1
 */
public abstract sealed class DispatcherObject permits DispatcherEvent, DispatcherSemaphore, DispatcherMutant {
    /** {@link #tryAcquire} results; a negative value is a failure status (STATUS_MUTANT_LIMIT_EXCEEDED). */
    public static final int ACQUIRED = 0;
    public static final int ACQUIRED_ABANDONED = 1;
    public static final int NOT_SIGNALLED = 2;

    private static final java.lang.invoke.VarHandle QUEUE;

    static {
        try {
            QUEUE = java.lang.invoke.MethodHandles.lookup().findVarHandle(DispatcherObject.class, "queue",
                    WaitQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final DispatcherContext context;
    /** Made on first use: most objects never have a thread block on them, and the queue costs 48 bytes. */
    private volatile WaitQueue queue;

    /**
     * The wait list and the lock that guards it, in one object made when a thread first blocks here
     * (as the JDK 7 ConcurrentHashMap's segments were their own locks): an object nobody waits on
     * carries one null reference instead of a lock and three fields.
     */
    static final class WaitQueue extends ReentrantLock {
        WaitBlock head;
        WaitBlock tail;
        volatile int queued; // here, not in the object: an object nobody waits on stays 8 bytes smaller
        volatile int allWaiters;
    }

    DispatcherObject(DispatcherContext context) {
        this.context = java.util.Objects.requireNonNull(context, "context is null");
    }

    /** Whether a wait by {@code thread} would be satisfied now (a mutant is signalled for its owner). */
    public abstract boolean isSignalledFor(KThread thread);

    /** Consumes what a satisfied wait consumes, lock-free. */
    @KernelInternal
    public abstract int tryAcquire(KThread thread);

    /** Exactly undoes a successful {@link #tryAcquire} that returned {@code acquired}. */
    @KernelInternal
    public abstract void undoAcquire(KThread thread, int acquired);

    /**
     * Undoes a lock-free {@link #tryAcquire} (a wait-all's fast path that could not take every object),
     * then wakes whoever queued while the object was taken, as a signal does.
     */
    @KernelInternal
    public final void undoAcquireAndWake(KThread thread, int acquired) {
        undoAcquire(thread, acquired);
        signalled();
    }

    /** The kernel's dispatcher context this object belongs to. */
    public final DispatcherContext context() {
        return context;
    }

    /** After a state change that may satisfy waiters: wake them, taking locks only if some are queued. */
    final void signalled() {
        WaitQueue q = queue;
        if (q == null || q.queued == 0) {
            return;
        }
        boolean all = q.allWaiters > 0;
        if (all) {
            context.waitAllLock.lock();
        }
        ReentrantLock objectLock = objectLock();
        objectLock.lock();
        try {
            wakeWaiters(all);
        } finally {
            objectLock.unlock();
            if (all) {
                context.waitAllLock.unlock();
            }
        }
    }

    /** This object's lock, its wait queue, made (once, by CAS) when first needed. */
    final WaitQueue objectLock() {
        WaitQueue existing = queue;
        if (existing != null) {
            return existing;
        }
        WaitQueue made = new WaitQueue();
        WaitQueue witness = (WaitQueue) QUEUE.compareAndExchange(this, null, made);
        return witness == null ? made : witness;
    }

    /**
     * Satisfies queued waiters in FIFO order while this object can. Under this object's lock, and the
     * wait-all lock when {@code holdingWaitAllLock}; without it wait-all waiters are left to the signaller
     * that sees {@code allWaiters} (or to their own check when they queued).
     */
    final void wakeWaiters(boolean holdingWaitAllLock) {
        WaitBlock next;
        for (WaitBlock block = queue.head; block != null; block = next) {
            next = block.next;
            Waiter waiter = block.waiter;
            if (!waiter.isWaiting()) {
                continue;
            }
            if (!waiter.all) {
                if (isSignalledFor(waiter.thread) && waiter.claim()) {
                    int result = result(tryAcquire(waiter.thread), block.index);
                    // Unlinked here, as NT's signaller does: the woken thread need not take this lock
                    // again, so waking many waiters costs no lock hand-offs (it sees the block gone).
                    dequeue(block);
                    waiter.complete(result);
                }
            } else if (holdingWaitAllLock) {
                trySatisfyAll(waiter, this);
            }
        }
    }

    /**
     * The wait status for a {@link #tryAcquire} result at index {@code index}: STATUS_WAIT_0 + i,
     * STATUS_ABANDONED_WAIT_0 + i, {@link Waiter#RETRY} when the object was taken first, or the failure.
     */
    @KernelInternal
    public static int result(int acquired, int index) {
        return switch (acquired) {
            case ACQUIRED -> NtStatus.STATUS_WAIT_0 + index;
            case ACQUIRED_ABANDONED -> NtStatus.STATUS_ABANDONED_WAIT_0 + index;
            case NOT_SIGNALLED -> Waiter.RETRY;
            default -> acquired;
        };
    }

    /**
     * Completes a wait-all waiter if every one of its objects is signalled for it, consuming all or
     * none. The caller holds the wait-all lock and {@code held}'s lock (or none, {@code held} null,
     * when it holds them all); the other objects' locks are taken here, in any order, since only
     * a holder of the wait-all lock nests object locks.
     *
     * @return whether the waiter was completed
     */
    @KernelInternal
    public static boolean trySatisfyAll(Waiter waiter, DispatcherObject held) {
        int count = waiter.count;
        int locked = 0;
        try {
            for (; locked < count; locked++) {
                DispatcherObject object = waiter.blocks[locked].object;
                if (held != null && object != held) {
                    object.objectLock().lock();
                }
            }
            for (int i = 0; i < count; i++) {
                if (!waiter.blocks[i].object.isSignalledFor(waiter.thread)) {
                    return false;
                }
            }
            if (!waiter.claim()) {
                return false;
            }
            boolean abandoned = false;
            for (int i = 0; i < count; i++) {
                DispatcherObject object = waiter.blocks[i].object;
                int acquired = object.tryAcquire(waiter.thread);
                if (acquired != ACQUIRED && acquired != ACQUIRED_ABANDONED) {
                    for (int j = i - 1; j >= 0; j--) { // a barging acquirer took one: consume none
                        DispatcherObject undo = waiter.blocks[j].object;
                        undo.undoAcquire(waiter.thread, waiter.blocks[j].acquired);
                    }
                    waiter.complete(acquired == NOT_SIGNALLED ? Waiter.RETRY : acquired);
                    return true;
                }
                waiter.blocks[i].acquired = acquired;
                abandoned |= acquired == ACQUIRED_ABANDONED;
            }
            waiter.complete(abandoned ? NtStatus.STATUS_ABANDONED_WAIT_0 : NtStatus.STATUS_WAIT_0);
            return true;
        } finally {
            for (int i = 0; i < locked; i++) {
                DispatcherObject object = waiter.blocks[i].object;
                if (held != null && object != held) {
                    object.objectLock().unlock();
                }
            }
        }
    }

    // ---- the wait list, for the wait engine ----

    @KernelInternal
    public final void lock() {
        objectLock().lock();
    }

    @KernelInternal
    public final void unlock() {
        objectLock().unlock();
    }

    /** Links {@code block} at the tail; the caller holds this object's lock. */
    @KernelInternal
    public final void enqueue(WaitBlock block) {
        WaitQueue q = queue;
        block.prev = q.tail;
        block.next = null;
        if (q.tail == null) {
            q.head = block;
        } else {
            q.tail.next = block;
        }
        q.tail = block;
        block.queued = true;
        q.queued = q.queued + 1;
        if (block.waiter.all) {
            q.allWaiters = q.allWaiters + 1;
        }
    }

    /** Unlinks {@code block} if it is queued; the caller holds this object's lock. */
    @KernelInternal
    public final void dequeue(WaitBlock block) {
        if (!block.queued) {
            return;
        }
        WaitQueue q = queue;
        if (block.prev == null) {
            q.head = block.next;
        } else {
            block.prev.next = block.next;
        }
        if (block.next == null) {
            q.tail = block.prev;
        } else {
            block.next.prev = block.prev;
        }
        block.prev = null;
        block.next = null;
        block.queued = false;
        q.queued = q.queued - 1;
        if (block.waiter.all) {
            q.allWaiters = q.allWaiters - 1;
        }
    }

    /**
     * Reads state for a query under the object's lock, so that it never sees a wait-all half-way through
     * consuming its objects: the slow path does it holding all their locks, the fast path in an odd
     * epoch of the context, which the read waits out. Queries are not a hot path.
     */
    final int readLocked(java.util.function.IntSupplier read) {
        ReentrantLock objectLock = objectLock();
        while (true) {
            int epoch = context.lockFreeWaitAllEpoch;
            if ((epoch & 1) == 0) {
                int value;
                objectLock.lock(); // not held while waiting: the fast path may need it to give an object back
                try {
                    value = read.getAsInt();
                } finally {
                    objectLock.unlock();
                }
                if (context.lockFreeWaitAllEpoch == epoch) {
                    return value;
                }
            }
            Thread.onSpinWait();
        }
    }

    /** The per-object hint: whether wait-all waiters are queued here. */
    final boolean hasWaitAllWaiters() {
        WaitQueue q = queue;
        return q != null && q.allWaiters > 0;
    }

    /** Threads queued on this object (for queries and tests). */
    public final int queuedWaiters() {
        WaitQueue q = queue;
        return q == null ? 0 : q.queued;
    }
}
