package dev.kobj.core.object;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.HandleTablePolicy;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ObjIntConsumer;

/**
 * One process's handle table: segments of immutable {@link HandleEntry}s, each twice the size of the one
 * before (64, 128, 256, ... entries), so that a table of any size has at most 19 segments, all found from
 * one small array made up front.
 *
 * <p>Handle values are {@code (index + 1) * 4}; the low two bits of a value are ignored, as Windows
 * does (nt-semantics.md §2.1). A lookup is three plain loads and never locks or allocates; with few,
 * fixed segments, their headers stay in cache, so a random lookup in a large table misses the cache
 * where a plain array would (the slot and the entry) and nowhere else. Segments never move: allocation
 * and freeing of indexes take a lock; an entry is published with a release store and removed by CAS,
 * so a racing close and lookup see either the whole entry or none, and two closes of one handle
 * cannot both succeed.
 */
public final class HandleTable {
    private static final int FIRST_SHIFT = 6;
    /** Entries in the first segment, which is made with the table and never replaced. */
    public static final int FIRST_SIZE = 1 << FIRST_SHIFT;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(HandleEntry[].class);
    private static final VarHandle SEGMENT = MethodHandles.arrayElementVarHandle(HandleEntry[][].class);

    private final HandleTablePolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    /** Segment k holds indexes [64 (2^k - 1), 64 (2^(k+1) - 1)); made under the lock, never replaced. */
    private final HandleEntry[][] segments = new HandleEntry[segment(HandleTablePolicy.MAX_HANDLES - 1) + 1][];
    // Guarded by lock: indexes never used yet start at highWater; freed ones wait in the free structure.
    private int highWater;
    private int count;
    private int[] freeStack = new int[16];
    private int freeTop;
    private final BitSet freeSet = new BitSet();

    public HandleTable(HandleTablePolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy is null");
        segments[0] = new HandleEntry[FIRST_SIZE];
    }

    /**
     * The entry behind a handle value, or {@code null}. Lock-free and allocation-free: plain loads.
     * Plain loads are enough because a caller learns a handle value only after the store that made it
     * (a happens-before edge), entries are immutable records safely published through their final
     * fields, and segments are only ever added. A racing caller guessing values may miss a brand-new
     * handle and get {@code null}, which is the answer it would get a moment earlier.
     */
    public HandleEntry get(long handle) {
        if (handle < 4 || handle >= ((long) HandleTablePolicy.MAX_HANDLES + 1) << 2) {
            return null;
        }
        int biased = (int) (handle >>> 2) - 1 + FIRST_SIZE;
        int shift = 31 - Integer.numberOfLeadingZeros(biased);
        HandleEntry[] segment = segments[shift - FIRST_SHIFT];
        return segment == null ? null : segment[biased - (1 << shift)];
    }

    /**
     * The first segment: the entries of handle values 4 to 256 at indexes 0 to 63, read as {@link #get}
     * reads. A thread keeps it, so that most programs' handles are one load away from the caller.
     */
    public HandleEntry[] firstSegment() {
        return segments[0];
    }

    /** Stores {@code entry} in a free slot; returns its handle value, or 0 when the table is full. */
    public long add(HandleEntry entry) {
        lock.lock();
        try {
            int index = allocate();
            if (index < 0) {
                return 0;
            }
            SLOT.setRelease(segmentFor(index), offset(index), entry);
            count++;
            return ((long) index + 1) << 2;
        } finally {
            lock.unlock();
        }
    }

