package dev.kobj.core.dispatch;

import static dev.kobj.api.status.NtStatus.STATUS_ABANDONED_WAIT_0;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_1;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_3;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_MIX;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.api.status.NtStatus.STATUS_THREAD_IS_TERMINATING;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;
import static dev.kobj.api.status.NtStatus.STATUS_USER_APC;
import static dev.kobj.api.status.NtStatus.STATUS_WAIT_0;

import com.google.inject.Inject;
import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.KernelClock;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.dispatch.Waiter;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.status.NtStatus;
import dev.kobj.core.process.CoreThread;
import dev.kobj.core.trace.WaitEvent;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * The wait engine (nt-semantics.md §5.2–5.3), built as the Linux ntsync driver is.
 *
 * <pre>
 * A wait first tries each object lock-free (wait-any: lowest index first). If it must block, it queues
 * a wait block on each object under that object's lock and tests the object again there (wait-all:
 * under the wait-all lock and every object's lock, all or none). Signallers complete a queued waiter
 * by claiming it with one CAS before consuming anything (Waiter), so a waiter never takes two objects
 * of a wait-any. The waiter parks until completed, its deadline passes (on KernelClock) or its Java
 * thread is interrupted (STATUS_CANCELLED, the flag left set); a claimed waiter whose object was taken
 * by a barging fast-path acquirer is told to RETRY and starts over with the time it has left.
 * Goals: read the clock once per park; allocate nothing; hold no lock while parked.
 * </pre>
 */
public final class WaitEngine implements WaitService {

    private final ObjectManager objects;
    private final ProcessService processes;
    private final KernelClock clock;
    private final DispatcherContext context;

