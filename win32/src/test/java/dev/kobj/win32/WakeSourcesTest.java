package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kobj.api.KernelThreadExit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every wake source of every blocking call: each call runs on a thread of a fresh process, blocks, and
 * is ended by the source; the results are the Win32 or NT values of the contract.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WakeSourcesTest {
    private static final long KEY = 0x10;

    /** The blocking calls. */
    enum Call {
        SINGLE, ANY, ALL, SLEEP, SIGNAL_AND_WAIT, KEYED_WAIT, KEYED_RELEASE;

        boolean nt() {
            return this == KEYED_WAIT || this == KEYED_RELEASE;
        }
    }

    private final Win32System system = Win32.boot();
    private final Kernel32 test = system.attach("test.exe").kernel32();
    private Win32Process victim;
    private Kernel32 k32;
    private Ntdll nt;
    private long event;
    private long other;
    private long toSignal;
    private long keyed;

    @BeforeEach
    void freshProcess() {
        victim = system.attach("victim.exe");
        k32 = victim.kernel32();
        nt = victim.ntdll();
        event = k32.CreateEvent(null, true, false, null);
        other = k32.CreateEvent(null, true, false, null);
        toSignal = k32.CreateEvent(null, false, false, null);
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateKeyedEvent(h, KEYEDEVENT_ALL_ACCESS, null, 0));
        keyed = h[0];
    }

    @AfterAll
    void close() {
        system.close();
    }

    private int call(Call call, boolean alertable, int ms) {
        Long timeout = ms == INFINITE ? null : -ms * 10_000L;
        return switch (call) {
            case SINGLE -> k32.WaitForSingleObjectEx(event, ms, alertable);
            case ANY -> k32.WaitForMultipleObjectsEx(2, new long[] {other, event}, false, ms, alertable);
            case ALL -> k32.WaitForMultipleObjectsEx(2, new long[] {event, other}, true, ms, alertable);
            case SLEEP -> k32.SleepEx(ms, alertable);
            case SIGNAL_AND_WAIT -> k32.SignalObjectAndWait(toSignal, event, ms, alertable);
            case KEYED_WAIT -> nt.NtWaitForKeyedEvent(keyed, KEY, alertable, timeout);
            case KEYED_RELEASE -> nt.NtReleaseKeyedEvent(keyed, KEY, alertable, timeout);
        };
    }

    /** Ends the call by its objects (or its partner, on this thread); returns what it must return. */
    private int signal(Call call) {
        switch (call) {
            case SINGLE, SIGNAL_AND_WAIT -> assertTrue(k32.SetEvent(event));
            case ANY -> {
                assertTrue(k32.SetEvent(event));
                return WAIT_OBJECT_0 + 1;
            }
            case ALL -> {
                assertTrue(k32.SetEvent(other));
                assertTrue(k32.SetEvent(event));
            }
            case KEYED_WAIT -> assertEquals(STATUS_SUCCESS, nt.NtReleaseKeyedEvent(keyed, KEY, false, -50_000_000L));
            case KEYED_RELEASE -> assertEquals(STATUS_SUCCESS, nt.NtWaitForKeyedEvent(keyed, KEY, false, -50_000_000L));
            case SLEEP -> throw new AssertionError("nothing signals a sleep");
        }
        return call.nt() ? STATUS_SUCCESS : WAIT_OBJECT_0;
    }

    /** One blocking call on a new thread of the victim process. */
    private final class Blocked {
        final AtomicReference<Thread> java = new AtomicReference<>();
        final CompletableFuture<Integer> result = new CompletableFuture<>();
        final AtomicInteger lastError = new AtomicInteger(-1);
        final CompletableFuture<Integer> fenced = new CompletableFuture<>();
        final AtomicInteger apcThread = new AtomicInteger();
        final int[] id = new int[1];
        final long handle;

        Blocked(Call call, boolean alertable, int ms) throws InterruptedException {
            handle = k32.CreateThread(null, 0, p -> {
                java.set(Thread.currentThread());
                try {
                    result.complete(call(call, alertable, ms)); // a suspended thread stops before completing
                    lastError.set(k32.GetLastError());
                    return 0;
                } catch (KernelThreadExit exit) {
                    fenced.complete(exit.exitCode());
                    throw exit;
                }
            }, 0, 0, id);
            assertNotEquals(NULL, handle);
            awaitParked();
        }

        void awaitParked() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (java.get() == null || java.get().getState() != Thread.State.WAITING
                    && java.get().getState() != Thread.State.TIMED_WAITING) {
                assertTrue(System.nanoTime() < deadline, "the call did not block");
                Thread.sleep(1);
            }
        }

        int get() throws Exception {
            return result.get(5, TimeUnit.SECONDS);
        }

        int exitCode() {
            assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(handle, 5000));
            int[] code = new int[1];
            assertTrue(k32.GetExitCodeThread(handle, code));
            return code[0];
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void signalled(Call call) throws Exception {
        assumeTrue(call != Call.SLEEP);
        Blocked blocked = new Blocked(call, false, INFINITE);
        assertEquals(signal(call), blocked.get());
        if (call == Call.SIGNAL_AND_WAIT) {
            assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(toSignal, 0), "it signalled before it waited");
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void timeout(Call call) throws Exception {
        long start = System.nanoTime();
        Blocked blocked = new Blocked(call, false, 100);
        assertEquals(call == Call.SLEEP ? 0 : call.nt() ? STATUS_TIMEOUT : WAIT_TIMEOUT, blocked.get());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(95));
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void apc(Call call) throws Exception {
        Blocked blocked = new Blocked(call, true, INFINITE);
        assertEquals(1, k32.QueueUserAPC(p -> blocked.apcThread.set(k32.GetCurrentThreadId()), blocked.handle, 0));
        assertEquals(call.nt() ? STATUS_USER_APC : WAIT_IO_COMPLETION, blocked.get());
        assertEquals(blocked.id[0], blocked.apcThread.get(), "the APC ran on the blocked thread");
        if (call == Call.KEYED_WAIT || call == Call.KEYED_RELEASE) {
            assertEquals(STATUS_TIMEOUT, call == Call.KEYED_WAIT ? nt.NtReleaseKeyedEvent(keyed, KEY, false, 0L)
                    : nt.NtWaitForKeyedEvent(keyed, KEY, false, 0L), "it left the rendezvous");
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void interrupt(Call call) throws Exception {
        Blocked blocked = new Blocked(call, false, INFINITE);
        blocked.java.get().interrupt();
        int status = blocked.get();
        assertEquals(0, blocked.exitCode());
        if (call.nt()) {
            assertEquals(STATUS_CANCELLED, status);
        } else if (call == Call.SLEEP) {
            assertEquals(0, status, "Sleep just returns early");
        } else {
            assertEquals(WAIT_FAILED, status);
            assertEquals(ERROR_OPERATION_ABORTED, blocked.lastError.get());
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void threadTermination(Call call) throws Exception {
        Blocked blocked = new Blocked(call, true, INFINITE);
        assertTrue(k32.TerminateThread(blocked.handle, 31));
        assertEquals(31, (int) blocked.fenced.get(5, TimeUnit.SECONDS), "the call threw KernelThreadExit");
        assertFalse(blocked.result.isDone());
        assertEquals(31, blocked.exitCode());
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void processTermination(Call call) throws Exception {
        Blocked blocked = new Blocked(call, true, INFINITE);
        long process = test.OpenProcess(PROCESS_TERMINATE | PROCESS_QUERY_INFORMATION | SYNCHRONIZE, false,
                victim.id());
        assertTrue(test.TerminateProcess(process, 32));
        assertEquals(32, (int) blocked.fenced.get(5, TimeUnit.SECONDS));
        assertEquals(WAIT_OBJECT_0, test.WaitForSingleObject(process, 5000));
        int[] code = new int[1];
        assertTrue(test.GetExitCodeProcess(process, code));
        assertEquals(32, code[0]);
        assertTrue(test.CloseHandle(process));
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void suspensionHoldsTheThreadWhenItsCallEndsUntilResumed(Call call) throws Exception {
        Blocked blocked = new Blocked(call, false, call == Call.SLEEP ? 200 : INFINITE);
        assertEquals(0, k32.SuspendThread(blocked.handle));
        int expected = call == Call.SLEEP ? 0 : signal(call);
        Thread.sleep(call == Call.SLEEP ? 400 : 100);
        assertFalse(blocked.result.isDone(), "suspended: it does not run on past the call");
        assertEquals(1, k32.ResumeThread(blocked.handle));
        assertEquals(expected, blocked.get());
    }

    /** A thread stopped by SuspendThread at a call into kobj; {@code result} gets the call's value when it goes on. */
    private final class Stopped {
        final AtomicReference<Thread> java = new AtomicReference<>();
        final CompletableFuture<Integer> result = new CompletableFuture<>();
        final CompletableFuture<Integer> fenced = new CompletableFuture<>();
        final long handle;

        Stopped() throws InterruptedException {
            java.util.concurrent.CountDownLatch suspended = new java.util.concurrent.CountDownLatch(1);
            int[] id = new int[1];
            handle = k32.CreateThread(null, 0, p -> {
                java.set(Thread.currentThread());
                try {
                    suspended.await();
                    result.complete(k32.GetCurrentThreadId()); // stops here
                } catch (KernelThreadExit exit) {
                    fenced.complete(exit.exitCode());
                    throw exit;
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return 0;
            }, 0, 0, id);
            while (java.get() == null) {
                Thread.sleep(1);
            }
            assertEquals(0, k32.SuspendThread(handle));
            suspended.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (java.get().getState() != Thread.State.WAITING) {
                assertTrue(System.nanoTime() < deadline, "it did not stop");
                Thread.sleep(1);
            }
            Thread.sleep(20);
            assertFalse(result.isDone());
        }
    }

    @org.junit.jupiter.api.Test
    void aThreadStoppedBySuspensionGoesOnWhenResumedOrInterruptedAndEndsWithItsThreadOrProcess() throws Exception {
        Stopped resumed = new Stopped();
        assertEquals(1, k32.ResumeThread(resumed.handle));
        assertTrue(resumed.result.get(5, TimeUnit.SECONDS) > 0);

        Stopped interrupted = new Stopped();
        interrupted.java.get().interrupt();
        assertTrue(interrupted.result.get(5, TimeUnit.SECONDS) > 0, "an interrupt ends the stop; the flag stays set");

        Stopped terminated = new Stopped();
        assertTrue(k32.TerminateThread(terminated.handle, 41));
        assertEquals(41, (int) terminated.fenced.get(5, TimeUnit.SECONDS));

        Stopped processEnded = new Stopped();
        long process = test.OpenProcess(PROCESS_TERMINATE, false, victim.id());
        assertTrue(test.TerminateProcess(process, 42));
        assertEquals(42, (int) processEnded.fenced.get(5, TimeUnit.SECONDS));
        assertFalse(processEnded.result.isDone());
    }
}
