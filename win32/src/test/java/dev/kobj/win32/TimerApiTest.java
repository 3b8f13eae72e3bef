package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waitable-timer completion routines through SetWaitableTimer and NtSetTimer. */
@Timeout(30)
class TimerApiTest {
    private final Win32System system = Win32.boot();
    private final Win32Process process = system.attach("test.exe");
    private final Kernel32 k32 = process.kernel32();
    private final Ntdll nt = process.ntdll();
    /** Each call: the argument and the expiry time rebuilt from its FILETIME halves. */
    private final List<long[]> calls = new CopyOnWriteArrayList<>();
    private final TimerApcProc routine = (arg, low, high) ->
            calls.add(new long[] {arg, Integer.toUnsignedLong(low) | (long) high << 32});

    @AfterEach
    void close() {
        system.close();
    }

    /** Now as a FILETIME, from the host clock. */
    private static long fileTimeNow() {
        return System.currentTimeMillis() * 10_000L + 116_444_736_000_000_000L;
    }

    @Test
    void setWaitableTimersRoutineRunsInSleepExWithItsArgumentAndTheExpiryTime() {
        long timer = k32.CreateWaitableTimer(null, false, null);
        long before = fileTimeNow();
        assertTrue(k32.SetWaitableTimer(timer, -20 * 10_000L, 0, routine, 0x1234_5678_9ABCL, false));
        assertEquals(WAIT_IO_COMPLETION, k32.SleepEx(5000, true));
        long after = fileTimeNow();
        assertEquals(1, calls.size());
        assertEquals(0x1234_5678_9ABCL, calls.get(0)[0]);
        assertTrue(calls.get(0)[1] >= before && calls.get(0)[1] <= after + 20_000, "expiry time " + calls.get(0)[1]);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(timer, 0), "and the timer is signalled");
        assertEquals(0, k32.SleepEx(30, true), "one expiry, one call");
    }

    @Test
    void aPeriodicRoutineRunsOncePerAlertableWaitUntilCancelled() {
        long timer = k32.CreateWaitableTimer(null, true, null);
        assertTrue(k32.SetWaitableTimer(timer, -5 * 10_000L, 5, routine, 7, false));
        for (int i = 0; i < 3; i++) {
            assertEquals(WAIT_IO_COMPLETION, k32.SleepEx(5000, true), "period " + i);
        }
        assertTrue(k32.CancelWaitableTimer(timer));
        assertEquals(0, k32.SleepEx(50, true), "cancelled: no more calls, none left queued");
        assertEquals(3, calls.size());
    }

    @Test
    void ntSetTimerWithARoutineEndsAnAlertableNtWait() {
        long[] timer = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateTimer(timer, TIMER_ALL_ACCESS, null, 0)); // NotificationTimer
        long[] event = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateEvent(event, EVENT_ALL_ACCESS, null, NotificationEvent, false));
        boolean[] previous = {true};
        assertEquals(STATUS_SUCCESS, nt.NtSetTimer(timer[0], -10 * 10_000L, routine, 99, false, 0, previous));
        assertEquals(false, previous[0]);
        assertEquals(STATUS_USER_APC, nt.NtWaitForSingleObject(event[0], true, -5000 * 10_000L));
        assertEquals(99, calls.get(0)[0]);
    }

    @Test
    void theRoutineGoesToTheSettingThreadAndEndsWithIt() throws Exception {
        long timer = k32.CreateWaitableTimer(null, true, null);
        int[] id = new int[1];
        long[] ranOn = new long[1];
        long thread = k32.CreateThread(null, 0, p -> {
            k32.SetWaitableTimer(timer, -10 * 10_000L, 0, (arg, low, high) -> ranOn[0] = k32.GetCurrentThreadId(), 0,
                    false);
            return k32.SleepEx(5000, true);
        }, 0, 0, id);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeThread(thread, code));
        assertEquals(WAIT_IO_COMPLETION, code[0]);
        assertEquals(id[0], ranOn[0]);
        assertEquals(0, k32.SleepEx(30, true), "nothing for the main thread");

        long second = k32.CreateThread(null, 0, p -> {
            k32.SetWaitableTimer(timer, -100 * 10_000L, 10, routine, 0, false);
            return 0; // ends before the timer is due (setting reset it): the timer is cancelled
        }, 0, 0, null);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(second, 5000));
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(timer, 300), "never fired after its thread's end");
        assertEquals(List.of(), calls);
    }
}