    @Inject
    public WaitEngine(ObjectManager objects, ProcessService processes, KernelClock clock, DispatcherContext context) {
        this.context = java.util.Objects.requireNonNull(context, "context is null");
        this.objects = java.util.Objects.requireNonNull(objects, "objects is null");
        this.processes = java.util.Objects.requireNonNull(processes, "processes is null");
        this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public DispatcherContext context() {
        return context;
    }

    @Override
    public KernelClock clock() {
        return clock;
    }

    @Override
    public int waitForSingleObject(KThread caller, long handle, boolean alertable, long timeout) {
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int checked = entry.checkWait();
        if (checked != STATUS_SUCCESS) {
            return checked;
        }
        DispatcherObject object = entry.dispatcherObject();
        if (alertable && caller.runApcs()) {
            return STATUS_USER_APC; // pending APCs run first, and the wait takes nothing (§5.4)
        }
        int acquired = object.tryAcquire(caller);
        if (acquired != DispatcherObject.NOT_SIGNALLED) {
            return DispatcherObject.result(acquired, 0);
        }
        return timeout == 0 ? STATUS_TIMEOUT : waitNotSignalled(caller, entry, object, alertable, timeout);
    }

    /**
     * The rest of a single-object wait: out of line, so that the signalled path above stays small
     * enough to inline.
     */
    private int waitNotSignalled(KThread caller, HandleEntry entry, DispatcherObject object, boolean alertable,
            long timeout) {
        CoreThread thread = (CoreThread) caller;
        boolean adaptive = Spinning.applies(alertable, timeout);
        long since = 0;
        boolean spun = false;
        if (adaptive) {
            since = System.nanoTime(); // the thread's next spin depends on how soon this wait ends
            if (thread.spinNanos() > 0) {
                spun = true;
                int acquired = Spinning.spin(thread, object);
                if (acquired != DispatcherObject.NOT_SIGNALLED) {
                    return DispatcherObject.result(acquired, 0);
                }
            }
        }
        DispatcherObject[] list = thread.waitObjects();
        list[0] = object;
        KernelObject held = entry.object(); // referenced while blocked: the wait shows in its pointer count
        if (!objects.reference(held)) {
            return STATUS_INVALID_HANDLE;
        }
        try {
            WaitEvent event = WaitEvent.beginIfEnabled();
            int status = block(caller, list, 1, false, alertable, timeout, null);
            if (adaptive) {
                Spinning.blocked(thread, spun, status == STATUS_WAIT_0 || status == STATUS_ABANDONED_WAIT_0,
                        System.nanoTime() - since);
            }
            if (event != null) {
                event.end(caller.id(), caller.process().id(), held.type().name(), held.name(), 1, false,
                        NtStatus.name(status));
            }
            return status;
        } finally {
            objects.dereference(held);
        }
    }

    /**
     * Blocks holding a reference on each object waited for, so that its pointer count shows the wait in
     * progress and it outlives a handle closed meanwhile (nt-semantics.md §1.2); the fast paths take none.
     */
    private int blockHolding(KThread caller, KernelObject[] held, DispatcherObject[] list, int count, boolean all,
            boolean alertable, long timeout) {
        int referenced = 0;
        try {
            for (; referenced < count; referenced++) {
                if (!objects.reference(held[referenced])) {
                    return STATUS_INVALID_HANDLE; // deleted since the lookup
                }
            }
            WaitEvent event = WaitEvent.beginIfEnabled();
            int status = block(caller, list, count, all, alertable, timeout, null);
            if (event != null) {
                event.end(caller.id(), caller.process().id(), held[0].type().name(), held[0].name(), count, all,
                        NtStatus.name(status));
            }
            return status;
        } finally {
            for (int i = 0; i < referenced; i++) {
                objects.dereference(held[i]);
                held[i] = null;
            }
        }
    }

    @Override
    public int waitForMultipleObjects(KThread caller, int count, long[] handles, int waitType, boolean alertable,
            long timeout) {
        if (count < 1 || count > MAXIMUM_WAIT_OBJECTS) {
            return STATUS_INVALID_PARAMETER_1;
        }
        if (waitType != WAIT_ALL && waitType != WAIT_ANY) {
            return STATUS_INVALID_PARAMETER_3;
        }
        if (handles == null || handles.length < count) {
            return STATUS_INVALID_PARAMETER;
        }
        DispatcherObject[] list = ((CoreThread) caller).waitObjects();
        KernelObject[] held = ((CoreThread) caller).waitKernelObjects();
        for (int i = 0; i < count; i++) {
            HandleEntry entry = objects.lookup(caller, handles[i]);
            if (entry == null) {
                return STATUS_INVALID_HANDLE;
            }
            int checked = entry.checkWait();
            if (checked != STATUS_SUCCESS) {
                return checked;
            }
            list[i] = entry.dispatcherObject();
            held[i] = entry.object();
        }
        boolean all = waitType == WAIT_ALL;
        if (all && hasDuplicates((CoreThread) caller, list, count)) {
            return STATUS_INVALID_PARAMETER_MIX;
        }
        if (alertable && caller.runApcs()) {
            return STATUS_USER_APC;
        }
        int taken = all ? tryAll(caller, list, count) : tryAny(caller, list, count);
        if (taken != NONE_TAKEN) {
            return taken;
        }
        if (!all && timeout == 0) {
            return STATUS_TIMEOUT; // a wait-all poll goes on: the slow path reaps ended owners first
        }
        return blockHolding(caller, held, list, count, all, alertable, timeout);
    }

    @Override
    public int waitForObjects(KThread caller, DispatcherObject[] list, int count, boolean waitAll, boolean alertable,
            long timeout) {
        if (count < 1 || count > MAXIMUM_WAIT_OBJECTS || list == null || list.length < count) {
            return STATUS_INVALID_PARAMETER;
        }
        if (alertable && caller.runApcs()) {
            return STATUS_USER_APC;
        }
        return wait(caller, list, count, waitAll, alertable, timeout);
    }

    private int wait(KThread caller, DispatcherObject[] list, int count, boolean all, boolean alertable,
            long timeout) {
        int taken = all ? tryAll(caller, list, count) : tryAny(caller, list, count);
        if (taken != NONE_TAKEN) {
            return taken;
        }
        if (!all && timeout == 0) {
            return STATUS_TIMEOUT;
        }
        return block(caller, list, count, all, alertable, timeout, null);
    }

    /**
     * Whether an object appears twice (a wait-all must not name one twice). A list equal to the thread's
     * last one found distinct is distinct: the identity hashes below cost a third of a 64-object wait-all.
     */
    private static boolean hasDuplicates(CoreThread caller, DispatcherObject[] list, int count) {
        if (caller.sameAsLastDistinct(list, count)) {
            return false; // the same objects as the thread's last wait-all: distinct then, distinct now
        }
        if (hasDuplicates(list, count, caller.waitBuckets())) {
            return true;
        }
        caller.rememberDistinct(list, count);
        return false;
    }

    /**
     * Objects are first sorted into 1,024 buckets by identity hash, so only a bucket shared with an earlier
     * object costs a scan: about 64 cheap steps for 64 objects, not the 2,016 comparisons of every pair.
     */
    private static boolean hasDuplicates(DispatcherObject[] list, int count, long[] seen) {
        try {
            for (int i = 0; i < count; i++) {
                int bucket = System.identityHashCode(list[i]) & 1023;
                long bit = 1L << bucket;
                if ((seen[bucket >>> 6] & bit) != 0) {
                    for (int j = 0; j < i; j++) {
                        if (list[j] == list[i]) {
                            return true;
                        }
                    }
                }
                seen[bucket >>> 6] |= bit;
            }
            return false;
        } finally {
            java.util.Arrays.fill(seen, 0L); // the scratch is left clear for the next wait
        }
    }

    /** Not a wait result: no object of a wait-any could be taken at once. */
    private static final int NONE_TAKEN = -1;

    /** Wait-any's lock-free fast path: the lowest signalled index, taken; else {@link #NONE_TAKEN}. */
    private static int tryAny(KThread caller, DispatcherObject[] list, int count) {
        for (int i = 0; i < count; i++) {
            int acquired = list[i].tryAcquire(caller);
            if (acquired != DispatcherObject.NOT_SIGNALLED) {
                return DispatcherObject.result(acquired, i);
            }
        }
        return NONE_TAKEN;
    }

    /**
     * Wait-all's fast path: when every object looks signalled, take them all under the wait-all lock (so
     * that no other wait-all interleaves) with no object lock and no reference; if a barging acquirer
     * took one first, give back what was taken, waking as a signal does. Else {@link #NONE_TAKEN}: the
     * slow path decides under the locks.
     */
    private int tryAll(KThread caller, DispatcherObject[] list, int count) {
        for (int i = 0; i < count; i++) {
            if (!list[i].isSignalledFor(caller)) {
                return NONE_TAKEN;
            }
        }
        ReentrantLock waitAllLock = context.waitAllLock();
        waitAllLock.lock();
        context.lockFreeWaitAll(); // queries wait until every object is taken or given back
        try {
            long abandoned = 0; // bit i: object i was an abandoned mutant (at most 64 objects)
            for (int i = 0; i < count; i++) {
                int result = list[i].tryAcquire(caller);
                if (result != DispatcherObject.ACQUIRED && result != DispatcherObject.ACQUIRED_ABANDONED) {
                    for (int j = i - 1; j >= 0; j--) {
                        list[j].undoAcquireAndWake(caller, (abandoned & 1L << j) != 0
                                ? DispatcherObject.ACQUIRED_ABANDONED : DispatcherObject.ACQUIRED);
                    }
                    return result == DispatcherObject.NOT_SIGNALLED ? NONE_TAKEN : result;
                }
                if (result == DispatcherObject.ACQUIRED_ABANDONED) {
                    abandoned |= 1L << i;
                }
            }
            return abandoned != 0 ? STATUS_ABANDONED_WAIT_0 : STATUS_WAIT_0;
        } finally {
            context.lockFreeWaitAll();
            waitAllLock.unlock();
        }
    }

    @Override
    public int signalAndWait(KThread caller, IntSupplier signal, DispatcherObject object, boolean alertable,
            long timeout) {
        DispatcherObject[] list = ((CoreThread) caller).waitObjects();
        list[0] = object;
        return block(caller, list, 1, false, alertable, timeout, signal);
    }

    /**
     * The slow path: queue, park, dequeue; again on RETRY with the time left. A {@code signal} runs once,
     * after the caller is queued and before it parks (SignalObjectAndWait), so whoever the signal wakes
     * finds the caller already waiting; a signal that fails withdraws the wait if nothing satisfied it yet.
     */
    private int block(KThread caller, DispatcherObject[] list, int count, boolean all, boolean alertable,
            long timeout, IntSupplier signal) {
        if (signal == null && reapDeadOwners(list, count)) {
            return wait(caller, list, count, all, alertable, timeout); // an abandoned mutex may satisfy it now
        }
        long deadline = deadline(timeout);
        Waiter waiter = caller.waiter();
        while (true) {
            waiter.arm(list, count, all);
            if (all) {
                queueAll(waiter, list, count, timeout == 0);
            } else {
                queueAny(caller, waiter, list, count);
            }
            if (signal != null) {
                int signalled = signal.getAsInt();
                signal = null;
                if (signalled < 0 && waiter.cancel(signalled)) {
                    dequeue(waiter, list, count);
                    return signalled;
                }
            }
            // Alertable from here; then look again: an APC queued just before found no one to wake.
            if (alertable && waiter.makeAlertable() && caller.hasApcs()) {
                waiter.cancelAlertable(STATUS_USER_APC);
            }
            // And the thread's end: one ended after its last fence but before we armed found nothing to cancel.
            if (caller.isEnded()) {
                waiter.cancel(STATUS_THREAD_IS_TERMINATING);
            }
            dev.kobj.core.process.ThreadBlocking blocking = caller instanceof CoreThread core ? core.blocking() : null;
            if (blocking != null) {
                blocking.blocked(); // a completion port stops counting it as running (§7.6)
            }
            int status;
            try {
                status = park(waiter, deadline);
            } finally {
                if (blocking != null) {
                    blocking.unblocked();
                }
            }
            dequeue(waiter, list, count);
            if (status == STATUS_USER_APC) {
                caller.runApcs();
                return status;
            }
            if (status != Waiter.RETRY) {
                return status;
            }
            if (!all) {
                int taken = tryAny(caller, list, count);
                if (taken != NONE_TAKEN) {
                    return taken;
                }
            }
        }
    }

    private static void dequeue(Waiter waiter, DispatcherObject[] list, int count) {
        for (int i = 0; i < count; i++) {
            if (!waiter.block(i).isQueued()) {
                continue; // a wait-any satisfied while queueing never reached the later objects
            }
            DispatcherObject object = list[i];
            object.lock();
            try {
                object.dequeue(waiter.block(i));
            } finally {
                object.unlock();
            }
        }
    }

    /**
     * The lazy half of noticing ended adopted threads (the sweep is the other): a mutex about to be
     * waited on whose owner's Java thread has terminated is abandoned first.
     */
    private boolean reapDeadOwners(DispatcherObject[] list, int count) {
        boolean reaped = false;
        for (int i = 0; i < count; i++) {
            if (list[i] instanceof DispatcherMutant mutant) {
                KThread owner = mutant.owner();
                if (owner != null && !owner.javaThread().isAlive() && processes.hasEnded(owner)
                        && mutant.owner() != owner) {
                    reaped = true; // abandoned now: worth another try (not if it stays the ended owner's)
                }
            }
        }
        return reaped;
    }

    private static void queueAny(KThread caller, Waiter waiter, DispatcherObject[] list, int count) {
        for (int i = 0; i < count; i++) {
            DispatcherObject object = list[i];
            object.lock();
            try {
                object.enqueue(waiter.block(i));
                if (object.isSignalledFor(caller) && waiter.claim()) {
                    waiter.complete(DispatcherObject.result(object.tryAcquire(caller), i));
                }
            } finally {
                object.unlock();
            }
            if (!waiter.isWaiting()) {
                return;
            }
        }
    }

    /** Queues on every object and tests them all at once, under the wait-all lock and all their locks. */
    private void queueAll(Waiter waiter, DispatcherObject[] list, int count, boolean poll) {
        ReentrantLock waitAllLock = context.waitAllLock();
        waitAllLock.lock();
        int locked = 0;
        try {
            for (; locked < count; locked++) {
                list[locked].lock();
            }
            for (int i = 0; i < count; i++) {
                list[i].enqueue(waiter.block(i));
            }
            if (!DispatcherObject.trySatisfyAll(waiter, null) && poll) {
                waiter.cancel(STATUS_TIMEOUT);
            }
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                list[i].unlock();
            }
            waitAllLock.unlock();
        }
    }

    private int park(Waiter waiter, long deadline) {
        return Parking.park(waiter, deadline, clock);
    }

    private long deadline(long timeout) {
        return Parking.deadline(timeout, clock);
    }
}
