package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CreateProcess, inheritance at the same values, exit codes, termination and rundown. */
@Timeout(30)
class ProcessApiTest {
    private final Win32System system = Win32.boot();
    private final Kernel32 k32 = system.attach("parent.exe").kernel32();

    @AfterEach
    void close() {
        system.close();
    }

    private ProcessInformation spawn(String commandLine, boolean inherit, StartupInfo startup) {
        ProcessInformation pi = new ProcessInformation();
        assertTrue(k32.CreateProcess(null, commandLine, null, null, inherit, 0, null, null, startup, pi),
                "CreateProcess failed with " + k32.GetLastError());
        return pi;
    }

    private int exitCode(long process) {
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(process, 5000));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeProcess(process, code));
        return code[0];
    }

    @Test
    void mainsReturnValueIsTheExitCodeAndTheChildHasItsOwnIds() {
        AtomicReference<String> line = new AtomicReference<>();
        AtomicLong pid = new AtomicLong();
        system.register("Child.exe", (self, commandLine) -> {
            line.set(commandLine);
            pid.set(self.GetCurrentProcessId());
            return 17;
        });
        ProcessInformation pi = spawn("child a b", false, null);
        assertEquals(17, exitCode(pi.hProcess));
        assertEquals("child a b", line.get(), "a bare name finds child.exe, case-insensitively");
        assertEquals(pi.dwProcessId, pid.get());
        assertNotEquals(k32.GetCurrentProcessId(), pi.dwProcessId);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(pi.hThread, 0));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeThread(pi.hThread, code));
        assertEquals(17, code[0]);
    }

    @Test
    void unknownImageIsFileNotFound() {
        assertFalse(k32.CreateProcess(null, "nosuch.exe", null, null, false, 0, null, null, new StartupInfo(),
                new ProcessInformation()));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        assertFalse(k32.CreateProcess(null, null, null, null, false, 0, null, null, null, new ProcessInformation()));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
    }

    @Test
    void inheritableHandlesArriveAtTheSameValuesOthersDoNot() {
        long inheritable = k32.CreateEvent(new SecurityAttributes(null, true), true, false, null);
        long privateOne = k32.CreateEvent(null, true, false, null);
        AtomicReference<int[]> seen = new AtomicReference<>();
        system.register("child.exe", (self, commandLine) -> {
            int[] flags = new int[1];
            boolean got = self.GetHandleInformation(inheritable, flags);
            boolean set = self.SetEvent(inheritable);
            boolean other = self.GetHandleInformation(privateOne, new int[1]);
            seen.set(new int[] {got ? 1 : 0, flags[0], set ? 1 : 0, other ? 1 : 0});
            return 0;
        });
        assertEquals(0, exitCode(spawn("child.exe", true, null).hProcess));
        assertEquals(1, seen.get()[0]);
        assertEquals(HANDLE_FLAG_INHERIT, seen.get()[1], "inherited handles stay inheritable");
        assertEquals(1, seen.get()[2]);
        assertEquals(0, seen.get()[3], "a non-inheritable handle is not copied");
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(inheritable, 0), "the child signalled the same object");

        assertEquals(0, exitCode(spawn("child.exe", false, null).hProcess));
        assertEquals(0, seen.get()[0], "nothing is copied without bInheritHandles");
    }

    @Test
    void startupInfoGivesTheStandardHandles() {
        AtomicLong out = new AtomicLong();
        system.register("child.exe", (self, commandLine) -> {
            out.set(self.GetStdHandle(STD_OUTPUT_HANDLE));
            return 0;
        });
        StartupInfo startup = new StartupInfo();
        startup.flags = STARTF_USESTDHANDLES;
        startup.hStdOutput = 0x1234;
        assertEquals(0, exitCode(spawn("child.exe", false, startup).hProcess));
        assertEquals(0x1234, out.get());
        assertEquals(INVALID_HANDLE_VALUE, k32.GetStdHandle(-99));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertTrue(k32.SetStdHandle(STD_ERROR_HANDLE, 0x88));
        assertEquals(0x88, k32.GetStdHandle(STD_ERROR_HANDLE));
    }

    @Test
    void terminateProcessAndRundownClosesItsHandles() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        system.register("child.exe", (self, commandLine) -> {
            self.CreateEvent(null, true, false, "kobj-child-event");
            created.countDown();
            self.Sleep(INFINITE);
            return 0;
        });
        ProcessInformation pi = spawn("child.exe", false, null);
        assertTrue(created.await(5, TimeUnit.SECONDS));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeProcess(pi.hProcess, code));
        assertEquals(STILL_ACTIVE, code[0]);
        assertNotEquals(NULL, k32.OpenEvent(SYNCHRONIZE, false, "kobj-child-event"));
        long other = k32.OpenEvent(SYNCHRONIZE, false, "kobj-child-event");
        assertTrue(k32.CloseHandle(other));
        long opened = k32.OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, false, pi.dwProcessId);
        assertNotEquals(NULL, opened);
        assertTrue(k32.TerminateProcess(opened, 5));
        assertEquals(5, exitCode(pi.hProcess));
        assertFalse(k32.TerminateProcess(opened, 6));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "already terminating");
        assertEquals(5, exitCode(pi.hProcess), "the first end fixes the code");
    }

    @Test
    void objectsOutliveTheirCreatorWhileOthersHoldThem() {
        system.register("child.exe", (self, commandLine) -> {
            self.CreateMutex(null, false, "kobj-survivor");
            return 0;
        });
        // The parent opens it while the child runs? It cannot know when; instead the child's handle dies with it.
        assertEquals(0, exitCode(spawn("child.exe", false, null).hProcess));
        assertEquals(NULL, k32.OpenMutex(SYNCHRONIZE, false, "kobj-survivor"), "the child's rundown closed it");
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
    }

    @Test
    void exitProcessEndsEveryThreadWithItsCode() {
        system.register("child.exe", (self, commandLine) -> {
            self.CreateThread(null, 0, p -> {
                self.Sleep(INFINITE);
                return 1;
            }, 0, 0, null);
            self.ExitProcess(23);
            return 99;
        });
        assertEquals(23, exitCode(spawn("child.exe", false, null).hProcess));
        assertEquals(NULL, k32.OpenProcess(PROCESS_QUERY_INFORMATION, false, 0x7ffffff0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
    }

    @Test
    void endedProcessesAreForgottenByIdAndByTheSystem() {
        system.register("short.exe", (self, commandLine) -> 7);
        int[] ids = new int[200];
        for (int i = 0; i < ids.length; i++) {
            ProcessInformation pi = spawn("short.exe", false, null);
            assertEquals(7, exitCode(pi.hProcess));
            ids[i] = pi.dwProcessId;
            assertTrue(k32.CloseHandle(pi.hProcess));
            assertTrue(k32.CloseHandle(pi.hThread));
        }
        for (int id : ids) {
            assertEquals(NULL, k32.OpenProcess(PROCESS_QUERY_INFORMATION, false, id), "ended, no handle left: gone");
        }
        assertTrue(((Win32SystemImpl) system).processCount() < 65, "kept " + ((Win32SystemImpl) system).processCount());
    }
}
