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
 * One process's handle table: a two-level array of pages of immutable {@link HandleEntry}s.
 *
 * <p>Handle values are {@code (index + 1) * 4}; the low two bits of a value are ignored, as Windows
 * does (nt-semantics.md §2.1). A lookup is two plain loads and never locks or allocates. Allocation
 * and freeing of indexes take a lock; an entry is published with a release store and removed by CAS,
 * so a racing close and lookup see either the whole entry or none, and two closes of one handle
 * cannot both succeed.
 */
public final class HandleTable {
    private static final int PAGE_SHIFT = 10;
    /** Entries of the first page, which a thread reads directly. */
    public static final int FIRST_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(HandleEntry[].class);
    private static final VarHandle PAGES;

    static {
        try {
            PAGES = MethodHandles.lookup().findVarHandle(HandleTable.class, "pages", HandleEntry[][].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HandleTablePolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile HandleEntry[][] pages = new HandleEntry[1][];
    // Guarded by lock: indexes never used yet start at highWater; freed ones wait in the free structure.
    private int highWater;
    private int count;
    private int[] freeStack = new int[16];
    private int freeTop;
    private final BitSet freeSet = new BitSet();

    public HandleTable(HandleTablePolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy is null");
        pages[0] = new HandleEntry[PAGE_SIZE];
    }

    /**
     * The entry behind a handle value, or {@code null}. Lock-free and allocation-free: plain loads.
     * Plain loads are enough because a caller learns a handle value only after the store that made it
     * (a happens-before edge), entries are immutable records safely published through their final
     * fields, and pages are only ever added. A racing caller guessing values may miss a brand-new
     * handle and get {@code null}, which is the answer it would get a moment earlier.
     */
    public HandleEntry get(long handle) {
        long index = (handle >>> 2) - 1; // values 0-3 are index -1, negative ones huge: no slot
        return index <= Integer.MAX_VALUE ? entryAt((int) index) : null;
    }

    /**
     * {@link #get} for a caller that has already turned a handle value into its index (value / 4 - 1):
     * fewer instructions on the path of every lookup past the first page, which lets more lookups'
     * cache misses overlap. A negative index is no slot.
     */
    public HandleEntry entryAt(int index) {
        HandleEntry[][] top = (HandleEntry[][]) PAGES.get(this);
        // Negative indexes shift to huge page numbers: one unsigned test is both the table's bound and
        // the array's range check (C2 drops the second).
        int pageIndex = index >>> PAGE_SHIFT;
        if (Integer.compareUnsigned(pageIndex, top.length) >= 0) {
            return null; // past the table, or past any table's limit (no page is made at or past it)
        }
        HandleEntry[] page = top[pageIndex];
        return page == null ? null : page[index & PAGE_MASK];
    }

    /**
     * The first page, made with the table and never replaced: the entries of handle values 4 to 4,096,
     * read as {@link #get} reads. A thread keeps it, so that most programs' handles are one load from the
     * caller. (Pages of 1,024 entries made as the table grows keep each slot near the entries made with
     * it: doubling segments, tried instead, measured 1.5 times slower on random lookups in a table of a
     * million handles.)
     */
    public HandleEntry[] firstSegment() {
        return pages[0];
    }

    /** Stores {@code entry} in a free slot; returns its handle value, or 0 when the table is full. */
    public long add(HandleEntry entry) {
        lock.lock();
        try {
            int index = allocate();
            if (index < 0) {
                return 0;
            }
            SLOT.setRelease(page(index), index & PAGE_MASK, entry);
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
            SLOT.setRelease(page(index), index & PAGE_MASK, entry);
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Replaces {@code expected} at {@code handle} by {@code replacement}; false if the slot changed. */
    public boolean replace(long handle, HandleEntry expected, HandleEntry replacement) {
        int index = (int) (handle >>> 2) - 1;
        return SLOT.compareAndSet(pages[index >>> PAGE_SHIFT], index & PAGE_MASK, expected, replacement);
    }

    /** Removes {@code expected} from {@code handle}; false if another call removed or replaced it first. */
    public boolean remove(long handle, HandleEntry expected) {
        int index = (int) (handle >>> 2) - 1;
        if (!SLOT.compareAndSet(pages[index >>> PAGE_SHIFT], index & PAGE_MASK, expected, null)) {
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
        HandleEntry[][] top = pages;
        for (int p = 0; p < top.length; p++) {
            HandleEntry[] page = top[p];
            if (page == null) {
                continue;
            }
            for (int i = 0; i < PAGE_SIZE; i++) {
                HandleEntry entry = (HandleEntry) SLOT.getAcquire(page, i);
                if (entry != null) {
                    action.accept(entry, ((p << PAGE_SHIFT) + i + 1) << 2);
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

    /** The page holding {@code index}, created (and the top level grown) under the lock. */
    private HandleEntry[] page(int index) {
        int pageIndex = index >>> PAGE_SHIFT;
        HandleEntry[][] top = pages;
        if (pageIndex >= top.length) {
            top = java.util.Arrays.copyOf(top, Math.max(pageIndex + 1, top.length * 2));
            pages = top;
        }
        HandleEntry[] page = top[pageIndex];
        if (page == null) {
            page = new HandleEntry[PAGE_SIZE];
            top[pageIndex] = page;
            pages = top; // republish so readers see the new page
        }
        return page;
    }
}
