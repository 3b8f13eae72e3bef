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
 * One process's handle table: a fixed first page of 1,024 immutable {@link HandleEntry}s, and one flat
 * array for the rest, grown by doubling.
 *
 * <p>Handle values are {@code (index + 1) * 4}; the low two bits of a value are ignored, as Windows
 * does (nt-semantics.md §2.1). A lookup is plain loads and never locks or allocates. Every change to a
 * slot (add, replace, remove) and every growth holds the lock, so a growth copies a table no one is
 * changing; an entry is published with a release store. A lookup holding the array from before a
 * growth reads the values it had when the copy was made, which were current while it ran. A racing
 * close and lookup see either the whole entry or none, and two closes of one handle cannot both succeed.
 *
 * <p>Why one flat array: a lookup in a table of 1,024-entry pages also read the page's length for its
 * range check, a cache line away from the slot, and the pages sit scattered among the entries. Random
 * lookups over a million handles measured 2x a plain {@code Object[]}; with the flat array, whose one
 * header stays cached, 1.3-1.7x in the same runs.
 */
public final class HandleTable {
    /** Entries of the first page, which a thread reads directly. */
    public static final int FIRST_SIZE = 1 << 10;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(HandleEntry[].class);
    private static final VarHandle REST;
    private static final HandleEntry[] NONE = {};

    static {
        try {
            REST = MethodHandles.lookup().findVarHandle(HandleTable.class, "rest", Rest.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HandleTablePolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    /** Indexes 0 to 1,023: made with the table, never replaced, so a thread may keep it. */
    private final HandleEntry[] first = new HandleEntry[FIRST_SIZE];
    /** Indexes from 1,024 on; replaced (under the lock) by a copy twice as long when full. */
    private Rest rest = new Rest(NONE); // read plainly (see get), replaced with a release store

    /**
     * The array past the first page. Its final field is what makes a plain read safe: a thread that sees
     * a Rest sees the copy it was made with, whatever race brought it (JLS 17.5), and the slots written
     * since reach a looker-up through their own release stores.
     */
    private record Rest(HandleEntry[] slots) {
    }
    // Guarded by lock: indexes never used yet start at highWater; freed ones wait in the free structure.
    private int highWater;
    private int count;
    private int[] freeStack = new int[16];
    private int freeTop;
    private final BitSet freeSet = new BitSet();

    public HandleTable(HandleTablePolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy is null");
    }

    /**
     * The entry behind a handle value, or {@code null}. Lock-free and allocation-free: plain loads.
     * Plain loads are enough because a caller learns a handle value only after the store that made it
     * (a happens-before edge), entries are immutable and safely published through their final fields,
     * and the arrays are only replaced by complete copies, each behind a final field ({@link Rest}). A
     * plain read lets a loop of lookups keep the array in a register (an acquiring read, tried, measured
     * as slow as the table of pages). A racing caller guessing values may miss a
     * brand-new handle and get {@code null}, which is the answer it would get a moment earlier.
     */
    public HandleEntry get(long handle) {
        long index = (handle >>> 2) - 1; // values 0-3 are index -1, negative ones huge: no slot
        if (Long.compareUnsigned(index, FIRST_SIZE) < 0) {
            return first[(int) index];
        }
        return index <= Integer.MAX_VALUE ? entryPastFirst((int) index) : null;
    }

    /**
     * {@link #get} for a caller that has already turned a handle value into its index (value / 4 - 1)
     * and found it past the first page: one array load. Any other index, negative ones included, is no
     * slot.
     */
    public HandleEntry entryPastFirst(int index) {
        HandleEntry[] slots = rest.slots;
        int slot = index - FIRST_SIZE; // an index in the first page, or a negative one, goes negative...
        // ...and one unsigned test is both the table's bound and the array's range check (C2 drops the second)
        return Integer.compareUnsigned(slot, slots.length) < 0 ? slots[slot] : null;
    }

    /** The first page, made with the table and never replaced: the entries of handle values 4 to 4,096. */
    public HandleEntry[] firstSegment() {
        return first;
    }

    /** Stores {@code entry} in a free slot; returns its handle value, or 0 when the table is full. */
    public long add(HandleEntry entry) {
        lock.lock();
        try {
            int index = allocate();
            if (index < 0) {
                return 0;
            }
            store(index, entry);
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
            store(index, entry);
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Replaces {@code expected} at {@code handle} by {@code replacement}; false if the slot changed. */
    public boolean replace(long handle, HandleEntry expected, HandleEntry replacement) {
        lock.lock();
        try {
            if (expected == null || get(handle) != expected) {
                return false;
            }
            store((int) (handle >>> 2) - 1, replacement);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code expected} from {@code handle}; false if another call removed or replaced it first. */
    public boolean remove(long handle, HandleEntry expected) {
        lock.lock();
        try {
            if (expected == null || get(handle) != expected) {
                return false;
            }
            int index = (int) (handle >>> 2) - 1;
            store(index, null);
            count--;
            pushFree(index);
            return true;
        } finally {
            lock.unlock();
        }
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
        forEach(first, 0, action);
        forEach(((Rest) REST.getAcquire(this)).slots, FIRST_SIZE, action);
    }

    private static void forEach(HandleEntry[] slots, int firstIndex, ObjIntConsumer<HandleEntry> action) {
        for (int i = 0; i < slots.length; i++) {
            HandleEntry entry = (HandleEntry) SLOT.getAcquire(slots, i);
            if (entry != null) {
                action.accept(entry, (firstIndex + i + 1) << 2);
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

    /** Publishes {@code entry} (or clears the slot) at {@code index}, growing the rest first if needed. Holds the lock. */
    private void store(int index, HandleEntry entry) {
        if (index < FIRST_SIZE) {
            SLOT.setRelease(first, index, entry);
            return;
        }
        HandleEntry[] slots = rest.slots;
        int slot = index - FIRST_SIZE;
        if (slot >= slots.length) {
            int limit = Math.max(policy.maxHandles() - FIRST_SIZE, slot + 1);
            int grown = (int) Math.min(limit, Math.max(slot + 1L, Math.max(FIRST_SIZE, 2L * slots.length)));
            slots = java.util.Arrays.copyOf(slots, grown);
            REST.setRelease(this, new Rest(slots)); // a complete copy: no slot changes while the lock is held
        }
        SLOT.setRelease(slots, slot, entry);
    }
}
