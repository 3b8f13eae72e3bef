package dev.kobj.sync;

import dev.kobj.api.dispatch.KernelClock;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService.TimerCompletion;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A timer's completion APC for one activation (NT's KAPC embedded in the timer): queued to the thread
 * that set the timer at each expiry, at most once at a time. Thread-safe: {@link #expired()} runs on the
 * timer queue, {@link #run()} on the target thread, {@link #cancel()} on whoever disarms the timer.
 */
final class TimerApc implements Runnable {
    final KThread thread;
    private final TimerCompletion completion;
    private final KernelClock clock;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile long expiredAt;

    TimerApc(KThread thread, TimerCompletion completion, KernelClock clock) {
        this.thread = thread;
        this.completion = completion;
        this.clock = clock;
    }

    /** An expiry: queues the APC unless it is still pending; false if the thread has ended. */
    boolean expired() {
        if (cancelled || !queued.compareAndSet(false, true)) {
            return true;
        }
        expiredAt = clock.systemTime();
        if (!thread.queueApc(this)) {
            queued.set(false);
            return false;
        }
        if (cancelled) {
            thread.removeApc(this); // cancelled while we queued it
        }
        return true;
    }

    /** On the target thread, in an alertable wait. */
    @Override
    public void run() {
        queued.set(false);
        if (!cancelled) {
            completion.completed(expiredAt);
        }
    }

    /** The activation is over: a queued APC is taken back, one being taken off the queue does nothing. */
    void cancel() {
        cancelled = true;
        thread.removeApc(this);
    }
}
