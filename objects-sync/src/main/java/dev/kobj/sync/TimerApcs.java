package dev.kobj.sync;

import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessListener;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timers armed with a completion APC, by the thread the APCs go to, so that a thread's end cancels
 * them (NT's ExTimerRundown). Thread-safe; one per kernel.
 */
final class TimerApcs implements ProcessListener {
    private final Map<KThread, Set<TimerObject>> byThread = new ConcurrentHashMap<>();

    @Inject
    TimerApcs() {
    }

    void track(KThread thread, TimerObject timer) {
        byThread.computeIfAbsent(thread, t -> ConcurrentHashMap.newKeySet()).add(timer);
        if (thread.isEnded()) {
            threadEnded(thread, 0); // it ended while the timer was being set: its end has been told already
        }
    }

    void untrack(KThread thread, TimerObject timer) {
        byThread.computeIfPresent(thread, (t, timers) -> {
            timers.remove(timer);
            return timers.isEmpty() ? null : timers;
        });
    }

    /** The timers with APCs to {@code thread} (a test's view). */
    int tracked(KThread thread) {
        Set<TimerObject> timers = byThread.get(thread);
        return timers == null ? 0 : timers.size();
    }

    @Override
    public void threadEnded(KThread thread, int exitCode) {
        Set<TimerObject> timers = byThread.remove(thread);
        if (timers != null) {
            timers.forEach(timer -> timer.cancelApcsTo(thread));
        }
    }
}
