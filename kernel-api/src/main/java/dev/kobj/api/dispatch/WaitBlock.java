package dev.kobj.api.dispatch;

/**
 * A waiter's entry in one object's wait list: which waiter, at which index of its wait. Linked and
 * unlinked only under that object's lock.
 */
public final class WaitBlock {
    final Waiter waiter;
    final int index;
    DispatcherObject object;
    WaitBlock prev;
    WaitBlock next;
    boolean queued;
    /** What tryAcquire returned for this block in a wait-all, for an exact undo. */
    int acquired;

    WaitBlock(Waiter waiter, int index) {
        this.waiter = waiter;
        this.index = index;
    }

    public Waiter waiter() {
        return waiter;
    }

    public int index() {
        return index;
    }

    /**
     * Whether the block is on its object's list. Linked by its waiting thread; unlinked by that thread
     * or by the signaller that completes its wait-any before completing it, so the waiting thread,
     * once it sees its wait complete, reads this without the object's lock.
     */
    public boolean isQueued() {
        return queued;
    }

    public DispatcherObject object() {
        return object;
    }
}
