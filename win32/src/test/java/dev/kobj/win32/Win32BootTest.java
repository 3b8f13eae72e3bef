package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class Win32BootTest {
    @Test
    void bootAttachesProcessesWithDistinctIdsInSessionOne() {
        try (Win32System system = Win32.boot()) {
            Win32Process first = system.attach("a.exe");
            Win32Process second = system.attach("b.exe");
            assertTrue(first.id() > 0 && first.id() % 4 == 0);
            assertNotEquals(first.id(), second.id());
            assertEquals(first.id(), first.kernel32().GetCurrentProcessId());
            assertEquals(-1L, first.kernel32().GetCurrentProcess());
            assertEquals(-2L, first.kernel32().GetCurrentThread());
        }
    }

    @Test
    void lastErrorIsPerThreadAndPerProcess() throws Exception {
        try (Win32System system = Win32.boot(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Kernel32 k32 = system.attach("test.exe").kernel32();
            Kernel32 other = system.attach("other.exe").kernel32();
            k32.SetLastError(5);
            other.SetLastError(7);
            CompletableFuture<Integer> seenElsewhere = CompletableFuture.supplyAsync(() -> {
                int before = k32.GetLastError();
                k32.SetLastError(87);
                return before;
            }, pool);
            assertEquals(0, seenElsewhere.get(), "a new thread starts with last error 0");
            assertEquals(5, k32.GetLastError());
            assertEquals(7, other.GetLastError());
        }
    }

    @Test
    void threadsGetStableIdsOnAdoption() throws Exception {
        try (Win32System system = Win32.boot(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Kernel32 k32 = system.attach("test.exe").kernel32();
            int mine = k32.GetCurrentThreadId();
            assertEquals(mine, k32.GetCurrentThreadId());
            int theirs = pool.submit(k32::GetCurrentThreadId).get();
            assertNotEquals(mine, theirs);
            assertTrue(theirs % 4 == 0 && theirs != 0);
        }
    }

    @Test
    void functionsNotYetBuiltFailTheWindowsWay() {
        try (Win32System system = Win32.boot()) {
            Win32Process process = system.attach("test.exe");
            Kernel32 k32 = process.kernel32();
            assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile("x", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0));
            assertEquals(WAIT_FAILED, k32.WaitForSingleObject(4, 0));
            assertNull(k32.MapViewOfFile(4, FILE_MAP_READ, 0, 0, 0));
        }
    }

    @Test
    void aKernelWithoutAFamilyFailsItsCallsTheWindowsWay() {
        try (dev.kobj.api.Kernel kernel = dev.kobj.api.Kernels.boot(
                dev.kobj.api.KernelConfig.defaults().withModules("core", "sync"));
                Win32System system = Win32.boot(kernel)) {
            Win32Process process = system.attach("test.exe");
            assertEquals(STATUS_NOT_IMPLEMENTED, process.ntdll().NtOpenSection(new long[1], 0, null));
            assertEquals(NULL, process.kernel32().CreateJobObject(null, null));
            assertEquals(ERROR_CALL_NOT_IMPLEMENTED, process.kernel32().GetLastError());
            assertEquals(NULL, process.kernel32().CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1,
                    null));
            assertEquals(ERROR_CALL_NOT_IMPLEMENTED, process.kernel32().GetLastError());
        }
    }

    @Test
    void rtlNtStatusToDosErrorUsesTheRegistry() {
        try (Win32System system = Win32.boot()) {
            Ntdll nt = system.attach("test.exe").ntdll();
            assertEquals(ERROR_SUCCESS, nt.RtlNtStatusToDosError(STATUS_SUCCESS));
            assertEquals(ERROR_INVALID_HANDLE, nt.RtlNtStatusToDosError(STATUS_OBJECT_TYPE_MISMATCH));
            assertEquals(ERROR_ALREADY_EXISTS, nt.RtlNtStatusToDosError(STATUS_OBJECT_NAME_COLLISION));
            assertEquals(ERROR_MR_MID_NOT_FOUND, nt.RtlNtStatusToDosError(0xC0DE0000));
        }
    }

    @Test
    void sleepDoesNotTouchTheLastError() {
        try (Win32System system = Win32.boot()) {
            Kernel32 k32 = system.attach("test.exe").kernel32();
            k32.SetLastError(42);
            k32.Sleep(1);
            assertEquals(0, k32.SleepEx(0, true));
            assertEquals(42, k32.GetLastError());
        }
    }

    @Test
    void interruptEndsSleepEarlyAndStaysSet() {
        try (Win32System system = Win32.boot()) {
            Kernel32 k32 = system.attach("test.exe").kernel32();
            Thread.currentThread().interrupt();
            long start = System.nanoTime();
            k32.Sleep(INFINITE);
            assertTrue(Thread.interrupted(), "interrupt flag stays set");
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
        }
    }

    @Test
    void registeredProgramsAreFoundCaseInsensitively() {
        try (Win32System system = Win32.boot()) {
            Win32Program program = (self, commandLine) -> 3;
            system.register("Child.EXE", program);
            assertEquals(program, ((Win32SystemImpl) system).program("child.exe").orElseThrow());
            assertTrue(((Win32SystemImpl) system).program("other.exe").isEmpty());
        }
    }

    @Test
    void callsOnAClosedSystemAreHostFaults() {
        Win32System system = Win32.boot();
        Kernel32 k32 = system.attach("test.exe").kernel32();
        k32.SetLastError(1);
        system.close();
        system.close();
        assertThrows(IllegalStateException.class, k32::GetLastError);
        assertThrows(IllegalStateException.class, () -> system.attach("late.exe"));
        assertThrows(NullPointerException.class, () -> Win32.boot(null));
    }

    @Test
    void aKernelWithoutTheSyncFamilyDoesNotImplementEvents() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("fs"));
                Win32System system = Win32.boot(kernel)) {
            Win32Process process = system.attach("test.exe");
            Kernel32 k32 = process.kernel32();
            assertEquals(NULL, k32.CreateEvent(null, true, false, null));
            assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k32.GetLastError());
            assertFalse(k32.ReleaseMutex(4));
            assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k32.GetLastError());
            assertEquals(STATUS_NOT_IMPLEMENTED, process.ntdll().NtCreateEvent(new long[1], EVENT_ALL_ACCESS, null,
                    NotificationEvent, false));
        }
    }

    @Test
    void wrapsACustomKernelAndLeavesItOpen() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("sync"))) {
            Win32System system = Win32.boot(kernel);
            assertTrue(system.attach("test.exe").id() > 0);
            system.close();
            assertFalse(kernel.isClosed());
        }
    }
}
