package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Win32 shapes of the sync family: names, last errors, wait results. */
@Timeout(30)
class SyncApiTest {
    private final Win32System system = Win32.boot();
    private final Win32Process process = system.attach("test.exe");
    private final Kernel32 k32 = process.kernel32();
    private final Ntdll nt = process.ntdll();

    @AfterEach
    void close() {
        system.close();
    }

    @Test
    void signalObjectAndWaitIsOneStepSoAPulseInReplyIsNeverLost() throws Exception {
        long request = k32.CreateEvent(null, false, false, null);
        long answer = k32.CreateEvent(null, true, false, null); // manual: only a pulse reaches a waiter
        int rounds = 300;
        Thread responder = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < rounds; i++) {
                if (k32.WaitForSingleObject(request, 5000) != WAIT_OBJECT_0) {
                    return;
                }
                k32.PulseEvent(answer); // if the asker were not yet waiting, this would be lost
            }
        });
        for (int i = 0; i < rounds; i++) {
            assertEquals(WAIT_OBJECT_0, k32.SignalObjectAndWait(request, answer, 5000, false), "round " + i);
        }
        responder.join();
    }

    @Test
    void signalObjectAndWaitChecksBothHandlesBeforeSignalling() {
        long event = k32.CreateEvent(null, true, false, null);
        assertEquals(WAIT_FAILED, k32.SignalObjectAndWait(event, 0x7770, 0, false));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(event, 0), "nothing was signalled");
        long mutex = k32.CreateMutex(null, false, null);
        assertEquals(WAIT_FAILED, k32.SignalObjectAndWait(mutex, event, 0, false), "a mutex not owned");
        assertEquals(ERROR_NOT_OWNER, k32.GetLastError());
        assertEquals(WAIT_TIMEOUT, k32.SignalObjectAndWait(event, k32.CreateEvent(null, true, false, null), 0, false));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(event, 0), "signalled, then the wait timed out");
    }

    private int pointerCount(long handle) {
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(handle, 0, out, 56, null));
        return ((ObjectBasicInformation) out[0]).pointerCount();
    }

    @Test
    void aWaitInProgressHoldsAReferenceThatOutlivesTheHandle() throws Exception {
        long event = k32.CreateEvent(null, false, false, null);
        long[] other = new long[1];
        assertTrue(k32.DuplicateHandle(-1, event, -1, other, 0, false, DUPLICATE_SAME_ACCESS));
        assertEquals(2, pointerCount(other[0]), "two handles, nothing else");
        java.util.concurrent.CompletableFuture<Integer> waiter = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> k32.WaitForMultipleObjects(1, new long[] {event}, false, 10_000));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pointerCount(other[0]) != 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(3, pointerCount(other[0]), "the wait in progress counts");
        assertTrue(k32.CloseHandle(event));
        assertEquals(2, pointerCount(other[0]));
        assertTrue(k32.SetEvent(other[0]));
        assertEquals(WAIT_OBJECT_0, waiter.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, pointerCount(other[0]), "and is given back when it ends");
    }

    @Test
    void namedCreateSetsZeroOrAlreadyExists() {
        k32.SetLastError(0xdead);
        long first = k32.CreateEvent(null, true, false, "kobj-ev");
        assertNotEquals(NULL, first);
        assertEquals(ERROR_SUCCESS, k32.GetLastError(), "a fresh create clears the last error");
        long second = k32.CreateEvent(null, false, true, "kobj-ev");
        assertEquals(ERROR_ALREADY_EXISTS, k32.GetLastError());
        assertTrue(k32.CompareObjectHandles(first, second));
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(second, 0), "the second create's parameters are ignored");
        k32.SetLastError(0xdead);
        k32.CreateEvent(null, true, false, null);
        assertEquals(ERROR_SUCCESS, k32.GetLastError(), "unnamed creates clear it too");
    }

    @Test
    void namesResolveInTheSessionAndThroughGlobalAndLocal() {
        long local = k32.CreateMutex(null, false, "Local\\kobj-m");
        long plain = k32.OpenMutex(SYNCHRONIZE, false, "kobj-m");
        assertNotEquals(NULL, plain);
        assertTrue(k32.CompareObjectHandles(local, plain));
        long global = k32.CreateMutex(null, false, "Global\\kobj-g");
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(global, ObjectNameInformation, out, 1024, null));
        assertEquals("\\BaseNamedObjects\\kobj-g", out[0]);
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(local, ObjectNameInformation, out, 1024, null));
        assertEquals("\\Sessions\\1\\BaseNamedObjects\\kobj-m", out[0]);
        assertEquals(NULL, k32.OpenMutex(SYNCHRONIZE, false, "KOBJ-M"));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError(), "Win32 names are case-sensitive");
        assertEquals(NULL, k32.OpenMutex(SYNCHRONIZE, false, null));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        assertEquals(NULL, k32.CreateMutex(null, false, "nodir\\x"));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError());
        assertEquals(NULL, k32.CreateSemaphore(null, 0, 1, "kobj-m"));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError(), "another type's name");
        assertEquals(NULL, k32.OpenMutex(0, false, "kobj-m"));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "an open asking for nothing");
    }

    @Test
    void waitResultsAndFailures() {
        long sem = k32.CreateSemaphore(null, 1, 2, null);
        long event = k32.CreateEvent(null, true, false, null);
        assertEquals(WAIT_OBJECT_0 + 1, k32.WaitForMultipleObjects(2, new long[] {event, sem}, false, 0));
        assertEquals(WAIT_TIMEOUT, k32.WaitForMultipleObjects(2, new long[] {event, sem}, false, 10));
        assertEquals(WAIT_FAILED, k32.WaitForSingleObject(0x7770, 0));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertEquals(WAIT_FAILED, k32.WaitForMultipleObjects(0, new long[] {event}, false, 0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        assertEquals(WAIT_FAILED, k32.WaitForMultipleObjects(2, new long[] {sem, sem}, true, 0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        int[] previous = new int[1];
        assertFalse(k32.ReleaseSemaphore(sem, 5, previous));
        assertEquals(ERROR_TOO_MANY_POSTS, k32.GetLastError());
        assertTrue(k32.ReleaseSemaphore(sem, 2, previous));
        assertEquals(0, previous[0]);
        long mutex = k32.CreateMutex(null, false, null);
        assertFalse(k32.ReleaseMutex(mutex));
        assertEquals(ERROR_NOT_OWNER, k32.GetLastError());
        assertEquals(WAIT_FAILED, k32.WaitForSingleObject(k32.CreateFileMapping(0, null, 0, 0, 0, null), 0));
    }

    @Test
    void abandonedMutexReportsWaitAbandoned() throws Exception {
        long mutex = k32.CreateMutex(null, false, "kobj-ab");
        Thread owner = new Thread(() -> assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(mutex, 0)));
        owner.start();
        owner.join();
        assertEquals(WAIT_ABANDONED_0, k32.WaitForSingleObject(mutex, 1000));
        assertTrue(k32.ReleaseMutex(mutex));
    }

    @Test
    void interruptedWaitFailsWithOperationAborted() throws Exception {
        long event = k32.CreateEvent(null, true, false, null);
        CompletableFuture<int[]> result = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            int status = k32.WaitForSingleObject(event, INFINITE);
            result.complete(new int[] {status, k32.GetLastError(), Thread.currentThread().isInterrupted() ? 1 : 0});
        });
        waiter.start();
        Thread.sleep(50);
        waiter.interrupt();
        int[] r = result.get(10, TimeUnit.SECONDS);
        assertEquals(WAIT_FAILED, r[0]);
        assertEquals(ERROR_OPERATION_ABORTED, r[1]);
        assertEquals(1, r[2], "the interrupt flag stays set");
    }

    @Test
    void signalObjectAndWait() {
        long auto = k32.CreateEvent(null, false, false, null);
        assertEquals(WAIT_OBJECT_0, k32.SignalObjectAndWait(auto, auto, 0, false), "set, then consumed by this wait");
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(auto, 0));
        long sem = k32.CreateSemaphore(null, 1, 1, null);
        assertEquals(WAIT_FAILED, k32.SignalObjectAndWait(sem, auto, 0, false));
        assertEquals(ERROR_TOO_MANY_POSTS, k32.GetLastError());
        long mutex = k32.CreateMutex(null, false, null);
        assertEquals(WAIT_FAILED, k32.SignalObjectAndWait(mutex, auto, 0, false));
        assertEquals(ERROR_NOT_OWNER, k32.GetLastError());
        long[] dir = new long[1];
        nt.NtCreateDirectoryObject(dir, DIRECTORY_ALL_ACCESS, null);
        assertEquals(WAIT_FAILED, k32.SignalObjectAndWait(dir[0], auto, 0, false));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertEquals(WAIT_OBJECT_0, k32.SignalObjectAndWait(auto, sem, 0, false), "the semaphore's count is taken");
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(auto, 0), "and the event was set");
        assertEquals(STATUS_SUCCESS, nt.NtSignalAndWaitForSingleObject(sem, sem, false, 0L));
    }

    @Test
    void ntCallsAndQueries() {
        long[] h = new long[1];
        assertEquals(STATUS_INVALID_PARAMETER, nt.NtCreateEvent(h, EVENT_ALL_ACCESS, null, 7, false));
        assertEquals(STATUS_SUCCESS, nt.NtCreateMutant(h, MUTANT_ALL_ACCESS, null, true));
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, nt.NtQueryMutant(h[0], MutantBasicInformation, out, 8, null));
        assertEquals(new MutantBasicInformation(0, true, false), out[0]);
        assertEquals(STATUS_INVALID_INFO_CLASS, nt.NtQueryMutant(h[0], 1, out, 8, null));
        int[] previous = new int[1];
        assertEquals(STATUS_SUCCESS, nt.NtReleaseMutant(h[0], previous));
        assertEquals(0, previous[0]);
        assertEquals(STATUS_MUTANT_NOT_OWNED, nt.NtReleaseMutant(h[0], previous));
        assertEquals(STATUS_SUCCESS, nt.NtCreateSemaphore(h, SEMAPHORE_ALL_ACCESS, null, 0, 1));
        assertEquals(STATUS_TIMEOUT, nt.NtWaitForSingleObject(h[0], false, 0L));
        assertEquals(STATUS_TIMEOUT, nt.NtWaitForSingleObject(h[0], false, -10_000L));
        assertEquals(STATUS_SUCCESS, nt.NtReleaseSemaphore(h[0], 1, previous));
        assertEquals(STATUS_SUCCESS, nt.NtWaitForMultipleObjects(1, h, WaitAny, false, null));
    }
}
