package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_1;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_6;
import static dev.kobj.api.status.NtStatus.STATUS_TIMER_RESUME_IGNORED;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.dispatch.DispatcherSemaphore;
import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.sync.SyncService;
import jakarta.inject.Inject;

/**
 * Events, mutants and semaphores. Each service has one shape (ReactOS ex/event.c): reference the object
 * by handle with the right type and access, act on the embedded dispatcher object, return the status.
 */
final class SyncServiceImpl implements SyncService {
    private final ObjectManager objects;
    private final DispatcherContext context;
    private final WaitService waits;
    private final TimerQueue timers;
    private final ProcessService processes;
    private final TimerApcs timerApcs;
    /** The keyed event a NULL handle stands for, made at boot. */
    private final KeyedEventObject critSecOutOfMemoryEvent;

    @Inject
    SyncServiceImpl(ObjectManager objects, WaitService waits, TimerQueue timers, ProcessService processes,
            TimerApcs timerApcs) {
        this.timerApcs = requireNonNull(timerApcs, "timerApcs is null");
        this.timers = requireNonNull(timers, "timers is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.waits = requireNonNull(waits, "waits is null");
        this.context = waits.context();
        this.critSecOutOfMemoryEvent = (KeyedEventObject) objects.systemObject(CRITSEC_OUT_OF_MEMORY_EVENT,
                SyncTypes.KEYED_EVENT, () -> new KeyedEventObject(context));
    }

    /** The global keyed event of NT, which a NULL keyed-event handle means (nt-semantics.md §6.5). */
    static final String CRITSEC_OUT_OF_MEMORY_EVENT = "\\KernelObjects\\CritSecOutOfMemoryEvent";

    // ---- events ----

    @Override
    public int createEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, int eventType,
            boolean initialState, long[] handle) {
        if (eventType != NOTIFICATION_EVENT && eventType != SYNCHRONIZATION_EVENT) {
            clear(handle);
            return STATUS_INVALID_PARAMETER;
        }
        return objects.create(caller, attributes, SyncTypes.EVENT, desiredAccess,
                new EventObject(context, eventType == NOTIFICATION_EVENT, initialState), handle);
    }

