package dev.kobj.core.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pagefile memory for small and middling sections, carved from 1 GiB reservations ({@code MAP_NORESERVE}:
 * address space, not memory) by a bump pointer, so that making a section costs no system call.
 *
 * <pre>
 * Why this is safe and cheap:
 *   - An address is never handed out twice: a view kept past its section sees only that section's
 *     bytes, or zeros, never another section's; and every new section starts on pages never touched.
 *   - A reservation is unmapped only when the collector finds no slice of it left (an automatic arena),
 *     so a stale slice never touches unmapped memory.
 *   - Released ranges are given back (MADV_DONTNEED) in batches: consecutive sections are adjacent, so
 *     many releases merge into one call. At most {@link #FLUSH_BYTES} wait to be given back.
 * </pre>
 * Thread-safe: one short lock per carve or release.
 */
final class PagefileSlab {
    /** Sections above this size get a mapping of their own. */
    static final long MAX_CARVED = 16L << 20;
    private static final long RESERVATION = 1L << 30;
    private static final long GRANULARITY = 64 * 1024; // the allocation granularity of Windows
    private static final long FLUSH_BYTES = 32L << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private MemorySegment reservation; // guarded by lock, as are all fields below
    private long next;
    private final List<MemorySegment> pending = new ArrayList<>();
    private MemorySegment pendingRun; // the latest released range, grown while releases are adjacent
    private long pendingBytes;

    /**
     * {@code length} zeroed bytes (a multiple of 64 KiB at most {@link #MAX_CARVED}), never handed out
     * before; {@code null} when the system refuses a new reservation.
     */
    MemorySegment carve(long length) {
        long rounded = (length + GRANULARITY - 1) & -GRANULARITY;
        lock.lock();
        try {
            if (reservation == null || next + rounded > reservation.byteSize()) {
                MemorySegment fresh = AnonymousMemory.reserve(RESERVATION, Arena.ofAuto());
                if (fresh == null) {
                    return null;
                }
                reservation = fresh;
                next = 0;
            }
            MemorySegment carved = reservation.asSlice(next, rounded);
            next += rounded;
            return carved;
        } finally {
            lock.unlock();
        }
    }

    /** Gives {@code carved}'s pages back, now or with the next batch. */
    void release(MemorySegment carved) {
        List<MemorySegment> flush = null;
        lock.lock();
        try {
            MemorySegment run = pendingRun;
            if (run != null && run.address() + run.byteSize() == carved.address()
                    && run.scope().equals(carved.scope())) {
                // Same reservation: the grown run keeps its scope, so the reservation stays mapped until
                // the run is given back (never a discard of memory the system has reused).
                pendingRun = run.reinterpret(run.byteSize() + carved.byteSize());
            } else {
                if (run != null) {
                    pending.add(run);
                }
                pendingRun = carved;
            }
            pendingBytes += carved.byteSize();
            if (pendingBytes >= FLUSH_BYTES) {
                flush = new ArrayList<>(pending);
                flush.add(pendingRun);
                pending.clear();
                pendingRun = null;
                pendingBytes = 0;
            }
        } finally {
            lock.unlock();
        }
        if (flush != null) {
            flush.forEach(AnonymousMemory::discard); // outside the lock: a big discard takes a while
        }
    }
}
