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
    /** The global wait-all lock, taken only when an object has wait-all waiters (ntsync, Linux 6.14). */
    public ReentrantLock waitAllLock() {
        return waitAllLock;
    }
}
