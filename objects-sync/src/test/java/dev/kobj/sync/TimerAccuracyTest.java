package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;
import static dev.kobj.api.status.NtStatus.STATUS_WAIT_0;
import static dev.kobj.sync.SyncFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 6's timer accuracy figures, printed: a periodic timer's drift over 100 periods, and how late
 * timer expiries and wait timeouts wake their waiter (p50, p99). Host timing: stress only.
 */
@Tag("stress")
@Timeout(120)
class TimerAccuracyTest {
    private static final int PERIOD_MS = 10;

    @Test
    void periodicTimerDoesNotDriftOver100Periods() {
        try (SyncFixture f = new SyncFixture()) {
            long[] h = new long[1];
            assertEquals(STATUS_SUCCESS, f.sync.createTimer(f.main, null, 0x1F0003, dev.kobj.api.sync.SyncService.SYNCHRONIZATION_TIMER, h));
            warmUp(f, h[0]);
            long[] lateness = new long[100];
            long start = System.nanoTime();
            assertEquals(STATUS_SUCCESS, f.sync.setTimer(f.main, h[0], ms(PERIOD_MS), false, PERIOD_MS, null));
            for (int k = 0; k < lateness.length; k++) {
                assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, h[0], false, ms(5000)));
                long due = start + (k + 1) * PERIOD_MS * 1_000_000L;
                lateness[k] = System.nanoTime() - due;
            }
            f.sync.cancelTimer(f.main, h[0], null);
            long drift = lateness[99] - lateness[0];
            System.out.printf("timer accuracy: periodic %d ms timer, wake after period 100 is %.3f ms late, after"
                    + " period 1 %.3f ms: drift %.3f ms over 100 periods; per-period lateness %s%n", PERIOD_MS,
                    lateness[99] / 1e6, lateness[0] / 1e6, drift / 1e6, percentiles(lateness));
            assertTrue(Math.abs(drift) < PERIOD_MS * 1_000_000L, "drift " + drift / 1e6 + " ms");
        }
    }

    @Test
    void oneShotTimersAndWaitTimeoutsWakeLateByLittle() {
        try (SyncFixture f = new SyncFixture()) {
            long[] h = new long[1];
            assertEquals(STATUS_SUCCESS, f.sync.createTimer(f.main, null, 0x1F0003, dev.kobj.api.sync.SyncService.NOTIFICATION_TIMER, h));
            warmUp(f, h[0]);
            long[] timerLateness = new long[300];
            for (int i = 0; i < timerLateness.length; i++) {
                long set = System.nanoTime();
                f.sync.setTimer(f.main, h[0], ms(2), false, 0, null);
                assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, h[0], false, ms(5000)));
                timerLateness[i] = System.nanoTime() - set - 2_000_000L;
            }
            long event = f.event(true, false);
            long[] timeoutLateness = new long[300];
            for (int i = 0; i < timeoutLateness.length; i++) {
                long start = System.nanoTime();
                assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, event, false, ms(2)));
                timeoutLateness[i] = System.nanoTime() - start - 2_000_000L;
            }
            System.out.printf("timer accuracy: 2 ms one-shot timer wakes its waiter late by %s%n",
                    percentiles(timerLateness));
            System.out.printf("timer accuracy: 2 ms wait timeout returns late by %s%n", percentiles(timeoutLateness));
            assertTrue(Arrays.stream(timerLateness).allMatch(l -> l >= 0), "never early");
            assertTrue(Arrays.stream(timeoutLateness).allMatch(l -> l >= 0), "never early");
        }
    }

    private static void warmUp(SyncFixture f, long timer) {
        for (int i = 0; i < 50; i++) {
            f.sync.setTimer(f.main, timer, ms(1), false, 0, null);
            f.waits.waitForSingleObject(f.main, timer, false, ms(5000));
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
