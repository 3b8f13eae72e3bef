package dev.kobj.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * A file's byte-range locks (nt-semantics.md §8), kobj's own table rather than {@code FileLock}, which
 * is per JVM. A lock belongs to a file object and a process. Exclusive locks conflict with any
 * overlapping lock, shared ones only with exclusive ones; zero-length locks never conflict; locks never
 * merge. Thread-safe: the list is guarded by this object's monitor, and an empty table costs reads and
 * writes one volatile load.
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

    private final List<Lock> locks = new ArrayList<>();
    private volatile boolean empty = true;

    /** Adds a lock unless it conflicts; false on a conflict (STATUS_LOCK_NOT_GRANTED). */
    synchronized boolean lock(FsOpen owner, Object process, long offset, long length, boolean exclusive) {
        for (Lock held : locks) {
            if (held.overlaps(offset, length) && (exclusive || held.exclusive())) {
                return false;
            }
        }
        locks.add(new Lock(owner, process, offset, length, exclusive));
        empty = false;
        return true;
    }

    /** Removes exactly that range of the owner's; false if there is none (STATUS_RANGE_NOT_LOCKED). */
    synchronized boolean unlock(FsOpen owner, Object process, long offset, long length) {
        for (int i = 0; i < locks.size(); i++) {
            Lock held = locks.get(i);
            if (held.ownedBy(owner, process) && held.offset() == offset && held.length() == length) {
                locks.remove(i);
                empty = locks.isEmpty();
                return true;
            }
        }
        return false;
    }

    /** Drops every lock of a file object (its cleanup). */
    synchronized void release(FsOpen owner) {
        locks.removeIf(held -> held.owner() == owner);
        empty = locks.isEmpty();
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
