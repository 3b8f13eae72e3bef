package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The state tests of the Linux ntsync selftests, through SyncService and WaitService. */
class SyncStateTest {
    private final SyncFixture f = new SyncFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private int[] semaphoreState(long h) {
        int[] info = new int[2];
        assertEquals(STATUS_SUCCESS, f.sync.querySemaphore(f.main, h, info));
        return info;
    }

    private int[] mutantState(long h) {
        int[] info = new int[3];
        assertEquals(STATUS_SUCCESS, f.sync.queryMutant(f.main, h, info));
        return info;
    }

    private int[] eventState(long h) {
        int[] info = new int[2];
        assertEquals(STATUS_SUCCESS, f.sync.queryEvent(f.main, h, info));
        return info;
    }

    private int poll(long h) {
        return f.waits.waitForSingleObject(f.main, h, false, 0);
    }

    @Test
    void semaphoreState() {
        long[] h = new long[1];
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.createSemaphore(f.main, null, 0x1F0003, 3, 2, h));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.createSemaphore(f.main, null, 0x1F0003, 0, 0, h));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.createSemaphore(f.main, null, 0x1F0003, -1, 2, h));
        long sem = f.semaphore(2, 2);
        assertArrayEquals(new int[] {2, 2}, semaphoreState(sem));
        assertEquals(STATUS_WAIT_0, poll(sem));
        assertArrayEquals(new int[] {1, 2}, semaphoreState(sem));
        assertEquals(STATUS_WAIT_0, poll(sem));
        assertEquals(STATUS_TIMEOUT, poll(sem));
        assertArrayEquals(new int[] {0, 2}, semaphoreState(sem));
        int[] previous = {-7};
        assertEquals(STATUS_SEMAPHORE_LIMIT_EXCEEDED, f.sync.releaseSemaphore(f.main, sem, 3, previous));
        assertEquals(-7, previous[0], "a refused release writes no previous count");
        assertEquals(STATUS_SUCCESS, f.sync.releaseSemaphore(f.main, sem, 2, previous));
        assertEquals(0, previous[0]);
        assertEquals(STATUS_SEMAPHORE_LIMIT_EXCEEDED, f.sync.releaseSemaphore(f.main, sem, 1, previous));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.releaseSemaphore(f.main, sem, 0, previous));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.releaseSemaphore(f.main, sem, -1, previous));
        assertArrayEquals(new int[] {2, 2}, semaphoreState(sem));
        long big = f.semaphore(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
        assertEquals(STATUS_SEMAPHORE_LIMIT_EXCEEDED, f.sync.releaseSemaphore(f.main, big, 2, previous),
                "no overflow");
        assertEquals(STATUS_SUCCESS, f.sync.releaseSemaphore(f.main, big, 1, previous));
    }

    @Test
    void mutexState() throws Exception {
        long mutex = f.mutex(true);
        assertArrayEquals(new int[] {0, 1, 0}, mutantState(mutex));
        assertEquals(STATUS_WAIT_0, poll(mutex), "the owner re-enters");
        assertArrayEquals(new int[] {-1, 1, 0}, mutantState(mutex));
        assertEquals(STATUS_TIMEOUT, (int) f.onOtherThread(self -> f.waits.waitForSingleObject(self, mutex, false, 0))
                .get(), "another thread cannot take it");
        assertEquals(STATUS_MUTANT_NOT_OWNED, (int) f.onOtherThread(self -> f.sync.releaseMutant(self, mutex, null))
                .get());
        int[] previous = new int[1];
        assertEquals(STATUS_SUCCESS, f.sync.releaseMutant(f.main, mutex, previous));
        assertEquals(-1, previous[0]);
        assertEquals(STATUS_SUCCESS, f.sync.releaseMutant(f.main, mutex, previous));
        assertEquals(0, previous[0]);
        assertEquals(STATUS_MUTANT_NOT_OWNED, f.sync.releaseMutant(f.main, mutex, previous));
        assertArrayEquals(new int[] {1, 0, 0}, mutantState(mutex));
        assertEquals(STATUS_WAIT_0, (int) f.onOtherThread(self -> f.waits.waitForSingleObject(self, mutex, false, 0))
                .get(), "free: another thread takes it (and ends owning it)");
        assertArrayEquals(new int[] {0, 0, 0}, mutantState(mutex));
    }

    @Test
    void abandonedMutexIsReportedOnce() throws Exception {
        long mutex = f.mutex(false);
        var owner = f.onOtherThread(self -> {
            assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(self, mutex, false, 0));
            return self;
        }).get();
        dev.kobj.api.dispatch.DispatcherMutant.abandonAll(owner);
        assertArrayEquals(new int[] {1, 0, 1}, mutantState(mutex));
        assertEquals(STATUS_ABANDONED_WAIT_0, poll(mutex));
        assertArrayEquals(new int[] {0, 1, 0}, mutantState(mutex));
        assertEquals(STATUS_WAIT_0, poll(mutex), "reported once");
    }

    @Test
    void manualEventState() {
        long event = f.event(true, false);
        assertArrayEquals(new int[] {0, 0}, eventState(event));
        int[] previous = new int[1];
        assertEquals(STATUS_SUCCESS, f.sync.setEvent(f.main, event, previous));
        assertEquals(0, previous[0]);
        assertEquals(STATUS_SUCCESS, f.sync.setEvent(f.main, event, previous));
        assertEquals(1, previous[0]);
        assertEquals(STATUS_WAIT_0, poll(event));
        assertEquals(STATUS_WAIT_0, poll(event), "a manual event stays set");
        assertEquals(STATUS_SUCCESS, f.sync.resetEvent(f.main, event, previous));
        assertEquals(1, previous[0]);
        assertEquals(STATUS_TIMEOUT, poll(event));
        assertEquals(STATUS_SUCCESS, f.sync.pulseEvent(f.main, event, previous));
        assertEquals(0, previous[0]);
        assertEquals(STATUS_TIMEOUT, poll(event), "a pulse with nobody waiting is lost");
        assertArrayEquals(new int[] {0, 0}, eventState(event));
    }

    @Test
    void autoEventStateFollowsTheWindowsSequence() {
        long event = f.event(false, false);
        int[] p = new int[1];
        assertEquals(STATUS_SUCCESS, f.sync.setEvent(f.main, event, p));
        assertEquals(0, p[0]);
        assertEquals(STATUS_SUCCESS, f.sync.setEvent(f.main, event, p));
        assertEquals(1, p[0]);
        assertEquals(STATUS_SUCCESS, f.sync.resetEvent(f.main, event, p));
        assertEquals(1, p[0]);
        assertEquals(STATUS_SUCCESS, f.sync.resetEvent(f.main, event, p));
        assertEquals(0, p[0]);
        assertEquals(STATUS_SUCCESS, f.sync.pulseEvent(f.main, event, p));
        assertEquals(0, p[0]);
        assertEquals(STATUS_SUCCESS, f.sync.setEvent(f.main, event, p));
        assertEquals(0, p[0]);
        assertEquals(STATUS_SUCCESS, f.sync.pulseEvent(f.main, event, p));
        assertEquals(1, p[0]);
        f.sync.setEvent(f.main, event, null);
        assertEquals(STATUS_WAIT_0, poll(event));
        assertEquals(STATUS_TIMEOUT, poll(event), "one wait consumes an auto event");
        assertArrayEquals(new int[] {1, 0}, eventState(event));
    }

    @Test
    void handleChecks() {
        long event = f.event(true, true);
        long[] limited = new long[1];
        assertEquals(STATUS_SUCCESS, f.objects.duplicate(f.main, -1, event, -1, limited, 0x1, 0, 0));
        assertEquals(STATUS_ACCESS_DENIED, f.sync.setEvent(f.main, limited[0], null));
        assertEquals(STATUS_ACCESS_DENIED, f.waits.waitForSingleObject(f.main, limited[0], false, 0),
                "waits need SYNCHRONIZE");
        long sem = f.semaphore(0, 1);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, f.sync.setEvent(f.main, sem, null));
        assertEquals(STATUS_INVALID_HANDLE, f.sync.setEvent(f.main, 0x7770, null));
        long[] readOnly = new long[1];
        long mutex = f.mutex(true);
        assertEquals(STATUS_SUCCESS, f.objects.duplicate(f.main, -1, mutex, -1, readOnly, 0x20000, 0, 0));
        assertEquals(STATUS_SUCCESS, f.sync.releaseMutant(f.main, readOnly[0], null), "release needs no right");
        long[] dir = new long[1];
        f.objects.createDirectory(f.main, null, 0xF000F, dir);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, f.waits.waitForSingleObject(f.main, dir[0], false, 0),
                "directories are not waitable");
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.queryEvent(f.main, event, null));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.queryMutant(f.main, mutex, new int[2]));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.querySemaphore(f.main, sem, new int[1]));
        long[] eventType = new long[1];
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.createEvent(f.main, null, 0x1F0003, 2, false, eventType));
    }
}
