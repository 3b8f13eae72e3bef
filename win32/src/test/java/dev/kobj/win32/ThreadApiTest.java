package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CreateThread, thread objects, exit codes, ExitThread and the two-step TerminateThread. */
@Timeout(30)
class ThreadApiTest {
    private final Win32System system = Win32.boot();
    private final Win32Process process = system.attach("test.exe");
    private final Kernel32 k32 = process.kernel32();

    @AfterEach
    void close() {
        system.close();
    }

    private int exitCode(long thread) {
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeThread(thread, code));
        return code[0];
    }

    @Test
    void returnValueIsTheExitCodeAndTheObjectIsSignalled() {
        int[] id = new int[1];
        long thread = k32.CreateThread(null, 0, p -> (int) p * 2, 21, 0, id);
        assertNotEquals(NULL, thread);
        assertTrue(id[0] > 0 && id[0] % 4 == 0);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        assertEquals(42, exitCode(thread));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 0), "a thread stays signalled");
    }

    @Test
    void exitThreadNeverReturnsAndSetsTheCode() {
        AtomicBoolean after = new AtomicBoolean();
        long thread = k32.CreateThread(null, 0, p -> {
            k32.ExitThread(9);
            after.set(true);
            return 1;
        }, 0, 0, null);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        assertEquals(9, exitCode(thread));
        assertFalse(after.get());
    }

    @Test
    void terminateThreadEndsItAtOnceAndFencesItsNextCall() throws Exception {
        CountDownLatch terminated = new CountDownLatch(1);
        AtomicBoolean fenced = new AtomicBoolean(true);
        long thread = k32.CreateThread(null, 0, p -> {
            try {
                terminated.await();
            } catch (InterruptedException e) {
                return 3;
            }
            k32.GetLastError(); // the next call into kobj throws KernelThreadExit
            fenced.set(false);
            return 4;
        }, 0, 0, null);
        assertEquals(STILL_ACTIVE, exitCode(thread));
        assertTrue(k32.TerminateThread(thread, 77));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 0), "signalled at once, at kernel level");
        assertEquals(77, exitCode(thread));
        terminated.countDown();
        Thread.sleep(100);
        assertTrue(fenced.get());
        assertTrue(k32.TerminateThread(thread, 78), "terminating an ended thread");
        assertEquals(77, exitCode(thread), "the first end fixes the code");
    }

    @Test
    void terminationWakesABlockedWaitAndASleep() throws Exception {
        long event = k32.CreateEvent(null, true, false, null);
        CountDownLatch javaThreadsDone = new CountDownLatch(2);
        long waiting = k32.CreateThread(null, 0, p -> {
            try {
                return k32.WaitForSingleObject(event, INFINITE);
            } finally {
                javaThreadsDone.countDown();
            }
        }, 0, 0, null);
        long sleeping = k32.CreateThread(null, 0, p -> {
            try {
                k32.Sleep(INFINITE);
                return 1;
            } finally {
                javaThreadsDone.countDown();
            }
        }, 0, 0, null);
        Thread.sleep(100);
        assertTrue(k32.TerminateThread(waiting, 11));
        assertTrue(k32.TerminateThread(sleeping, 12));
        assertTrue(javaThreadsDone.await(5, TimeUnit.SECONDS), "both Java threads left their blocking calls");
        assertEquals(11, exitCode(waiting));
        assertEquals(12, exitCode(sleeping));
    }

    @Test
    void terminationAndInterruptEndAKeyedEventRendezvous() throws Exception {
        Ntdll nt = process.ntdll();
        long[] keyed = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateKeyedEvent(keyed, KEYEDEVENT_ALL_ACCESS, null, 0));
        CountDownLatch left = new CountDownLatch(1);
        long parked = k32.CreateThread(null, 0, p -> {
            try {
                return nt.NtWaitForKeyedEvent(keyed[0], 0x40, false, null); // nobody releases 0x40
            } finally {
                left.countDown();
            }
        }, 0, 0, null);
        Thread.sleep(100);
        assertTrue(k32.TerminateThread(parked, 21));
        assertTrue(left.await(5, TimeUnit.SECONDS), "termination ends the rendezvous");
        assertEquals(21, exitCode(parked));

        java.util.concurrent.CompletableFuture<Integer> interrupted = new java.util.concurrent.CompletableFuture<>();
        Thread javaThread = new Thread(() -> interrupted.complete(nt.NtWaitForKeyedEvent(keyed[0], 0x40, false, null)));
        javaThread.start();
        Thread.sleep(100);
        javaThread.interrupt();
        assertEquals(STATUS_CANCELLED, (int) interrupted.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aThreadThatEndsAbandonsItsMutexes() {
        long mutex = k32.CreateMutex(null, false, null);
        long thread = k32.CreateThread(null, 0, p -> k32.WaitForSingleObject(mutex, 0), 0, 0, null);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        assertEquals(WAIT_ABANDONED_0, k32.WaitForSingleObject(mutex, 0));
    }

    @Test
    void openThreadByIdAndAccessChecks() {
        CountDownLatch done = new CountDownLatch(1);
        int[] id = new int[1];
        long thread = k32.CreateThread(null, 0, p -> {
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 5;
        }, 0, 0, id);
        long opened = k32.OpenThread(SYNCHRONIZE, false, id[0]);
        assertNotEquals(NULL, opened);
        assertTrue(k32.CompareObjectHandles(thread, opened));
        int[] code = new int[1];
        assertFalse(k32.GetExitCodeThread(opened, code));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertFalse(k32.TerminateThread(opened, 1));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        done.countDown();
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(opened, 5000));
        assertEquals(NULL, k32.OpenThread(SYNCHRONIZE, false, 0x7ffffff0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        assertFalse(k32.GetExitCodeThread(k32.CreateEvent(null, true, false, null), code));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void pseudoHandleOfTheCurrentThreadWorks() {
        long thread = k32.CreateThread(null, 0, p -> {
            int[] code = new int[1];
            return k32.GetExitCodeThread(k32.GetCurrentThread(), code) && code[0] == STILL_ACTIVE ? 1 : 0;
        }, 0, 0, null);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        assertEquals(1, exitCode(thread));
    }

    @Test
    void anExceptionEndsTheThreadWithAFailureCode() {
        long thread = k32.CreateThread(null, 0, p -> {
            throw new IllegalStateException("boom");
        }, 0, 0, null);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        assertEquals(STATUS_UNSUCCESSFUL, exitCode(thread));
    }

    @Test
    void apcsRunInTheTargetsNextAlertableWaitOnly() throws Exception {
        java.util.List<Long> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertEquals(1, k32.QueueUserAPC(ran::add, k32.GetCurrentThread(), 1));
        assertEquals(1, k32.QueueUserAPC(ran::add, k32.GetCurrentThread(), 2));
        long signalled = k32.CreateEvent(null, true, true, null);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(signalled, 0), "a non-alertable wait leaves APCs queued");
        assertEquals(java.util.List.of(), ran);
        assertEquals(WAIT_IO_COMPLETION, k32.WaitForSingleObjectEx(signalled, 0, true),
                "APCs first, even with the object signalled");
        assertEquals(java.util.List.of(1L, 2L), ran);
        assertEquals(0, k32.SleepEx(0, true), "nothing left");
        assertEquals(1, k32.QueueUserAPC(ran::add, k32.GetCurrentThread(), 3));
        assertEquals(WAIT_IO_COMPLETION, k32.SleepEx(0, true));
        assertEquals(java.util.List.of(1L, 2L, 3L), ran);
    }

    @Test
    void anApcWakesABlockedAlertableWait() throws Exception {
        java.util.concurrent.CompletableFuture<Integer> result = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong ranOn = new java.util.concurrent.atomic.AtomicLong();
        int[] id = new int[1];
        long thread = k32.CreateThread(null, 0, p -> {
            long event = k32.CreateEvent(null, true, false, null);
            result.complete(k32.WaitForSingleObjectEx(event, INFINITE, true));
            return 0;
        }, 0, 0, id);
        Thread.sleep(100);
        assertEquals(1, k32.QueueUserAPC(data -> ranOn.set(k32.GetCurrentThreadId()), thread, 0));
        assertEquals(WAIT_IO_COMPLETION, (int) result.get(5, TimeUnit.SECONDS));
        assertEquals(id[0], ranOn.get(), "the APC ran on the target thread");
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        assertEquals(0, k32.QueueUserAPC(data -> { }, thread, 0), "an ended thread takes no APC");
        assertEquals(ERROR_GEN_FAILURE, k32.GetLastError());
        assertEquals(0, k32.QueueUserAPC(data -> { }, 0x7770, 0));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void suspendedThreadsStopAtTheirNextCallUntilResumed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger progress = new java.util.concurrent.atomic.AtomicInteger();
        long created = k32.CreateThread(null, 0, p -> {
            progress.incrementAndGet();
            return 3;
        }, 0, CREATE_SUSPENDED, null);
        Thread.sleep(100);
        assertEquals(0, progress.get(), "created suspended: not started");
        assertEquals(STILL_ACTIVE, exitCode(created));
        assertEquals(1, k32.SuspendThread(created), "a second suspension");
        assertEquals(2, k32.ResumeThread(created));
        Thread.sleep(50);
        assertEquals(0, progress.get(), "still suspended once");
        assertEquals(1, k32.ResumeThread(created));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(created, 5000));
        assertEquals(1, progress.get());
        assertEquals(0, k32.ResumeThread(created), "not suspended");

        CountDownLatch go = new CountDownLatch(1);
        long running = k32.CreateThread(null, 0, p -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return -1;
            }
            k32.GetLastError(); // stops here while suspended
            progress.incrementAndGet();
            return 4;
        }, 0, 0, null);
        assertEquals(0, k32.SuspendThread(running));
        go.countDown();
        Thread.sleep(100);
        assertEquals(1, progress.get(), "suspension takes effect at the next call");
        assertEquals(1, k32.ResumeThread(running));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(running, 5000));
        assertEquals(2, progress.get());
        assertEquals(-1, k32.SuspendThread(running), "an ended thread");
    }

    @Test
    void terminatingASuspendedThreadEndsIt() throws Exception {
        long created = k32.CreateThread(null, 0, p -> 1, 0, CREATE_SUSPENDED, null);
        assertTrue(k32.TerminateThread(created, 8));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(created, 5000));
        assertEquals(8, exitCode(created));
    }

    @Test
    void anEndedThreadCanBeOpenedWhileAHandleToItIsOpen() throws Exception {
        int[] id = new int[1];
        long held = k32.CreateThread(null, 0, p -> 4, 0, 0, id);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(held, 5000));
        long again = k32.OpenThread(THREAD_QUERY_INFORMATION, false, id[0]);
        assertNotEquals(NULL, again, "the id lives as long as the object does");
        assertEquals(4, exitCode(again));
        assertTrue(k32.CloseHandle(held));
        assertTrue(k32.CloseHandle(again));
        assertEquals(NULL, k32.OpenThread(THREAD_QUERY_INFORMATION, false, id[0]), "gone with the last handle");
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
    }

    @Test
    void badArguments() {
        assertEquals(NULL, k32.CreateThread(null, 0, null, 0, 0, null));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        assertFalse(k32.GetExitCodeThread(0x7770, new int[1]));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void slotsOfAdoptedJavaThreadsThatDiedAreForgotten() throws Exception {
        int[] ids = new int[200];
        for (int i = 0; i < ids.length; i++) {
            int index = i;
            Thread java = Thread.ofPlatform().start(() -> ids[index] = k32.GetCurrentThreadId()); // adopted, then dies
            java.join();
        }
        Win32ProcessImpl impl = (Win32ProcessImpl) process;
        assertTrue(impl.slotCount() < 65, "bindings kept: " + impl.slotCount());
        long openable = java.util.Arrays.stream(ids).filter(id -> k32.OpenThread(THREAD_ALL_ACCESS, false, id) != NULL)
                .count();
        assertTrue(openable < 65, "kernel threads of dead adopted Java threads ended with their slots: " + openable);
    }

    @Test
    void createThreadRunsOnPlatformThreadsWhenTheKernelIsSoConfigured() {
        assertTrue(threadIsVirtual(k32), "virtual by default");
        try (Win32System platform = Win32.boot(dev.kobj.api.Kernels.boot(dev.kobj.api.KernelConfig.defaults()
                .withThreads(dev.kobj.api.KernelConfig.ThreadKind.PLATFORM)))) {
            Kernel32 other = platform.attach("platform.exe").kernel32();
            assertFalse(threadIsVirtual(other));
        }
    }

    /** Whether CreateThread's body ran on a virtual thread. */
    private static boolean threadIsVirtual(Kernel32 k32) {
        boolean[] virtual = new boolean[1];
        long thread = k32.CreateThread(null, 0, p -> {
            virtual[0] = Thread.currentThread().isVirtual();
            return 0;
        }, 0, 0, null);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        return virtual[0];
    }
}
