package dev.kobj.api.dispatch;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a kernel's dispatcher objects share: the wait-all lock and the ids that fix the lock order.
 * One per kernel; plugins get it from {@link WaitService#context()} and pass it to the dispatcher
 * objects they embed. Lock order: the wait-all lock, then object locks by ascending id.
 *
 * @since 0.1
 */
public final class DispatcherContext {
    final ReentrantLock waitAllLock = new ReentrantLock();
    private final AtomicLong ids = new AtomicLong();

    long nextId() {
        return ids.incrementAndGet();
    }

    /** The global wait-all lock, taken only when an object has wait-all waiters (ntsync, Linux 6.14). */
    public ReentrantLock waitAllLock() {
        return waitAllLock;
    }
}
