package dev.kobj.core.dispatch;

import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;

import dev.kobj.api.dispatch.KernelClock;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.dispatch.Waiter;
import java.util.concurrent.locks.LockSupport;

/**
 * Parking on a thread's {@link Waiter}: the one loop the wait engine and the I/O manager's own waits (a
 * port's remove, a synchronous request) share, so that the same things end them all: the claimer's completion, the deadline,
 * a Java interrupt (STATUS_CANCELLED, the flag left set), termination (the process manager cancels the
 * waiter with STATUS_THREAD_IS_TERMINATING) and, once made alertable, a queued APC. Allocation-free.
 */
public final class Parking {
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private Parking() {
    }

    /** Parks until the waiter's status is final; reads the clock once per park. */
    public static int park(Waiter waiter, long deadline, KernelClock clock) {
        Thread self = Thread.currentThread();
        while (true) {
            int status = waiter.status();
            if (status == Waiter.CLAIMED) {
                Thread.onSpinWait(); // the claimer completes it in a moment
                continue;
            }
            if (status != Waiter.WAITING && status != Waiter.WAITING_ALERTABLE) {
                return status;
            }
            if (self.isInterrupted()) {
                if (waiter.cancel(STATUS_CANCELLED)) {
                    return STATUS_CANCELLED;
                }
                continue;
            }
            if (deadline == NO_DEADLINE) {
                LockSupport.park(waiter);
                continue;
            }
            long remaining = deadline - clock.nanoTime();
            if (remaining <= 0) {
                if (waiter.cancel(STATUS_TIMEOUT)) {
                    return STATUS_TIMEOUT;
                }
                continue;
            }
            LockSupport.parkNanos(waiter, remaining);
        }
    }

    /** The clock reading at which an NT timeout ends; NO_DEADLINE for none. Never overflows. */
    public static long deadline(long timeout, KernelClock clock) {
        if (timeout == WaitService.INFINITE) {
            return NO_DEADLINE;
        }
        long interval100ns = timeout < 0 ? -timeout : Math.max(0, timeout - clock.systemTime());
        if (interval100ns > (NO_DEADLINE / 2) / 100) {
            return NO_DEADLINE;
        }
        return clock.nanoTime() + interval100ns * 100;
    }
}
