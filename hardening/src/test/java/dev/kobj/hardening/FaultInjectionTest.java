package dev.kobj.hardening;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelThreadExit;
import dev.kobj.api.Kernels;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.MappedView;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32Process;
import dev.kobj.win32.Win32System;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads and processes ended in the middle of waits, pipe transfers, section use and file I/O, and
 * Java interrupts of blocking calls: every waiter wakes with the documented result, mutexes are
 * abandoned, and once the survivors close their handles every per-type count is back at its baseline.
 */
@Timeout(60)
class FaultInjectionTest {
    private final Kernel kernel = Kernels.boot();
    private final Win32System system = Win32.boot(kernel);
    private final Win32Process test = system.attach("test.exe");
    private final Kernel32 k32 = test.kernel32();
    private final Counts baseline = Counts.of(kernel);

    @AfterEach
    void close() {
        system.close();
        kernel.close();
    }

    /** A call running on a new thread of {@code process}, observed from the test thread. */
    private static final class Blocked {
        final AtomicReference<Thread> java = new AtomicReference<>();
        final CompletableFuture<Integer> result = new CompletableFuture<>();
        final CompletableFuture<Integer> lastError = new CompletableFuture<>();
        final CompletableFuture<Boolean> fenced = new CompletableFuture<>();
        final long thread;

        Blocked(Kernel32 k32, ToIntFunction<Kernel32> call) throws InterruptedException {
            thread = k32.CreateThread(null, 0, p -> {
                java.set(Thread.currentThread());
                try {
                    result.complete(call.applyAsInt(k32));
                    lastError.complete(k32.GetLastError());
                    fenced.complete(false);
                    return 0;
                } catch (KernelThreadExit exit) {
                    fenced.complete(true);
                    throw exit;
                }
            }, 0, 0, null);
            assertNotEquals(NULL, thread);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (java.get() == null || java.get().getState() != Thread.State.WAITING
                    && java.get().getState() != Thread.State.TIMED_WAITING) {
                assertFalse(result.isDone(), () -> "the call returned " + result.join() + ", last error "
                        + lastError.join() + ", instead of blocking");
                assertTrue(System.nanoTime() < deadline, () -> "the call did not block: " + java.get().getState());
                Thread.sleep(1);
            }
        }

        boolean ended() throws Exception {
            return fenced.get(10, TimeUnit.SECONDS);
        }
    }

    private void assertBaseline() throws InterruptedException {
        // A fenced thread finishes its unwinding on its own; give it a moment before counting.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Counts now = Counts.of(kernel);
        while (!now.equals(baseline) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            now = Counts.of(kernel);
        }
        assertEquals(baseline, now, "every object and handle is gone");
    }

    private long openProcess(Win32Process process) {
        long h = k32.OpenProcess(PROCESS_ALL_ACCESS, false, process.id());
        assertNotEquals(NULL, h);
        return h;
    }