    /** Stores {@code entry} at exactly {@code handle} (inheritance keeps values); false if taken or out of range. */
    public boolean addAt(long handle, HandleEntry entry) {
        if (handle <= 0 || (handle & 3) != 0 || handle > (long) policy.maxHandles() << 2) {
            return false;
        }
        int index = (int) (handle >>> 2) - 1;
        lock.lock();
        try {
            if (index < highWater) {
                if (!takeFree(index)) {
                    return false;
                }
            } else {
                for (int i = index - 1; i >= highWater; i--) {
                    pushFree(i); // highest first, so the lowest skipped value comes back first
                }
                highWater = index + 1;
            }
            SLOT.setRelease(segmentFor(index), offset(index), entry);
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Replaces {@code expected} at {@code handle} by {@code replacement}; false if the slot changed. */
    public boolean replace(long handle, HandleEntry expected, HandleEntry replacement) {
        int index = (int) (handle >>> 2) - 1;
        return SLOT.compareAndSet(segments[segment(index)], offset(index), expected, replacement);
    }

    /** Removes {@code expected} from {@code handle}; false if another call removed or replaced it first. */
    public boolean remove(long handle, HandleEntry expected) {
        int index = (int) (handle >>> 2) - 1;
        if (!SLOT.compareAndSet(segments[segment(index)], offset(index), expected, null)) {
            return false;
        }
        lock.lock();
        try {
            count--;
            pushFree(index);
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** Open handles in this table. */
    public int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Calls {@code action} with each entry and its handle value, in value order (a snapshot per slot). */
    public void forEach(ObjIntConsumer<HandleEntry> action) {
        for (int k = 0; k < segments.length; k++) {
            HandleEntry[] segment = (HandleEntry[]) SEGMENT.getAcquire(segments, k);
            if (segment == null) {
                return; // segments are made in order
            }
            int first = FIRST_SIZE * ((1 << k) - 1);
            for (int i = 0; i < segment.length; i++) {
                HandleEntry entry = (HandleEntry) SLOT.getAcquire(segment, i);
                if (entry != null) {
                    action.accept(entry, (first + i + 1) << 2);
                }
            }
        }
    }

    /** The handle values in use, ascending. */
    public List<Long> handles() {
        List<Long> handles = new ArrayList<>();
        forEach((entry, handle) -> handles.add(Integer.toUnsignedLong(handle)));
        return handles;
    }

    private int allocate() {
        if (count >= policy.maxHandles()) {
            return -1;
        }
        if (policy.reuse() == HandleTablePolicy.Reuse.LOWEST_FREE) {
            int lowest = freeSet.nextSetBit(0);
            if (lowest >= 0) {
                freeSet.clear(lowest);
                return lowest;
            }
        } else if (freeTop > 0) {
            return freeStack[--freeTop];
        }
        return highWater++;
    }

    private void pushFree(int index) {
        if (policy.reuse() == HandleTablePolicy.Reuse.LOWEST_FREE) {
            freeSet.set(index);
            return;
        }
        if (freeTop == freeStack.length) {
            freeStack = java.util.Arrays.copyOf(freeStack, freeTop * 2);
        }
        freeStack[freeTop++] = index;
    }

    private boolean takeFree(int index) {
        if (policy.reuse() == HandleTablePolicy.Reuse.LOWEST_FREE) {
            if (!freeSet.get(index)) {
                return false;
            }
            freeSet.clear(index);
            return true;
        }
        for (int i = 0; i < freeTop; i++) {
            if (freeStack[i] == index) {
                System.arraycopy(freeStack, i + 1, freeStack, i, freeTop - i - 1);
                freeTop--;
                return true;
            }
        }
        return false;
    }

    /** The segment of {@code index}: the position of the highest bit of index + 64, less 6. */
    private static int segment(int index) {
        return 31 - Integer.numberOfLeadingZeros(index + FIRST_SIZE) - FIRST_SHIFT;
    }

    /** The position of {@code index} within its segment. */
    private static int offset(int index) {
        int biased = index + FIRST_SIZE;
        return biased - Integer.highestOneBit(biased);
    }

    /** The segment holding {@code index}, made (with every one before it) under the lock. */
    private HandleEntry[] segmentFor(int index) {
        int k = segment(index);
        HandleEntry[] segment = segments[k];
        if (segment == null) {
            for (int i = 0; i <= k; i++) {
                if (segments[i] == null) {
                    SEGMENT.setRelease(segments, i, new HandleEntry[FIRST_SIZE << i]);
                }
            }
            segment = segments[k];
        }
        return segment;
    }
}
