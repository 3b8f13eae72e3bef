package dev.kobj.api.dispatch;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.process.KThread;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread's wait in progress: the objects it waits on (as wait blocks queued on each) and its
 * outcome. Reused by its thread from wait to wait, so a wait allocates nothing.
 *
 * <pre>
 * status transitions (one CAS decides who completes the wait):
 *   WAITING  → CLAIMED    a signaller, under an object's lock, before it consumes any state
 *   CLAIMED  → result     the same signaller: STATUS_WAIT_0 + i, STATUS_ABANDONED_WAIT_0 + i, RETRY, or a failure
 *   WAITING  → result     the waiter itself on timeout or interrupt
 * </pre>
 * Claiming before consuming is what keeps two semaphores from both counting down for one waiter.
 */
public final class Waiter {
    public static final int WAITING = -1;
    public static final int CLAIMED = -2;
    /** A claimed wait whose object was taken by a barging acquirer first: the waiter tries again. */
    public static final int RETRY = -3;
    /** WAITING, in an alertable wait: a queued user APC may end it. */
    public static final int WAITING_ALERTABLE = -4;

    private static final VarHandle STATUS;

    static {
        try {
            STATUS = MethodHandles.lookup().findVarHandle(Waiter.class, "status", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final KThread thread;
    WaitBlock[] blocks = new WaitBlock[1];
    int count;
    boolean all;
    private volatile int status = WAITING;
    /**
     * The mutants this thread has taken, some perhaps released or taken by others since: its end abandons
     * those it still owns. Noted on acquire only (the last one is not noted twice) and compacted when
     * full, so that a release writes nothing here. Touched by the thread, by a signaller handing it a
     * mutant while it waits (after the claim), or for the thread once it has ended.
     */
    private DispatcherMutant[] owned = new DispatcherMutant[4];
    private int ownedCount;
    /** The last mutant noted, {@code owned[ownedCount - 1]}: a re-take of it is one load from here. */
    private DispatcherMutant lastNoted;
    /** Set by {@link #drainOwned}: the thread has ended, and a mutant it takes after is given back. */
    private boolean drained;

    @KernelInternal
    public Waiter(KThread thread) {
        this.thread = thread;
        blocks[0] = new WaitBlock(this, 0);
    }

    public KThread thread() {
        return thread;
    }

    /** Prepares a new wait on {@code objects[0..count)}. */
    @KernelInternal
    public void arm(DispatcherObject[] objects, int count, boolean all) {
        if (count > blocks.length) { // grown once to the widest wait this thread makes, at most 64
            WaitBlock[] grown = java.util.Arrays.copyOf(blocks, Math.max(count, Math.min(64, blocks.length * 4)));
            for (int i = blocks.length; i < grown.length; i++) {
                grown[i] = new WaitBlock(this, i);
            }
            blocks = grown;
        }
        this.count = count;
        this.all = all;
        for (int i = 0; i < count; i++) {
            blocks[i].object = objects[i];
        }
        status = WAITING;
    }

    @KernelInternal
    public WaitBlock block(int index) {
        return blocks[index];
    }

    @KernelInternal
    public int count() {
        return count;
    }

    @KernelInternal
    public boolean waitAll() {
        return all;
    }

    /** WAITING → WAITING_ALERTABLE: from now on a queued APC may end this wait. */
    @KernelInternal
    public boolean makeAlertable() {
        return STATUS.compareAndSet(this, WAITING, WAITING_ALERTABLE);
    }

    /** Ends an alertable wait with {@code result} (STATUS_USER_APC); false if it is not one, or is over. */
    @KernelInternal
    public boolean cancelAlertable(int result) {
        return STATUS.compareAndSet(this, WAITING_ALERTABLE, result);
    }

    /** Whether the wait is still open (WAITING or WAITING_ALERTABLE). */
    public boolean isWaiting() {
        int s = status;
        return s == WAITING || s == WAITING_ALERTABLE;
    }

    /** Whether the thread owns any mutant. */
    public synchronized boolean ownsMutants() {
        for (int i = 0; i < ownedCount; i++) {
            if (owned[i].owner() == thread) {
                return true;
            }
        }
        return false;
    }

    /**
     * Notes that the thread took {@code mutant}. The same mutant as last time costs one plain load (it
     * sits between a CAS and the release's fence, where each dependent load is paid in full); any other
     * change to the notes takes this waiter's monitor, since a thread ended by another one has its notes
     * drained ({@link #drainOwned}) while it may still run on to its next fence.
     *
     * @return false if the notes were drained already: the thread has ended, and must not own the mutant
     */
    boolean noteOwned(DispatcherMutant mutant) {
        if (lastNoted == mutant) {
            return true;
        }
        synchronized (this) {
            if (drained) {
                return false;
            }
            int n = ownedCount;
            if (n == owned.length) {
                n = compactOwned();
                if (n == owned.length) {
                    owned = java.util.Arrays.copyOf(owned, n * 2);
                }
            }
            owned[n] = mutant;
            ownedCount = n + 1;
            lastNoted = mutant;
            return true;
        }
    }

    /** Keeps each mutant the thread still owns once, in order; returns how many. Holds the monitor. */
    private int compactOwned() {
        int kept = 0;
        for (int i = 0; i < ownedCount; i++) {
            DispatcherMutant mutant = owned[i];
            boolean seen = false;
            for (int j = 0; j < kept && !seen; j++) {
                seen = owned[j] == mutant;
            }
            if (!seen && mutant.owner() == thread) {
                owned[kept++] = mutant;
            }
        }
        java.util.Arrays.fill(owned, kept, ownedCount, null);
        ownedCount = kept;
        return kept;
    }

    /**
     * Calls {@code action} on each noted mutant, then forgets them all (the thread has ended); from then on
     * {@link #noteOwned} refuses, so a mutant the thread takes in a race with its end is not kept.
     */
    void drainOwned(java.util.function.Consumer<DispatcherMutant> action) {
        DispatcherMutant[] noted;
        int count;
        synchronized (this) {
            noted = owned;
            count = ownedCount;
            owned = new DispatcherMutant[4];
            ownedCount = 0;
            lastNoted = null;
            drained = true; // once: a thread ends once, and takes no mutant after
        }
        for (int i = 0; i < count; i++) { // outside the monitor: abandoning wakes waiters
            action.accept(noted[i]);
        }
    }

    public int status() {
        return status;
    }

    /** WAITING → CLAIMED: true for the one caller who may now consume state for this waiter. */
    @KernelInternal
    public boolean claim() {
        return STATUS.compareAndSet(this, WAITING, CLAIMED) || STATUS.compareAndSet(this, WAITING_ALERTABLE, CLAIMED);
    }

    /** WAITING → result, for the waiter itself (timeout, interrupt); false if a signaller claimed it first. */
    @KernelInternal
    public boolean cancel(int result) {
        return STATUS.compareAndSet(this, WAITING, result) || STATUS.compareAndSet(this, WAITING_ALERTABLE, result);
    }

    /** CLAIMED → result, and wakes the waiting thread. */
    @KernelInternal
    public void complete(int result) {
        status = result;
        LockSupport.unpark(thread.javaThread());
    }
}
