package dev.kobj.api.dispatch;

/**
 * The kernel's one timer queue: actions due at a time on the {@link KernelClock}, run in due-time order
 * by one kernel thread (no thread per timer). Actions must be short and must not block. Thread-safe.
 *
 * @since 0.1
 */
public interface TimerQueue {
    /** A scheduled action; {@link #cancel()} is idempotent and harmless after it ran. */
    interface Scheduled {
        /** Cancels the action; true if it will not run (again). */
        boolean cancel();
    }

    /**
     * Runs {@code action} after {@code delayNanos} (0 or less: as soon as possible), then every
     * {@code periodNanos} if that is positive.
     */
    Scheduled schedule(long delayNanos, long periodNanos, Runnable action);
}
