package dev.kobj.api.dispatch;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A mutant (mutex) owned by a thread, recursively (nt-semantics.md §6.2).
 *
 * <pre>
 * state: owner (null when free), recursion (1 - CurrentCount), abandoned
 *   acquire by a non-owner  owner null → thread by CAS, recursion 1, abandoned reported once and cleared
 *   acquire by the owner    recursion + 1, up to 2^31 - 1 (then STATUS_MUTANT_LIMIT_EXCEEDED)
 *   release by the owner    recursion - 1; at 0, owner → null and waiters woken
 *   abandon (owner ended)   recursion 0, abandoned true, then owner → null and waiters woken
 * </pre>
 * The owner field is written last with a volatile store, so a thread that wins the CAS sees the
 * abandoned flag of the release before. Recursion is touched only by the owner (or for a dead owner).
 * A thread notes the mutants it takes ({@link Waiter}), so its end abandons those it still owns; a
 * release writes nothing there.
 *
 * @since 0.1
 */
public final class DispatcherMutant extends DispatcherObject {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(DispatcherMutant.class, "owner", KThread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile KThread owner;
    private int recursion;
    private volatile boolean abandoned;

    /**
     * A free mutant, or one owned once by {@code initialOwner} from the moment it exists. Once the
     * object is really created (not discarded for an existing one of that name), call
     * {@link #adoptInitialOwnership()} so that the owner's end abandons it.
     */
    public DispatcherMutant(DispatcherContext context, KThread initialOwner) {
        super(context);
        if (initialOwner != null) {
            owner = initialOwner;
            recursion = 1;
        }
    }

    /** Notes this mutant among its initial owner's; on the owner's thread, once it is really created. */
    public void adoptInitialOwnership() {
        KThread o = owner;
        if (o != null && !o.waiter().noteOwned(this)) {
            // The creator ended meanwhile: its end abandoned what it had noted; this goes the same way.
            // Only the owner changes an owned mutant, and it is us.
            abandon();
        }
    }

    public KThread owner() {
        return owner;
    }

    /** NT's CurrentCount: 1 when free, 0 when held once, -1 when held twice, ... */
    public int currentCount() {
        return readLocked(() -> owner == null ? 1 : 1 - recursion);
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /**
     * Releases one level of ownership by {@code thread}; {@code previous[0]} gets the CurrentCount before.
     *
     * @return STATUS_SUCCESS or STATUS_MUTANT_NOT_OWNED (nothing changes)
     */
    public int release(KThread thread, int[] previous) {
        if (owner != thread || thread == null) {
            return NtStatus.STATUS_MUTANT_NOT_OWNED;
        }
        if (previous != null && previous.length > 0) {
            previous[0] = 1 - recursion;
        }
        if (--recursion == 0) {
            owner = null;
            signalled();
        }
        return NtStatus.STATUS_SUCCESS;
    }

    /** Abandons every mutant {@code thread} owns; called when it has ended. */
    @KernelInternal
    public static void abandonAll(KThread thread) {
        thread.waiter().drainOwned(mutant -> {
            if (mutant.owner == thread) { // not released, nor taken by another thread since
                mutant.abandon();
            }
        });
    }

    /** Frees the mutant as abandoned; the owner is written last, so its next taker sees the flag. */
    private void abandon() {
        recursion = 0;
        abandoned = true;
        owner = null;
        signalled();
    }

    @Override
    public boolean isSignalledFor(KThread thread) {
        KThread o = owner;
        return o == null || o == thread;
    }

    @Override
    @KernelInternal
    public int tryAcquire(KThread thread) {
        KThread o = owner; // one read for both tests
        if (o == thread) {
            if (recursion == Integer.MAX_VALUE) {
                return NtStatus.STATUS_MUTANT_LIMIT_EXCEEDED;
            }
            recursion++;
            return ACQUIRED;
        }
        if (o != null || !OWNER.compareAndSet(this, null, thread)) {
            return NOT_SIGNALLED;
        }
        recursion = 1;
        if (!thread.waiter().noteOwned(this)) {
            recursion = 0; // the thread has ended, its mutants abandoned: it must not own one now
            owner = null;
            return NOT_SIGNALLED;
        }
        if (abandoned) {
            abandoned = false;
            return ACQUIRED_ABANDONED;
        }
        return ACQUIRED;
    }

    @Override
    @KernelInternal
    public void undoAcquire(KThread thread, int acquired) {
        if (recursion > 1) {
            recursion--;
            return;
        }
        recursion = 0;
        if (acquired == ACQUIRED_ABANDONED) {
            abandoned = true;
        }
        owner = null;
    }
}
