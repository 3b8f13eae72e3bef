package dev.kobj.api.dispatch;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A semaphore (nt-semantics.md §6.3).
 *
 * <pre>
 * state: count, 0 ≤ count ≤ maximum
 *   release n   count → count + n (refused, unchanged, past the maximum or on overflow), then waiters woken
 *   satisfied wait  count → count - 1 by CAS, only when count > 0
 * </pre>
 *
 * @since 0.1
 */
public final class DispatcherSemaphore extends DispatcherObject {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(DispatcherSemaphore.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int maximum;
    private volatile int count;

    /** The caller has checked {@code 0 <= initial <= maximum} and {@code maximum > 0}. */
    public DispatcherSemaphore(DispatcherContext context, int initial, int maximum) {
        super(context);
        if (maximum <= 0 || initial < 0 || initial > maximum) {
            throw new IllegalArgumentException("bad semaphore counts " + initial + "/" + maximum);
        }
        this.count = initial;
        this.maximum = maximum;
    }

    /** The count, as a query sees it (consistent with wait-all). */
    public int count() {
        return readLocked(() -> count);
    }

    public int maximum() {
        return maximum;
    }

    /**
     * Adds {@code releaseCount}; the count before goes to {@code previous[0]} (when given) only on success.
     *
     * @return STATUS_SUCCESS, STATUS_INVALID_PARAMETER or STATUS_SEMAPHORE_LIMIT_EXCEEDED
     */
    public int release(int releaseCount, int[] previous) {
        if (releaseCount <= 0) {
            return NtStatus.STATUS_INVALID_PARAMETER;
        }
        int before;
        do {
            before = count;
            if (releaseCount > maximum - before) {
                return NtStatus.STATUS_SEMAPHORE_LIMIT_EXCEEDED;
            }
        } while (!COUNT.weakCompareAndSet(this, before, before + releaseCount));
        if (previous != null && previous.length > 0) {
            previous[0] = before;
        }
        signalled();
        return NtStatus.STATUS_SUCCESS;
    }

    @Override
    public boolean isSignalledFor(KThread thread) {
        return count > 0;
    }

    @Override
    @KernelInternal
    public int tryAcquire(KThread thread) {
        int c;
        while ((c = count) > 0) {
            if (COUNT.weakCompareAndSet(this, c, c - 1)) {
                return ACQUIRED;
            }
        }
        return NOT_SIGNALLED;
    }

    @Override
    @KernelInternal
    public void undoAcquire(KThread thread, int acquired) {
        COUNT.getAndAdd(this, 1);
    }
}
