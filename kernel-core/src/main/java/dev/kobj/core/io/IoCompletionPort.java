package dev.kobj.core.io;

import dev.kobj.core.dispatch.Parking;
import static dev.kobj.api.status.NtStatus.STATUS_ABANDONED_WAIT_0;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;
import static dev.kobj.api.status.NtStatus.STATUS_USER_APC;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.KernelClock;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.dispatch.Waiter;
import dev.kobj.api.io.CompletionPacket;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KThread;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An I/O completion port (type IoCompletion, nt-semantics.md §7.6): NT's KQUEUE. Thread-safe.
 *
 * <pre>
 * Under the port lock: the packets (FIFO), the threads blocked in remove (a stack: the last to wait is
 * woken first), the running count and the closed flag.
 *   post:    a blocked remover is handed the packet directly (claimed by one CAS on its Waiter, so a
 *            remover ended by timeout, interrupt, APC or termination at the same moment is skipped) while
 *            fewer than `concurrency` threads run; otherwise the packet is queued.
 *   remove:  a thread coming back stops counting as running; it takes queued packets if fewer than
 *            `concurrency` run, else pushes its node and parks; it counts as running once it has one.
 *   close:   the last handle: packets dropped, every blocked remover completed with ABANDONED_WAIT_0.
 * A claimer only claims a node it finds on the stack, and a remover unlinks its node under the lock
 * before it leaves, so no claim ever reaches a later wait of the same thread.
 * The embedded notification event is signalled while packets are queued (and once closed), so a
 * wait on the port handle sees it; a blocked remover takes precedence over it.
 * </pre>
 *
 * Hot path (one thread posting and removing): one packet, no other allocation.
 */
final class IoCompletionPort extends KernelObject implements Waitable {
    private static final dev.kobj.api.dispatch.DispatcherObject[] NO_OBJECTS = {};

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<CompletionPacket> packets = new ArrayDeque<>();
    private final ArrayDeque<RemoveWait> waiters = new ArrayDeque<>();
    private final DispatcherEvent signal;
    private final int concurrency;
    private int running;
    private boolean closed;

    IoCompletionPort(ObjectType type, DispatcherContext context, int concurrency) {
        super(type);
        this.signal = new DispatcherEvent(context, true, false);
        this.concurrency = concurrency;
    }

    /** A thread's reusable place in the stack of blocked removers. */
    static final class RemoveWait {
        final KThread thread;
        CompletionPacket handed; // guarded by the port lock
        boolean queued;          // guarded by the port lock

        RemoveWait(KThread thread) {
            this.thread = thread;
        }
    }

    @Override
    public DispatcherEvent dispatcherObject() {
        return signal;
    }

    int concurrency() {
        return concurrency;
    }

