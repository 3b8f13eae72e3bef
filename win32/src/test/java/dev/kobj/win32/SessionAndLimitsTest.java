package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.security.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A process attached in a session of its own, and the kernel's configured handle and process limits. */
@Timeout(30)
class SessionAndLimitsTest {
    private static final int ERROR_FILE_NOT_FOUND = 2;
    private static final int ERROR_NO_SYSTEM_RESOURCES = 1450;
    private static final int ERROR_NOT_ENOUGH_QUOTA = 1816;

    @Test
    void namesOfAProcessInSessionNResolveInItsSessionsNamedObjects() {
        try (Win32System system = Win32.boot()) {
            Kernel32 three = system.attach("three.exe", Identity.DEFAULT, 3).kernel32();
            Kernel32 one = system.attach("one.exe").kernel32();
            assertNotEquals(0, three.CreateEvent(null, true, false, "X"));
            assertEquals(0, one.OpenEvent(SYNCHRONIZE, false, "X"));
            assertEquals(ERROR_FILE_NOT_FOUND, one.GetLastError());
            assertNotEquals(0, one.OpenEvent(SYNCHRONIZE, false, "Session\\3\\X"), "error " + one.GetLastError());
        }
    }

    @Test
    void sessionZeroNamesAreGlobal() {
        try (Win32System system = Win32.boot()) {
            Kernel32 zero = system.attach("service.exe", Identity.DEFAULT, 0).kernel32();
            assertNotEquals(0, zero.CreateEvent(null, true, false, "Z"));
            assertNotEquals(0, system.attach("one.exe").kernel32().OpenEvent(SYNCHRONIZE, false, "Global\\Z"));
        }
    }

    @Test
    void aChildRunsInItsParentsSession() {
        try (Win32System system = Win32.boot()) {
            system.register("child.exe", (self, cmd) ->
                    self.OpenEvent(SYNCHRONIZE, false, "Mine") != 0 ? 0 : 100 + self.GetLastError());
            Kernel32 parent = system.attach("parent.exe", Identity.DEFAULT, 5).kernel32();
            assertNotEquals(0, parent.CreateEvent(null, true, false, "Mine"));
            ProcessInformation pi = new ProcessInformation();
            assertTrue(parent.CreateProcess("child.exe", "child.exe", null, null, false, 0, null, null, null, pi));
            assertEquals(WAIT_OBJECT_0, parent.WaitForSingleObject(pi.hProcess, 10_000));
            int[] code = new int[1];
            assertTrue(parent.GetExitCodeProcess(pi.hProcess, code));
            assertEquals(0, code[0]);
        }
    }

    @Test
    void aNegativeSessionIsRefused() {
        try (Win32System system = Win32.boot()) {
            assertThrows(IllegalArgumentException.class, () -> system.attach("bad.exe", Identity.DEFAULT, -1));
        }
    }

    @Test
    void aCreatePastTheHandleLimitFailsAndAFreedSlotIsUsedAgain() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withLimits(KernelConfig.Limits.DEFAULT.withHandles(3)));
                Win32System system = Win32.boot(kernel)) {
            Kernel32 k32 = system.attach("full.exe").kernel32();
            long a = k32.CreateEvent(null, true, false, null);
            long b = k32.CreateEvent(null, true, false, null);
            long c = k32.CreateEvent(null, true, false, "C");
            assertEquals(java.util.List.of(4L, 8L, 12L), java.util.List.of(a, b, c));
            assertEquals(0, k32.CreateEvent(null, true, false, "D"));
            assertEquals(ERROR_NO_SYSTEM_RESOURCES, k32.GetLastError());
            assertEquals(0, k32.OpenEvent(SYNCHRONIZE, false, "C"));
            assertEquals(ERROR_NO_SYSTEM_RESOURCES, k32.GetLastError());
            assertEquals(0, k32.OpenEvent(SYNCHRONIZE, false, "D"));
            assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError()); // the failed create left no object behind
            assertTrue(k32.CloseHandle(b));
            assertEquals(8L, k32.CreateEvent(null, true, false, "D"));
        }
    }

    @Test
    void aCreateProcessPastTheProcessLimitFailsWithQuotaExceeded() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withLimits(KernelConfig.Limits.DEFAULT.withProcesses(2)));
                Win32System system = Win32.boot(kernel)) {
            Kernel32 k32 = system.attach("parent.exe").kernel32();
            long gate = k32.CreateEvent(null, true, false, "Gate");
            system.register("idle.exe", (self, cmd) ->
                    self.WaitForSingleObject(self.OpenEvent(SYNCHRONIZE, false, "Gate"), 10_000));
            ProcessInformation first = new ProcessInformation();
            assertTrue(k32.CreateProcess("idle.exe", "idle.exe", null, null, false, 0, null, null, null, first));
            for (int i = 0; i < 2; i++) { // a refusal does not count as a live process
                ProcessInformation refused = new ProcessInformation();
                assertFalse(k32.CreateProcess("idle.exe", "idle.exe", null, null, false, 0, null, null, null, refused));
                assertEquals(ERROR_NOT_ENOUGH_QUOTA, k32.GetLastError());
                assertEquals(0, refused.hProcess);
            }
            assertThrows(IllegalStateException.class, () -> system.attach("another.exe"));
            assertTrue(k32.SetEvent(gate));
            assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(first.hProcess, 10_000));
            ProcessInformation again = new ProcessInformation();
            assertTrue(k32.CreateProcess("idle.exe", "idle.exe", null, null, false, 0, null, null, null, again),
                    "CreateProcess after the first child ended: " + k32.GetLastError());
            assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(again.hProcess, 10_000));
        }
    }
}
