package dev.kobj.api.sync;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;

/**
 * The sync family's service: events, mutants and semaphores by handle (nt-semantics.md §6). Every call
 * acts for {@code caller} and returns an NTSTATUS; a created handle comes back in {@code handle[0]}
 * (0 on failure), a named create that opened an existing object returns STATUS_OBJECT_NAME_EXISTS.
 * Provided by the {@code sync} module; thread-safe.
 *
 * @since 0.1
 */
public interface SyncService {
    int NOTIFICATION_EVENT = 0;
    int SYNCHRONIZATION_EVENT = 1;

    int EVENT_QUERY_STATE = 0x0001;
    int EVENT_MODIFY_STATE = 0x0002;
    int MUTANT_QUERY_STATE = 0x0001;
    int SEMAPHORE_QUERY_STATE = 0x0001;
    int SEMAPHORE_MODIFY_STATE = 0x0002;

    int createEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, int eventType,
            boolean initialState, long[] handle);

    int openEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /** {@code previousState[0]} (when given) gets 0 or 1. */
    int setEvent(KThread caller, long handle, int[] previousState);

    int resetEvent(KThread caller, long handle, int[] previousState);

    int pulseEvent(KThread caller, long handle, int[] previousState);

    /** {@code info[0]} = event type, {@code info[1]} = state. */
    int queryEvent(KThread caller, long handle, int[] info);

    int createMutant(KThread caller, ObjectAttributes attributes, int desiredAccess, boolean initialOwner,
            long[] handle);

    int openMutant(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /** {@code previousCount[0]} gets NT's CurrentCount before the release. Needs no access right. */
    int releaseMutant(KThread caller, long handle, int[] previousCount);

    /** {@code info[0]} = CurrentCount, {@code info[1]} = owned by caller (0/1), {@code info[2]} = abandoned (0/1). */
    int queryMutant(KThread caller, long handle, int[] info);

    int createSemaphore(KThread caller, ObjectAttributes attributes, int desiredAccess, int initialCount,
            int maximumCount, long[] handle);

    int openSemaphore(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    int releaseSemaphore(KThread caller, long handle, int releaseCount, int[] previousCount);

    /** {@code info[0]} = current count, {@code info[1]} = maximum. */
    int querySemaphore(KThread caller, long handle, int[] info);

    int NOTIFICATION_TIMER = 0;
    int SYNCHRONIZATION_TIMER = 1;
    int TIMER_QUERY_STATE = 0x0001;
    int TIMER_MODIFY_STATE = 0x0002;

    /** NtCreateTimer: a new timer is inactive and not signalled. */
    int createTimer(KThread caller, ObjectAttributes attributes, int desiredAccess, int timerType, long[] handle);

    int openTimer(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /**
     * NtSetTimer without a completion routine: due time in 100 ns units (negative relative, positive
     * absolute), period in milliseconds (0 one-shot, negative refused with STATUS_INVALID_PARAMETER_6).
     * {@code previousState[0]} gets whether it was signalled; {@code resume} gives
     * STATUS_TIMER_RESUME_IGNORED.
     */
    default int setTimer(KThread caller, long handle, long dueTime, boolean resume, int period,
            boolean[] previousState) {
        return setTimer(caller, handle, dueTime, null, resume, period, previousState);
    }

    /**
     * NtSetTimer: as {@link #setTimer(KThread, long, long, boolean, int, boolean[])}, and when
     * {@code completion} is not {@code null}, each expiry also queues a user APC to {@code caller} that
     * calls it with the system time (FILETIME) of the expiry, in the caller's next alertable wait
     * (nt-semantics.md §6.4). As in NT the timer has one APC: an expiry while it is still queued
     * queues no second one. Setting the timer again, cancelling it, deleting it and the end of
     * {@code caller} cancel the timer and take back a queued APC.
     */
    int setTimer(KThread caller, long handle, long dueTime, TimerCompletion completion, boolean resume, int period,
            boolean[] previousState);

    /** A timer's completion routine, run as a user APC on the thread that set the timer. */
    @FunctionalInterface
    interface TimerCompletion {
        /** @param expiredAt the system time (FILETIME, 100 ns units since 1601) at which the timer expired */
        void completed(long expiredAt);
    }

    /** NtCancelTimer: {@code currentState[0]} gets the (unchanged) signalled state. */
    int cancelTimer(KThread caller, long handle, boolean[] currentState);

    int KEYEDEVENT_WAIT = 0x0001;
    int KEYEDEVENT_WAKE = 0x0002;

    /** NtCreateKeyedEvent; {@code flags} must be 0. */
    int createKeyedEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, int flags, long[] handle);

    int openKeyedEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /**
     * NtWaitForKeyedEvent: blocks until a thread of the same process releases {@code key} (rendezvous,
     * one to one). {@code key}'s low bit must be 0. Timeouts as {@link dev.kobj.api.dispatch.WaitService}.
     */
    int waitForKeyedEvent(KThread caller, long handle, long key, boolean alertable, long timeout);

    /** NtReleaseKeyedEvent: blocks until a thread of the same process waits on {@code key}. */
    int releaseKeyedEvent(KThread caller, long handle, long key, boolean alertable, long timeout);
}
