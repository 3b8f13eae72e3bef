package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.sync.SyncFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService.TimerCompletion;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timer completion routines: user APCs to the setting thread, one at a time, cancelled with the timer and its thread. */
@Timeout(30)
class TimerApcTest {
    private final SyncFixture f = new SyncFixture();
    private final List<Long> expiries = new CopyOnWriteArrayList<>();
    private final List<Thread> ranOn = new CopyOnWriteArrayList<>();
    private final TimerCompletion completion = expiredAt -> {
        expiries.add(expiredAt);
        ranOn.add(Thread.currentThread());
    };

    @AfterEach
    void close() {
        f.close();
    }

    private long timer(KThread caller, int type) {
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, f.sync.createTimer(caller, null, 0x1F0003, type, h));
        return h[0];
    }

    /** An alertable wait on an event nobody sets. */
    private int alertableWait(long timeout) {
        return f.waits.waitForSingleObject(f.main, f.event(true, false), true, timeout);
    }

    @Test
    void theRoutineRunsInTheSettersNextAlertableWaitOnlyWithTheExpiryTime() {
        long timer = timer(f.main, 0);
        long before = f.waits.clock().systemTime();
        assertEquals(STATUS_SUCCESS, f.sync.setTimer(f.main, timer, ms(20), completion, false, 0, null));
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)), "the timer is signalled too");
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, f.event(true, false), false, ms(30)));
        assertEquals(List.of(), expiries, "not in a non-alertable wait");
        assertEquals(STATUS_USER_APC, alertableWait(ms(5000)));
        long after = f.waits.clock().systemTime();
        assertEquals(1, expiries.size());
        assertTrue(expiries.get(0) >= before + 20 * 10_000L - 20_000 && expiries.get(0) <= after,
                "expired at " + expiries.get(0) + ", set at " + before + ", run by " + after);
        assertSame(Thread.currentThread(), ranOn.get(0));
        assertEquals(STATUS_TIMEOUT, alertableWait(0), "a one-shot timer queues one APC");
    }

    @Test
    void anAlertableWaitInProgressIsEndedByTheExpiry() {
        long timer = timer(f.main, 1);
        f.sync.setTimer(f.main, timer, ms(30), completion, false, 0, null);
        long start = System.nanoTime();
        assertEquals(STATUS_USER_APC, alertableWait(ms(10_000)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(1, expiries.size());
    }

    @Test
    void periodicExpiriesQueueOneApcAtATime() throws Exception {
        long timer = timer(f.main, 1);
        f.sync.setTimer(f.main, timer, ms(5), completion, false, 5, null);
        Thread.sleep(100); // about 20 expiries, with nobody alertable
        assertEquals(STATUS_USER_APC, alertableWait(0));
        assertEquals(1, expiries.size(), "expiries while the APC was queued queued no other");
        assertEquals(STATUS_USER_APC, alertableWait(ms(5000)));
        assertEquals(STATUS_USER_APC, alertableWait(ms(5000)));
        assertEquals(3, expiries.size());
        assertTrue(expiries.get(1) < expiries.get(2));
        f.sync.cancelTimer(f.main, timer, null);
    }

    @Test
    void cancellingOrSettingAgainTakesBackAQueuedApc() throws Exception {
        long timer = timer(f.main, 0);
        f.sync.setTimer(f.main, timer, ms(1), completion, false, 0, null);
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)));
        Thread.sleep(20); // the APC is queued right after the timer is set
        boolean[] state = new boolean[1];
        assertEquals(STATUS_SUCCESS, f.sync.cancelTimer(f.main, timer, state));
        assertTrue(state[0]);
        assertEquals(STATUS_TIMEOUT, alertableWait(0), "no APC left to run");

        f.sync.setTimer(f.main, timer, ms(1), completion, false, 0, null);
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, timer, false, ms(5000)));
        Thread.sleep(20);
        f.sync.setTimer(f.main, timer, ms(10_000), false, 0, null); // again, without a routine
        assertEquals(STATUS_TIMEOUT, alertableWait(0));
        assertEquals(List.of(), expiries);
        f.sync.cancelTimer(f.main, timer, null);
    }

    @Test
    void theSettersEndCancelsTheTimer() throws Exception {
        long timer = timer(f.main, 0);
        f.onOtherThread(self -> {
            f.check(f.sync.setTimer(self, timer, ms(100), completion, false, 10, null));
            f.kernel.processes().endThread(self, 0);
            return null;
        }).get(5, TimeUnit.SECONDS);
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, timer, false, ms(300)),
                "cancelled before its due time: never signalled");
        assertEquals(List.of(), expiries);
    }

    @Test
    void closingTheLastHandleStopsAPeriodicTimerAndItsApcs() throws Exception {
        long timer = timer(f.main, 1);
        f.sync.setTimer(f.main, timer, ms(5), completion, false, 5, null);
        assertEquals(STATUS_USER_APC, alertableWait(ms(5000)));
        assertEquals(STATUS_SUCCESS, f.objects.close(f.main, timer));
        Thread.sleep(30);
        assertEquals(STATUS_TIMEOUT, alertableWait(0), "the delete procedure took back a queued APC");
        assertEquals(1, expiries.size());
    }
}