    /** Queues a packet or hands it to the last blocked remover; false (dropped) once closed. */
    boolean post(CompletionPacket packet) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (handOff(packet)) {
                return true;
            }
            packets.addLast(packet);
            if (packets.size() == 1) {
                signal.set();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: gives {@code packet} to the most recent blocked remover if concurrency allows. */
    private boolean handOff(CompletionPacket packet) {
        while (running < concurrency) {
            RemoveWait node = waiters.pollFirst();
            if (node == null) {
                return false;
            }
            node.queued = false;
            Waiter waiter = node.thread.waiter();
            if (waiter.claim()) {
                node.handed = packet;
                running++;
                waiter.complete(STATUS_SUCCESS);
                return true;
            }
        }
        return false;
    }

    /** Under the lock: queued packets to blocked removers, after the running count fell. */
    private void releaseQueued() {
        while (!packets.isEmpty() && handOff(packets.peekFirst())) {
            packets.pollFirst();
        }
        if (packets.isEmpty()) {
            signal.reset();
        }
    }

    /**
     * NtRemoveIoCompletionEx for {@code io}'s thread: see {@link dev.kobj.api.io.IoService#removeIoCompletion}.
     */
    int remove(ThreadIo io, CompletionPacket[] out, int count, int[] removed, long timeout, boolean alertable,
            KernelClock clock) {
        KThread thread = io.thread;
        IoCompletionPort previous = io.port;
        if (previous != null && previous != this) {
            previous.threadLeft(io);
        }
        RemoveWait node = io.portWait;
        Waiter waiter = thread.waiter();
        removed[0] = 0;
        int early = Waiter.WAITING;
        lock.lock();
        try {
            boolean wasRunning = io.port == this;
            if (wasRunning) {
                if (!io.blocked) {
                    running--; // coming back for more: it takes a queued packet itself before a blocked thread
                }
                io.blocked = false;
            }
            if (!closed && !packets.isEmpty() && running < concurrency) {
                removed[0] = drain(out, 0, count);
                running++;
                if (!wasRunning) {
                    io.port = this; // written only when it changes: the one-thread loop stores nothing here
                }
                return STATUS_SUCCESS;
            }
            if (wasRunning) {
                io.port = null;
            }
            if (closed) {
                early = STATUS_ABANDONED_WAIT_0;
            } else if (timeout == 0) {
                early = STATUS_TIMEOUT;
            } else if (alertable && thread.hasApcs()) {
                early = STATUS_USER_APC; // queued APCs run first, and the wait takes nothing (§5.4)
            } else {
                waiter.arm(NO_OBJECTS, 0, false);
                node.handed = null;
                node.queued = true;
                waiters.addFirst(node);
            }
        } finally {
            lock.unlock();
        }
        if (early != Waiter.WAITING) {
            if (early == STATUS_USER_APC) {
                thread.runApcs();
            }
            return early;
        }
        if (alertable && waiter.makeAlertable() && thread.hasApcs()) {
            waiter.cancelAlertable(STATUS_USER_APC); // an APC queued before we were alertable found no one to wake
        }
        long deadline = Parking.deadline(timeout, clock);
        int status = Parking.park(waiter, deadline, clock);
        lock.lock();
        try {
            if (node.queued) {
                waiters.remove(node);
                node.queued = false;
            }
            if (status == STATUS_SUCCESS) {
                out[0] = node.handed;
                node.handed = null;
                removed[0] = drain(out, 1, count);
                io.port = this;
            }
        } finally {
            lock.unlock();
        }
        if (status == STATUS_USER_APC) {
            thread.runApcs();
        }
        return status;
    }

    /** Under the lock: moves queued packets into {@code out[from..count)}; returns how many {@code out} holds. */
    private int drain(CompletionPacket[] out, int from, int count) {
        int n = from;
        while (n < count) {
            CompletionPacket packet = packets.pollFirst();
            if (packet == null) {
                break;
            }
            out[n++] = packet;
        }
        if (packets.isEmpty()) {
            signal.reset();
        }
        return n;
    }

    /** A thread running on this port ended or moved to another port: it no longer counts. */
    void threadLeft(ThreadIo io) {
        lock.lock();
        try {
            if (io.port == this) {
                io.port = null;
                if (!io.blocked) {
                    running--;
                }
                io.blocked = false;
                releaseQueued();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A thread running on this port blocked elsewhere: it stops counting, and a waiter may take a packet. */
    void threadBlocked(ThreadIo io) {
        lock.lock();
        try {
            if (io.port == this && !io.blocked) {
                io.blocked = true;
                running--;
                releaseQueued();
            }
        } finally {
            lock.unlock();
        }
    }

    /** It runs again and counts again, even past the concurrency value for a while (§7.6). */
    void threadUnblocked(ThreadIo io) {
        lock.lock();
        try {
            if (io.port == this && io.blocked) {
                io.blocked = false;
                running++;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Threads counted as running (for tests). */
    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** The last handle closed: waiters fail with ABANDONED_WAIT_0, packets are dropped, the port is signalled. */
    void close() {
        lock.lock();
        try {
            closed = true;
            packets.clear();
            RemoveWait node;
            while ((node = waiters.pollFirst()) != null) {
                node.queued = false;
                Waiter waiter = node.thread.waiter();
                if (waiter.claim()) {
                    waiter.complete(STATUS_ABANDONED_WAIT_0);
                }
            }
            signal.set();
        } finally {
            lock.unlock();
        }
    }

    /** Queued packets (IoCompletionBasicInformation.Depth). */
    int depth() {
        lock.lock();
        try {
            return packets.size();
        } finally {
            lock.unlock();
        }
    }

    /** Threads blocked in remove (for tests). */
    int blockedRemovers() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }
}
