package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KThread;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A KeyedEvent (nt-semantics.md §6.5): waiters and releasers meet one to one on a key, within one
 * process. Whoever arrives first parks on a one-shot dispatcher event of its own, so a rendezvous
 * wait ends, like every wait, by its partner, its timeout, an APC when alertable, an interrupt or its
 * thread's termination.
 */
final class KeyedEventObject extends KernelObject implements Waitable {
    private final DispatcherContext context;
    /** What a plain wait on the handle sees: always signalled (§6.5). */
    private final DispatcherEvent alwaysSignalled;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock: who is parked on each (process, key), waiters and releasers apart.
    private final Map<Key, ArrayDeque<Party>> waiting = new HashMap<>();
    private final Map<Key, ArrayDeque<Party>> releasing = new HashMap<>();

    private record Key(int processId, long key) {
    }

    /** One parked side of a rendezvous; {@code matched} is written under the lock. */
    private static final class Party {
        final DispatcherEvent met;
        boolean matched;

        Party(DispatcherContext context) {
            this.met = new DispatcherEvent(context, true, false);
        }
    }

    KeyedEventObject(DispatcherContext context) {
        super(SyncTypes.KEYED_EVENT);
        this.context = context;
        this.alwaysSignalled = new DispatcherEvent(context, true, true);
    }

    @Override
    public DispatcherObject dispatcherObject() {
        return alwaysSignalled;
    }

    /** Meets a partner from the other map, or parks in {@code mine} until one comes or the wait ends. */
    int meet(WaitService waits, KThread caller, long key, boolean release, boolean alertable, long timeout) {
        Key k = new Key(caller.process().id(), key);
        Map<Key, ArrayDeque<Party>> mine = release ? releasing : waiting;
        Map<Key, ArrayDeque<Party>> theirs = release ? waiting : releasing;
        Party self;
        lock.lock();
        try {
            ArrayDeque<Party> partners = theirs.get(k);
            Party partner = partners == null ? null : partners.pollFirst();
            if (partner != null) {
                if (partners.isEmpty()) {
                    theirs.remove(k);
                }
                partner.matched = true;
                partner.met.set();
                return STATUS_SUCCESS;
            }
            if (timeout == 0) {
                return STATUS_TIMEOUT;
            }
            self = new Party(context);
            mine.computeIfAbsent(k, x -> new ArrayDeque<>()).addLast(self);
        } finally {
            lock.unlock();
        }
        int status = waits.waitForObjects(caller, new DispatcherObject[] {self.met}, 1, false, alertable,
                timeout);
        lock.lock();
        try {
            if (self.matched) {
                return STATUS_SUCCESS; // met, whatever ended our wait a moment later
            }
            ArrayDeque<Party> queue = mine.get(k);
            if (queue != null) {
                queue.remove(self);
                if (queue.isEmpty()) {
                    mine.remove(k);
                }
            }
            return status;
        } finally {
            lock.unlock();
        }
    }
}
