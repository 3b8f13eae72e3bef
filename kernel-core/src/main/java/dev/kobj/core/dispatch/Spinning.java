package dev.kobj.core.dispatch;

import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.core.process.CoreThread;

/**
 * Spin-then-block for single-object waits, adaptive per thread as HotSpot's spinning on monitors is: a
 * wait that finds its object not signalled polls it for a few microseconds before it queues and parks,
 * but only while that thread's recent waits were woken that soon. A hand-off between two threads on two
 * CPUs (an event ping-pong, a mutex passed back and forth) then costs a cache-line transfer instead of a
 * park and a wake-up.
 *
 * <p>When: never on one CPU (nor for virtual threads on a one-carrier scheduler), never in an alertable
 * wait (a queued APC ends it at once), and only for an infinite timeout or a relative one of at least
 * 100 us, so that a spin never outlasts a timeout that was due. How long: a thread that blocked and was
 * woken within {@link #MAX_NANOS} without having spun earns a spin that long; a spin that fails halves
 * the thread's budget, down to none. A spin that cannot succeed (the signaller waits for this CPU) so
 * costs a few microseconds once, not on every wait.
 *
 * <p>Spinning changes no outcome: the object is taken by the same {@code tryAcquire} a barging acquirer
 * uses, and a spinning waiter is not yet queued, so a signal meanwhile leaves the object signalled for it
 * or wakes a queued waiter first. A thread ended meanwhile stops spinning. Real time
 * ({@link System#nanoTime}), not the kernel clock, bounds it: it is CPU spent.
 */
final class Spinning {
    /** The longest spin: a park and wake-up of a virtual thread costs about 1 us here, a platform thread's 5-10. */
    static final int MAX_NANOS = 4_000;
    /** Below this a halved budget is dropped: a spin that short rarely pays for its clock reads. */
    private static final int MIN_NANOS = 250;
    /** The shortest relative timeout (in 100 ns units, negative) a wait may spin in: 100 us. */
    private static final long MIN_TIMEOUT = -1_000;
    private static final boolean PLATFORM_SPINS = Runtime.getRuntime().availableProcessors() > 1;
    private static final boolean VIRTUAL_SPINS = PLATFORM_SPINS
            && Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                    Runtime.getRuntime().availableProcessors()) > 1;

    private Spinning() {
    }

    /** Whether a wait with these arguments spins (if its thread has a budget) and adapts the budget. */
    static boolean applies(boolean alertable, long timeout) {
        return !alertable && (timeout == WaitService.INFINITE || timeout <= MIN_TIMEOUT)
                && (Thread.currentThread().isVirtual() ? VIRTUAL_SPINS : PLATFORM_SPINS);
    }

    /**
     * Polls {@code object} for at most the thread's budget; the {@code tryAcquire} result that ended the
     * spin, or {@link DispatcherObject#NOT_SIGNALLED} when the budget ran out or the thread ended.
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
            if ((polls & 7) == 0 && (System.nanoTime() - deadline >= 0 || thread.isEnded())) {
                return DispatcherObject.NOT_SIGNALLED; // a clock read per 8 polls
            }
        }
    }

    /**
     * Adapts the thread's budget after a wait that blocked.
     *
     * @param spun whether the wait spun first (and so failed to see the object signalled in time)
     * @param woken whether a signal ended the wait (not a timeout, an interrupt or termination)
     * @param waitedNanos from the first failed test of the object to the wake-up
     */
    static void blocked(CoreThread thread, boolean spun, boolean woken, long waitedNanos) {
        int halved = thread.spinNanos() / 2;
        if (!spun && woken && waitedNanos < MAX_NANOS) {
            thread.setSpinNanos(MAX_NANOS); // a spin would have caught this wake-up
        } else {
            thread.setSpinNanos(halved < MIN_NANOS ? 0 : halved);
        }
    }
}
