package dev.kobj.core.dispatch;

import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.core.process.CoreThread;

/**
 * Spin-then-block for single-object waits, adaptive per thread as HotSpot's spinning on monitors is: a
 * wait that finds its object not signalled polls it for a few microseconds before it queues and parks,
 * but only while that thread's recent blocking waits ended that soon. A hand-off between two threads on
 * two CPUs (an event ping-pong, a mutex passed back and forth) then costs a cache-line transfer instead
 * of a park and a wake-up; a thread whose waits last longer stops spinning after one such wait.
 *
 * <p>Spinning changes no outcome: the object is taken by the same {@code tryAcquire} a signal would
 * use, and a spinning waiter is not yet queued, so a signal meanwhile leaves the object signalled for it
 * (or wakes a queued waiter first, as a barging acquirer may). Real time ({@link System#nanoTime}), not
 * the kernel clock, bounds it: it is CPU spent. Never on one CPU, and not for alertable waits, which
 * must see a queued APC at once.
 */
final class Spinning {
    /** The longest spin: a park and wake-up of a virtual thread costs about 1 us here, a platform thread's 5-10. */
    static final int MAX_NANOS = 4_000;
    private static final boolean MULTIPROCESSOR = Runtime.getRuntime().availableProcessors() > 1;
    /** Below this a halved budget is dropped: a spin that short rarely pays for its clock reads. */
    private static final int MIN_NANOS = 250;

    private Spinning() {
    }

    /** Whether {@code thread} would spin now. */
    static boolean enabled(CoreThread thread, boolean alertable) {
        return MULTIPROCESSOR && !alertable && thread.spinNanos() > 0;
    }

    /**
     * Polls {@code object} for at most the thread's budget; the {@code tryAcquire} result that ended the
     * spin, or {@link DispatcherObject#NOT_SIGNALLED} when the budget ran out.
     */
    static int spin(CoreThread thread, DispatcherObject object) {
        long deadline = System.nanoTime() + thread.spinNanos();
        for (int polls = 1; ; polls++) {
            Thread.onSpinWait();
            if (object.isSignalledFor(thread)) {
                int acquired = object.tryAcquire(thread);
                if (acquired != DispatcherObject.NOT_SIGNALLED) {
                    return acquired;
                }
            }
            if ((polls & 7) == 0 && System.nanoTime() - deadline >= 0) { // a clock read per 8 polls
                return DispatcherObject.NOT_SIGNALLED;
            }
        }
    }

    /**
     * Adapts the thread's budget after a wait that blocked: the longest spin if it was woken within one
     * (a longer spin would have caught it), else half the budget it had.
     *
     * @param woken whether a signal ended the wait (not a timeout, an interrupt or termination)
     * @param waitedNanos from the first failed test of the object to the wake-up
     */
    static void blocked(CoreThread thread, boolean woken, long waitedNanos) {
        if (!MULTIPROCESSOR) {
            return;
        }
        int halved = thread.spinNanos() / 2;
        thread.setSpinNanos(woken && waitedNanos < MAX_NANOS ? MAX_NANOS : halved < MIN_NANOS ? 0 : halved);
    }
}
