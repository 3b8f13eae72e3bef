package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_LOCK_NOT_GRANTED;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.io.IoRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's byte-range locks (nt-semantics.md §8), kobj's own table rather than {@code FileLock}, which
 * is per JVM. A lock belongs to a file object and a process. Exclusive locks conflict with any
 * overlapping lock, shared ones only with exclusive ones; zero-length locks never conflict; locks never
 * merge. A lock that may wait (LockFileEx without LOCKFILE_FAIL_IMMEDIATELY) keeps its request pending
 * here, first come first served, until an unlock or a close lets it in or the I/O manager cancels it.
 * Thread-safe: the lists are guarded by this object's monitor; requests are completed outside it; an
 * empty table costs reads and writes one volatile load.
 *
 * <pre>
 * A waiting request's cancel routine and a grant race on the request's cancel slot: a grant first
 * clears it (IoRequest.clearCancelRoutine, under this monitor) and owns the completion; if cancellation
 * took it first, the grant skips the request and the routine removes it and completes it CANCELLED.
 * </pre>
 */
final class ByteRangeLocks {
    private record Lock(FsOpen owner, Object process, long offset, long length, boolean exclusive) {
        boolean overlaps(long from, long count) {
            return length != 0 && count != 0 && offset < from + count && from < offset + length;
        }

        boolean ownedBy(FsOpen open, Object by) {
            return owner == open && process == by;
        }
    }

    private record Waiting(IoRequest request, Lock lock) {
    }

    private final List<Lock> locks = new ArrayList<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private volatile boolean empty = true;

    /**
     * Adds a lock (STATUS_SUCCESS) unless it conflicts: then STATUS_LOCK_NOT_GRANTED, or with a
     * {@code waiter} request, STATUS_PENDING with the request queued until the range is free.
     */
    int lock(FsOpen owner, Object process, long offset, long length, boolean exclusive, IoRequest waiter) {
        Lock wanted = new Lock(owner, process, offset, length, exclusive);
        synchronized (this) {
            if (fits(wanted)) {
                locks.add(wanted);
                empty = false;
                return STATUS_SUCCESS;
            }
            if (waiter == null) {
                return STATUS_LOCK_NOT_GRANTED;
            }
            waiting.add(new Waiting(waiter, wanted));
        }
        if (!waiter.setCancelRoutine(this::cancelled)) {
            cancelled(waiter); // cancelled before it could wait
        }
        return STATUS_PENDING;
    }

    /** A waiting request's cancel routine: out of the queue, completed CANCELLED. */
    private void cancelled(IoRequest request) {
        synchronized (this) {
            waiting.removeIf(w -> w.request() == request);
        }
        request.complete(STATUS_CANCELLED, 0);
    }

    private boolean fits(Lock wanted) {
        for (Lock held : locks) {
            if (held.overlaps(wanted.offset(), wanted.length()) && (wanted.exclusive() || held.exclusive())) {
                return false;
            }
        }
        return true;
    }

    /** Removes exactly that range of the owner's; false if there is none (STATUS_RANGE_NOT_LOCKED). */
    boolean unlock(FsOpen owner, Object process, long offset, long length) {
        List<IoRequest> granted;
        synchronized (this) {
            int found = -1;
            for (int i = 0; i < locks.size() && found < 0; i++) {
                Lock held = locks.get(i);
                if (held.ownedBy(owner, process) && held.offset() == offset && held.length() == length) {
                    found = i;
                }
            }
            if (found < 0) {
                return false;
            }
            locks.remove(found);
            granted = grant();
        }
        complete(granted);
        return true;
    }

    /** Drops every lock of a file object (its cleanup) and lets waiters in. */
    void release(FsOpen owner) {
        List<IoRequest> granted;
        synchronized (this) {
            if (!locks.removeIf(held -> held.owner() == owner)) {
                return;
            }
            granted = grant();
        }
        complete(granted);
    }

    /** Drops the locks a file object holds for one process (its last handle to it closed) and lets waiters in. */
    void release(FsOpen owner, Object process) {
        List<IoRequest> granted;
        synchronized (this) {
            if (!locks.removeIf(held -> held.ownedBy(owner, process))) {
                return;
            }
            granted = grant();
        }
        complete(granted);
    }

    /** Under the monitor: the waiters that fit now, in arrival order, their locks taken. */
    private List<IoRequest> grant() {
        List<IoRequest> granted = List.of();
        for (int i = 0; i < waiting.size(); i++) {
            Waiting w = waiting.get(i);
            if (fits(w.lock()) && w.request().clearCancelRoutine()) {
                waiting.remove(i--);
                locks.add(w.lock());
                if (granted.isEmpty()) {
                    granted = new ArrayList<>();
                }
                granted.add(w.request());
            }
        }
        empty = locks.isEmpty();
        return granted;
    }

    private static void complete(List<IoRequest> granted) {
        for (IoRequest request : granted) {
            request.complete(STATUS_SUCCESS, 0);
        }
    }

    /**
     * Whether a read or write of {@code [offset, offset + length)} by the owner may go on: no overlapping
     * exclusive lock of another owner, and for a write no overlapping shared lock at all.
     */
    boolean allows(FsOpen owner, Object process, long offset, long length, boolean write) {
        if (empty) {
            return true;
        }
        synchronized (this) {
            for (Lock held : locks) {
                if (held.overlaps(offset, length)
                        && (held.exclusive() ? !held.ownedBy(owner, process) : write)) {
                    return false;
                }
            }
            return true;
        }
    }
}
