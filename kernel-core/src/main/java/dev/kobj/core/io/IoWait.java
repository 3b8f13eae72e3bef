package dev.kobj.core.io;

import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;

import dev.kobj.api.dispatch.KernelClock;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.dispatch.Waiter;
import java.util.concurrent.locks.LockSupport;

/**
 * Parking on a thread's {@link Waiter} for the I/O manager's own waits (a port's remove, a synchronous
 * request), so that what ends a dispatcher wait ends these too: the claimer's completion, the deadline,
 * a Java interrupt (STATUS_CANCELLED, the flag left set), termination (the process manager cancels the
 * waiter with STATUS_THREAD_IS_TERMINATING) and, once made alertable, a queued APC. Allocation-free.
 */
final class IoWait {
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private IoWait() {
    }

    /** Parks until the waiter's status is final; reads the clock once per park. */
    static int park(Waiter waiter, long deadline, KernelClock clock) {
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
    static long deadline(long timeout, KernelClock clock) {
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
