package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.sync.SyncFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waitable timers on the kernel's timer queue. */
@Timeout(30)
class TimerTest {
    private final SyncFixture f = new SyncFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private long timer(int type) {
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, f.sync.createTimer(f.main, null, 0x1F0003, type, h));
        return h[0];
    }

    private int poll(long h) {
        return f.waits.waitForSingleObject(f.main, h, false, 0);
    }

    @Test
    void aNewTimerIsInactiveAndARelativeOneFiresAfterItsDueTime() {
        long timer = timer(0);
        assertEquals(STATUS_TIMEOUT, poll(timer));
        long start = System.nanoTime();
        assertEquals(STATUS_SUCCESS, f.sync.setTimer(f.main, timer, ms(60), false, 0, null));
        assertEquals(STATUS_TIMEOUT, poll(timer));
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)));
        assertTrue(System.nanoTime() - start >= 55_000_000L, "not before its due time");
        assertEquals(STATUS_WAIT_0, poll(timer), "a notification timer stays signalled");
    }

    @Test
    void aSynchronizationTimerReleasesOneWaitAndResets() {
        long timer = timer(1);
        f.sync.setTimer(f.main, timer, ms(10), false, 0, null);
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)));
        assertEquals(STATUS_TIMEOUT, poll(timer));
    }

    @Test
    void setResetsAndReportsThePreviousStateCancelLeavesIt() throws Exception {
        long timer = timer(0);
        boolean[] state = new boolean[1];
        f.sync.setTimer(f.main, timer, ms(1), false, 0, state);
        assertFalse(state[0]);
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)));
        assertEquals(STATUS_SUCCESS, f.sync.cancelTimer(f.main, timer, state));
        assertTrue(state[0], "cancel does not change the state");
        assertEquals(STATUS_WAIT_0, poll(timer));
        assertEquals(STATUS_SUCCESS, f.sync.setTimer(f.main, timer, ms(10_000), false, 0, state));
        assertTrue(state[0]);
        assertEquals(STATUS_TIMEOUT, poll(timer), "setting resets it");
        assertEquals(STATUS_SUCCESS, f.sync.cancelTimer(f.main, timer, state));
        Thread.sleep(50);
        assertEquals(STATUS_TIMEOUT, poll(timer));
    }

    @Test
    void aPastAbsoluteDueTimeFiresAtOnceAndPeriodsRepeat() {
        long timer = timer(1);
        long past = f.waits.clock().systemTime() - 10_000_000;
        f.sync.setTimer(f.main, timer, past, false, 0, null);
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)));
        f.sync.setTimer(f.main, timer, ms(5), false, 10, null);
        for (int i = 0; i < 3; i++) {
            assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)), "expiry " + i);
        }
        f.sync.cancelTimer(f.main, timer, null);
    }

    @Test
    void badArguments() {
        long timer = timer(0);
        assertEquals(STATUS_INVALID_PARAMETER_6, f.sync.setTimer(f.main, timer, ms(1), false, -1, null));
        assertEquals(STATUS_TIMER_RESUME_IGNORED, f.sync.setTimer(f.main, timer, ms(1), true, 0, null));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.createTimer(f.main, null, 0x1F0003, 2, new long[1]));
        long[] queryOnly = new long[1];
        f.objects.duplicate(f.main, -1, timer, -1, queryOnly, 0x1, 0, 0);
        assertEquals(STATUS_ACCESS_DENIED, f.sync.setTimer(f.main, queryOnly[0], ms(1), false, 0, null));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, f.sync.cancelTimer(f.main, f.event(true, true), null));
    }
}