    @Override
    public int openEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return objects.open(caller, attributes, SyncTypes.EVENT, desiredAccess, handle);
    }

    @Override
    public int setEvent(KThread caller, long handle, int[] previousState) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.EVENT, EVENT_MODIFY_STATE);
        if (status == STATUS_SUCCESS) {
            store(previousState, ((DispatcherEvent) entry.dispatcherObject()).set());
        }
        return status;
    }

    @Override
    public int resetEvent(KThread caller, long handle, int[] previousState) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.EVENT, EVENT_MODIFY_STATE);
        if (status == STATUS_SUCCESS) {
            store(previousState, ((DispatcherEvent) entry.dispatcherObject()).reset());
        }
        return status;
    }

    @Override
    public int pulseEvent(KThread caller, long handle, int[] previousState) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.EVENT, EVENT_MODIFY_STATE);
        if (status == STATUS_SUCCESS) {
            store(previousState, ((DispatcherEvent) entry.dispatcherObject()).pulse());
        }
        return status;
    }

    @Override
    public int queryEvent(KThread caller, long handle, int[] info) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.EVENT, EVENT_QUERY_STATE);
        if (status == STATUS_SUCCESS && (info == null || info.length < 2)) {
            return STATUS_INVALID_PARAMETER;
        }
        if (status == STATUS_SUCCESS) {
            EventObject event = (EventObject) entry.object();
            info[0] = event.event.isNotification() ? NOTIFICATION_EVENT : SYNCHRONIZATION_EVENT;
            info[1] = event.event.isSignalled() ? 1 : 0;
        }
        return status;
    }

    // ---- mutants ----

    @Override
    public int createMutant(KThread caller, ObjectAttributes attributes, int desiredAccess, boolean initialOwner,
            long[] handle) {
        // The body is kept here, not looked up by the new handle: another thread may close that value at once.
        MutantObject made = new MutantObject(context, initialOwner ? caller : null);
        int status = objects.create(caller, attributes, SyncTypes.MUTANT, desiredAccess, made, handle);
        if (status == STATUS_SUCCESS && initialOwner) {
            // Initial ownership applies only to an object really created (§6.2); the owner now notes it.
            made.mutant.adoptInitialOwnership();
        }
        return status;
    }

    @Override
    public int openMutant(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return objects.open(caller, attributes, SyncTypes.MUTANT, desiredAccess, handle);
    }

    @Override
    public int releaseMutant(KThread caller, long handle, int[] previousCount) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.MUTANT, 0);
        return status == STATUS_SUCCESS ? ((DispatcherMutant) entry.dispatcherObject()).release(caller, previousCount)
                : status;
    }

    @Override
    public int queryMutant(KThread caller, long handle, int[] info) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.MUTANT, MUTANT_QUERY_STATE);
        if (status == STATUS_SUCCESS && (info == null || info.length < 3)) {
            return STATUS_INVALID_PARAMETER;
        }
        if (status == STATUS_SUCCESS) {
            var mutant = ((MutantObject) entry.object()).mutant;
            KThread owner = mutant.owner();
            if (owner != null && !owner.javaThread().isAlive()) {
                processes.hasEnded(owner); // queried: an ended owner is noticed now, and abandons it
            }
            info[0] = mutant.currentCount();
            info[1] = mutant.owner() == caller ? 1 : 0;
            info[2] = mutant.isAbandoned() ? 1 : 0;
        }
        return status;
    }

    // ---- semaphores ----

    @Override
    public int createSemaphore(KThread caller, ObjectAttributes attributes, int desiredAccess, int initialCount,
            int maximumCount, long[] handle) {
        if (maximumCount <= 0 || initialCount < 0 || initialCount > maximumCount) {
            clear(handle);
            return STATUS_INVALID_PARAMETER;
        }
        return objects.create(caller, attributes, SyncTypes.SEMAPHORE, desiredAccess,
                new SemaphoreObject(context, initialCount, maximumCount), handle);
    }

    @Override
    public int openSemaphore(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return objects.open(caller, attributes, SyncTypes.SEMAPHORE, desiredAccess, handle);
    }

    @Override
    public int releaseSemaphore(KThread caller, long handle, int releaseCount, int[] previousCount) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.SEMAPHORE, SEMAPHORE_MODIFY_STATE);
        return status == STATUS_SUCCESS
                ? ((DispatcherSemaphore) entry.dispatcherObject()).release(releaseCount, previousCount) : status;
    }

    @Override
    public int querySemaphore(KThread caller, long handle, int[] info) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.SEMAPHORE, SEMAPHORE_QUERY_STATE);
        if (status == STATUS_SUCCESS && (info == null || info.length < 2)) {
            return STATUS_INVALID_PARAMETER;
        }
        if (status == STATUS_SUCCESS) {
            var semaphore = ((SemaphoreObject) entry.object()).semaphore;
            info[0] = semaphore.count();
            info[1] = semaphore.maximum();
        }
        return status;
    }

    // ---- timers ----

    @Override
    public int createTimer(KThread caller, ObjectAttributes attributes, int desiredAccess, int timerType,
            long[] handle) {
        if (timerType != NOTIFICATION_TIMER && timerType != SYNCHRONIZATION_TIMER) {
            clear(handle);
            return STATUS_INVALID_PARAMETER;
        }
        return objects.create(caller, attributes, SyncTypes.TIMER, desiredAccess,
                new TimerObject(context, timerType == NOTIFICATION_TIMER, timerApcs), handle);
    }

    @Override
    public int openTimer(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return objects.open(caller, attributes, SyncTypes.TIMER, desiredAccess, handle);
    }

    @Override
    public int setTimer(KThread caller, long handle, long dueTime, TimerCompletion completion, boolean resume,
            int period, boolean[] previousState) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.TIMER, TIMER_MODIFY_STATE);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (period < 0) {
            return STATUS_INVALID_PARAMETER_6;
        }
        long delay100ns = dueTime < 0 ? -dueTime : dueTime - waits.clock().systemTime();
        long delayNanos = delay100ns > Long.MAX_VALUE / 100 ? Long.MAX_VALUE : delay100ns * 100;
        TimerApc apc = completion == null ? null : new TimerApc(caller, completion, waits.clock());
        boolean previous = ((TimerObject) entry.object()).set(timers, delayNanos, period * 1_000_000L, apc);
        if (previousState != null && previousState.length > 0) {
            previousState[0] = previous;
        }
        return resume ? STATUS_TIMER_RESUME_IGNORED : STATUS_SUCCESS;
    }

    @Override
    public int cancelTimer(KThread caller, long handle, boolean[] currentState) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.TIMER, TIMER_MODIFY_STATE);
        if (status == STATUS_SUCCESS) {
            boolean state = ((TimerObject) entry.object()).cancel();
            if (currentState != null && currentState.length > 0) {
                currentState[0] = state;
            }
        }
        return status;
    }

    // ---- keyed events ----

    @Override
    public int createKeyedEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, int flags,
            long[] handle) {
        if (flags != 0) {
            clear(handle);
            return STATUS_INVALID_PARAMETER;
        }
        return objects.create(caller, attributes, SyncTypes.KEYED_EVENT, desiredAccess,
                new KeyedEventObject(context), handle);
    }

    @Override
    public int openKeyedEvent(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return objects.open(caller, attributes, SyncTypes.KEYED_EVENT, desiredAccess, handle);
    }

    @Override
    public int waitForKeyedEvent(KThread caller, long handle, long key, boolean alertable, long timeout) {
        return keyed(caller, handle, key, KEYEDEVENT_WAIT, false, alertable, timeout);
    }

    @Override
    public int releaseKeyedEvent(KThread caller, long handle, long key, boolean alertable, long timeout) {
        return keyed(caller, handle, key, KEYEDEVENT_WAKE, true, alertable, timeout);
    }

    private int keyed(KThread caller, long handle, long key, int access, boolean release, boolean alertable,
            long timeout) {
        if ((key & 1) != 0) {
            return STATUS_INVALID_PARAMETER_1;
        }
        if (handle == 0 && critSecOutOfMemoryEvent != null) {
            return critSecOutOfMemoryEvent.meet(waits, caller, key, release, alertable, timeout); // NULL: the global one
        }
        HandleEntry entry = objects.lookup(caller, handle);
        int status = check(entry, SyncTypes.KEYED_EVENT, access);
        return status == STATUS_SUCCESS
                ? ((KeyedEventObject) entry.object()).meet(waits, caller, key, release, alertable, timeout) : status;
    }

    private static int check(HandleEntry entry, ObjectType type, int access) {
        return entry == null ? STATUS_INVALID_HANDLE : entry.check(type, access);
    }

    private static void store(int[] out, int value) {
        if (out != null && out.length > 0) {
            out[0] = value;
        }
    }

    private static void clear(long[] handle) {
        if (handle != null && handle.length > 0) {
            handle[0] = 0;
        }
    }

}