    @Test
    void processEndedInsideAWaitAbandonsItsMutexAndWakesEveryWaiter() throws Exception {
        Win32Process victim = system.attach("victim.exe");
        Kernel32 v = victim.kernel32();
        long never = v.CreateEvent(null, true, false, null);
        Blocked holder = new Blocked(v, k -> {
            long mutex = k.CreateMutex(null, true, "fault-mutex");
            return k.WaitForSingleObject(never, INFINITE);
        });
        Win32Process other = system.attach("other.exe");
        Kernel32 o = other.kernel32();
        long mutex = o.OpenMutex(SYNCHRONIZE, false, "fault-mutex");
        assertNotEquals(NULL, mutex);
        Blocked waiter = new Blocked(o, k -> k.WaitForSingleObject(mutex, INFINITE));
        long victimHandle = openProcess(victim);
        Blocked processWaiter = new Blocked(o, k -> k.WaitForSingleObject(
                k.OpenProcess(SYNCHRONIZE, false, victim.id()), INFINITE));

        assertTrue(k32.TerminateProcess(victimHandle, 9));

        assertEquals(WAIT_ABANDONED_0, waiter.result.get(10, TimeUnit.SECONDS), "the mutex was abandoned");
        assertEquals(WAIT_OBJECT_0, processWaiter.result.get(10, TimeUnit.SECONDS), "the process is signalled");
        assertTrue(holder.ended(), "the victim's blocked thread is fenced, not left waiting");
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeProcess(victimHandle, code));
        assertEquals(9, code[0]);
        // The waiter now owns the mutex; its thread has returned, so the mutex is abandoned again.
        assertTrue(o.ReleaseMutex(mutex) || o.GetLastError() == ERROR_NOT_OWNER);
        assertTrue(k32.CloseHandle(victimHandle));
        assertTrue(k32.TerminateProcess(openProcess(other), 0));
        assertBaseline();
    }

    @Test
    void threadEndedInsideAWaitAbandonsOnlyItsOwnMutex() throws Exception {
        Win32Process p = system.attach("p.exe");
        Kernel32 k = p.kernel32();
        long never = k.CreateEvent(null, true, false, null);
        long mine = k.CreateMutex(null, false, null);
        long theirs = k.CreateMutex(null, true, null); // owned by this (test) thread of p
        Blocked blocked = new Blocked(k, kk -> {
            assertEquals(WAIT_OBJECT_0, kk.WaitForSingleObject(mine, 0));
            return kk.WaitForSingleObject(never, INFINITE);
        });
        assertTrue(k.TerminateThread(blocked.thread, 5));
        assertTrue(blocked.ended());
        assertEquals(WAIT_ABANDONED_0, k.WaitForSingleObject(mine, 0), "the ended thread's mutex is abandoned");
        assertTrue(k.ReleaseMutex(mine));
        assertTrue(k.ReleaseMutex(theirs), "the other mutex is still owned, not abandoned");
        int[] code = new int[1];
        assertTrue(k.GetExitCodeThread(blocked.thread, code));
        assertEquals(5, code[0]);
        for (long h : new long[] {never, mine, theirs, blocked.thread}) {
            assertTrue(k.CloseHandle(h));
        }
        assertTrue(k32.TerminateProcess(openProcess(p), 0));
        assertBaseline();
    }

    @Test
    void readerEndedInsideAPipeReadBreaksThePipeForTheWriter() throws Exception {
        Win32Process reader = system.attach("reader.exe");
        Kernel32 r = reader.kernel32();
        long[] read = new long[1];
        long[] write = new long[1];
        assertTrue(r.CreatePipe(read, write, null, 0));
        long readerHandle = openProcess(reader);
        long[] writeHere = new long[1];
        assertTrue(k32.DuplicateHandle(readerHandle, write[0], k32.GetCurrentProcess(), writeHere, 0, false,
                DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
        Blocked blocked = new Blocked(r, k -> k.ReadFile(read[0], new byte[16], 16, new int[1], null) ? 1 : 0);

        assertTrue(k32.TerminateProcess(readerHandle, 1));
        assertTrue(blocked.ended());
        assertFalse(k32.WriteFile(writeHere[0], new byte[] {1}, 1, new int[1], null));
        assertEquals(ERROR_NO_DATA, k32.GetLastError(), "the read end closed with its process");
        assertTrue(k32.CloseHandle(writeHere[0]));
        assertTrue(k32.CloseHandle(readerHandle));
        assertBaseline();
    }

    @Test
    void writerEndedInsideAFullPipeWriteWakesTheReaderWithBrokenPipe() throws Exception {
        long[] read = new long[1];
        long[] write = new long[1];
        assertTrue(k32.CreatePipe(read, write, null, 4096));
        Win32Process writer = system.attach("writer.exe");
        long writerHandle = openProcess(writer);
        long[] writeThere = new long[1];
        assertTrue(k32.DuplicateHandle(k32.GetCurrentProcess(), write[0], writerHandle, writeThere, 0, false,
                DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
        byte[] big = new byte[1 << 20];
        Blocked blocked = new Blocked(writer.kernel32(), k -> k.WriteFile(writeThere[0], big, big.length,
                new int[1], null) ? 1 : 0);

        assertTrue(k32.TerminateProcess(writerHandle, 1));
        assertTrue(blocked.ended());
        // Whatever the writer got into the pipe comes out, then the broken pipe.
        byte[] buffer = new byte[1 << 16];
        int[] got = new int[1];
        int total = 0;
        while (k32.ReadFile(read[0], buffer, buffer.length, got, null)) {
            total += got[0];
            assertTrue(total < big.length, "the write was cut short");
        }
        assertEquals(ERROR_BROKEN_PIPE, k32.GetLastError());
        assertTrue(k32.CloseHandle(read[0]));
        assertTrue(k32.CloseHandle(writerHandle));
        assertBaseline();
    }

    @Test
    void sectionOutlivesAProcessEndedWhileUsingIt() throws Exception {
        Win32Process user = system.attach("user.exe");
        Kernel32 u = user.kernel32();
        long section = u.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 65_536, "fault-section");
        assertNotEquals(NULL, section);
        MappedView theirs = u.MapViewOfFile(section, FILE_MAP_WRITE, 0, 0, 0);
        assertNotNull(theirs);
        theirs.segment().set(ValueLayout.JAVA_INT, 100, 0x1234_5678);
        long never = u.CreateEvent(null, true, false, null);
        Blocked blocked = new Blocked(u, k -> k.WaitForSingleObject(never, INFINITE));
        long mine = k32.OpenFileMapping(FILE_MAP_READ, false, "fault-section");
        MappedView view = k32.MapViewOfFile(mine, FILE_MAP_READ, 0, 0, 4096);
        assertNotNull(view);

        assertTrue(k32.TerminateProcess(openProcess(user), 3));
        assertTrue(blocked.ended());
        assertEquals(0x1234_5678, view.segment().get(ValueLayout.JAVA_INT, 100), "the bytes live while a view does");
        assertTrue(k32.CloseHandle(mine));
        assertEquals(NULL, k32.OpenFileMapping(FILE_MAP_READ, false, "fault-section"), "no handle: no name");
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        assertTrue(k32.UnmapViewOfFile(view.address()));
        assertBaseline();
    }

    @Test
    void fileHandlesOfAnEndedProcessGiveTheirShareAccessBack() throws Exception {
        Win32Process owner = system.attach("owner.exe");
        Kernel32 w = owner.kernel32();
        long file = w.CreateFile("C:\\fault.bin", GENERIC_READ | GENERIC_WRITE, 0, null, CREATE_ALWAYS,
                FILE_ATTRIBUTE_NORMAL, NULL);
        assertNotEquals(INVALID_HANDLE_VALUE, file);
        long never = w.CreateEvent(null, true, false, null);
        Blocked writer = new Blocked(w, k -> {
            byte[] chunk = new byte[512];
            for (int i = 0; i < 8; i++) {
                assertTrue(k.WriteFile(file, chunk, chunk.length, new int[1], null));
            }
            return k.WaitForSingleObject(never, INFINITE);
        });
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile("C:\\fault.bin", GENERIC_READ, 0, null, OPEN_EXISTING,
                FILE_ATTRIBUTE_NORMAL, NULL));
        assertEquals(ERROR_SHARING_VIOLATION, k32.GetLastError());

        assertTrue(k32.TerminateProcess(openProcess(owner), 3));
        assertTrue(writer.ended());
        long mine = k32.CreateFile("C:\\fault.bin", GENERIC_READ, 0, null, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
        assertNotEquals(INVALID_HANDLE_VALUE, mine, "the exclusive handle closed with its process");
        long[] size = new long[1];
        assertTrue(k32.GetFileSizeEx(mine, size));
        assertEquals(4096, size[0], "every write before the end landed");
        assertTrue(k32.CloseHandle(mine));
        assertTrue(k32.DeleteFile("C:\\fault.bin"));
        assertBaseline();
    }

    @Test
    void interruptsEndBlockingCallsWithoutLeaks() throws Exception {
        long port = k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
        long[] read = new long[1];
        long[] write = new long[1];
        assertTrue(k32.CreatePipe(read, write, null, 0));
        long pipe = k32.CreateNamedPipe("\\\\.\\pipe\\fault-pipe", PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 1,
                512, 512, 0, null);
        assertNotEquals(INVALID_HANDLE_VALUE, pipe);
        long event = k32.CreateEvent(null, true, false, null);
        java.util.List<Blocked> calls = java.util.List.of(
                new Blocked(k32, k -> k.GetQueuedCompletionStatus(port, new int[1], new long[1],
                        new dev.kobj.win32.Overlapped[1], INFINITE) ? 1 : 0),
                new Blocked(k32, k -> k.ReadFile(read[0], new byte[4], 4, new int[1], null) ? 1 : 0),
                new Blocked(k32, k -> k.ConnectNamedPipe(pipe, null) ? 1 : 0),
                new Blocked(k32, k -> k.WaitForSingleObject(event, INFINITE) == WAIT_FAILED ? 0 : 1));
        for (Blocked call : calls) {
            call.java.get().interrupt();
        }
        for (Blocked call : calls) {
            assertEquals(0, call.result.get(10, TimeUnit.SECONDS), "FALSE / WAIT_FAILED");
            assertEquals(ERROR_OPERATION_ABORTED, call.lastError.get(10, TimeUnit.SECONDS));
            assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(call.thread, 10_000));
            assertTrue(k32.CloseHandle(call.thread));
        }
        assertTrue(k32.PostQueuedCompletionStatus(port, 3, 4, null), "the port still works");
        int[] bytes = new int[1];
        long[] key = new long[1];
        assertTrue(k32.GetQueuedCompletionStatus(port, bytes, key, new dev.kobj.win32.Overlapped[1], 0));
        assertEquals(3, bytes[0]);
        for (long h : new long[] {port, read[0], write[0], pipe, event}) {
            assertTrue(k32.CloseHandle(h));
        }
        assertBaseline();
    }

    @Test
    void terminationRacingCreatesLeavesNoHandleBehind() throws Exception {
        for (int round = 0; round < 20; round++) {
            Win32Process victim = system.attach("racer.exe");
            Kernel32 v = victim.kernel32();
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(4);
            for (int t = 0; t < 4; t++) {
                int kind = t;
                v.CreateThread(null, 0, p -> {
                    running.countDown();
                    while (true) {
                        long h = switch (kind) {
                            case 0 -> v.CreateEvent(null, false, false, "race-event");
                            case 1 -> v.CreateMutex(null, false, null);
                            case 2 -> v.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, null);
                            default -> {
                                long[] r = new long[1];
                                long[] w = new long[1];
                                v.CreatePipe(r, w, null, 0);
                                v.CloseHandle(w[0]);
                                yield r[0];
                            }
                        };
                        v.CloseHandle(h);
                        // CreateThread's threads are virtual: on 2 CPUs, four that never block could keep
                        // the other two from ever starting (the latch then waits forever; CI saw it once).
                        Thread.yield();
                    }
                }, 0, 0, null);
            }
            running.await();
            Thread.sleep(round % 5);
            long h = openProcess(victim);
            assertTrue(k32.TerminateProcess(h, 1));
            assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(h, 10_000));
            assertTrue(k32.CloseHandle(h));
        }
        assertBaseline();
    }
}
