package dev.kobj.api.dispatch;

import java.util.concurrent.locks.ReentrantLock;

/**
 * What a kernel's dispatcher objects share: the wait-all lock. One per kernel; plugins get it from
 * {@link WaitService#context()} and pass it to the dispatcher objects they embed. Lock order: the
 * wait-all lock, then object locks; only a holder of the wait-all lock takes more than one object lock.
 *
 * @since 0.1
 */
public final class DispatcherContext {
    final ReentrantLock waitAllLock = new ReentrantLock();
    /**
     * Odd while a wait-all's fast path takes its objects without their locks (under the wait-all lock);
     * queries read state in an even, unchanged epoch, so they never see such a wait-all half-done.
     */
    volatile int lockFreeWaitAllEpoch;

    /** Marks the start or the end of a wait-all's lock-free consumption; the caller holds the wait-all lock. */
    @dev.kobj.api.KernelInternal
    public void lockFreeWaitAll() {
        lockFreeWaitAllEpoch = lockFreeWaitAllEpoch + 1;
    }
    /** The global wait-all lock, taken only when an object has wait-all waiters (ntsync, Linux 6.14). */
    public ReentrantLock waitAllLock() {
        return waitAllLock;
    }
}
