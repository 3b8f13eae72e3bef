package dev.kobj.core.dispatch;

import com.google.inject.Inject;
import dev.kobj.api.dispatch.TimerQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer queue on the JDK's: one scheduler thread (virtual) over a due-time heap, cancelled tasks
 * removed at once. Closed with the kernel.
 */
public final class ScheduledTimerQueue implements TimerQueue, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;

    @Inject
    public ScheduledTimerQueue() {
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("kobj-timer-queue").factory());
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Scheduled schedule(long delayNanos, long periodNanos, Runnable action) {
        long delay = Math.max(0, delayNanos);
        ScheduledFuture<?> future = periodNanos > 0
                ? executor.scheduleAtFixedRate(action, delay, periodNanos, TimeUnit.NANOSECONDS)
                : executor.schedule(action, delay, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
