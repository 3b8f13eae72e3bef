package dev.kobj.api.dispatch;

import dev.kobj.api.process.KThread;

/**
 * The dispatcher's waits (nt-semantics.md §5): on handles, as NtWaitForSingleObject and
 * NtWaitForMultipleObjects do, and on dispatcher objects directly for kernel code. Thread-safe; the
 * caller is the thread that waits.
 *
 * <p>Timeouts are NT's: negative = relative in 100 ns units, positive = absolute system time, 0 = poll,
 * and {@link #INFINITE} for none. A Java interrupt ends a wait with STATUS_CANCELLED and stays set.
 *
 * @since 0.1
 */
public interface WaitService {
    /** No timeout (NT's NULL timeout pointer). */
    long INFINITE = Long.MIN_VALUE;
    /** MAXIMUM_WAIT_OBJECTS. */
    int MAXIMUM_WAIT_OBJECTS = 64;
    /** WAIT_TYPE values. */
    int WAIT_ALL = 0;
    int WAIT_ANY = 1;

    /** The context this kernel's dispatcher objects share. */
    DispatcherContext context();

    /** The kernel's clock. */
    KernelClock clock();

    /** NtWaitForSingleObject. */
    int waitForSingleObject(KThread caller, long handle, boolean alertable, long timeout);

    /** NtWaitForMultipleObjects; {@code waitType} is {@link #WAIT_ALL} or {@link #WAIT_ANY}. */
    int waitForMultipleObjects(KThread caller, int count, long[] handles, int waitType, boolean alertable,
            long timeout);

    /** A wait on dispatcher objects the caller holds references to (no handle checks), not alertable. */
    default int waitForObjects(KThread caller, DispatcherObject[] objects, int count, boolean waitAll, long timeout) {
        return waitForObjects(caller, objects, count, waitAll, false, timeout);
    }

    /**
     * A wait on dispatcher objects the caller holds references to (no handle checks); an alertable one
     * runs queued user APCs first and is ended by new ones with STATUS_USER_APC (nt-semantics.md §5.4).
     */
    int waitForObjects(KThread caller, DispatcherObject[] objects, int count, boolean waitAll, boolean alertable,
            long timeout);

    /**
     * SignalObjectAndWait's atomic step (nt-semantics.md §5.3): queues the caller on {@code object},
     * runs {@code signal} (returning a status), then waits; so a thread the signal wakes finds the caller
     * already waiting, and a PulseEvent it sends is not lost. A failed signal ends the call with its
     * status and withdraws the wait — unless the object had already satisfied it: then the wait's result
     * is returned, so the caller knows what it took.
     */
    int signalAndWait(KThread caller, java.util.function.IntSupplier signal, DispatcherObject object,
            boolean alertable, long timeout);
}
