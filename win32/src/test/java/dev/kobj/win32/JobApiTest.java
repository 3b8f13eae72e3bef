package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Jobs: membership, nesting, inheritance, termination, limits and accounting. */
@Timeout(30)
class JobApiTest {
    private static final int ERROR_NOT_ENOUGH_QUOTA = 1816;
    private static final int ERROR_BAD_LENGTH = 24;

    private final Win32System system = Win32.boot();
    private final Kernel32 k32 = system.attach("parent.exe").kernel32();

    JobApiTest() {
        k32.CreateEvent(null, true, false, "job-gate");
        system.register("waiter.exe", (self, cmd) ->
                self.WaitForSingleObject(self.OpenEvent(SYNCHRONIZE, false, "job-gate"), 10_000) == WAIT_OBJECT_0 ? 0 : 1);
        system.register("spawner.exe", (self, cmd) -> {
            ProcessInformation pi = new ProcessInformation();
            int flags = cmd.contains("breakaway") ? CREATE_BREAKAWAY_FROM_JOB : 0;
            if (!self.CreateProcess("waiter.exe", null, null, null, false, flags, null, null, null, pi)) {
                return 100 + self.GetLastError();
            }
            boolean[] in = new boolean[1];
            self.IsProcessInJob(pi.hProcess, 0, in);
            return in[0] ? 1 : 2;
        });
    }

    @AfterEach
    void close() {
        k32.SetEvent(k32.OpenEvent(EVENT_MODIFY_STATE, false, "job-gate"));
        system.close();
    }

    private ProcessInformation spawn(String image) {
        ProcessInformation pi = new ProcessInformation();
        assertTrue(k32.CreateProcess(image, image, null, null, false, CREATE_SUSPENDED, null, null, null, pi),
                "CreateProcess: " + k32.GetLastError());
        return pi;
    }

    private int exitCode(long process) {
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(process, 5000));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeProcess(process, code));
        return code[0];
    }

    private JobObjectBasicAccountingInformation accounting(long job) {
        Record[] out = new Record[1];
        int[] length = new int[1];
        assertTrue(k32.QueryInformationJobObject(job, JobObjectBasicAccountingInformation, out, length));
        assertEquals(48, length[0]);
        return (JobObjectBasicAccountingInformation) out[0];
    }

    private static JobObjectBasicLimitInformation limits(int flags, int activeProcesses) {
        return new JobObjectBasicLimitInformation(0, 0, flags, 0, 0, activeProcesses, 0, 0, 0);
    }

    @Test
    void terminateJobEndsEveryMemberWithTheCodeAndSignalsTheJob() {
        long job = k32.CreateJobObject(null, null);
        ProcessInformation a = spawn("waiter.exe");
        ProcessInformation b = spawn("waiter.exe");
        assertTrue(k32.AssignProcessToJobObject(job, a.hProcess));
        assertTrue(k32.AssignProcessToJobObject(job, b.hProcess));
        assertTrue(k32.AssignProcessToJobObject(job, b.hProcess), "again: a no-op");
        assertEquals(2, accounting(job).totalProcesses());
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(job, 0));
        assertTrue(k32.TerminateJobObject(job, 77));
        assertEquals(77, exitCode(a.hProcess));
        assertEquals(77, exitCode(b.hProcess));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(job, 0), "a terminated job is signalled");
        JobObjectBasicAccountingInformation info = accounting(job);
        assertEquals(2, info.totalProcesses());
        assertEquals(0, info.activeProcesses());
    }

    @Test
    void childrenJoinTheirParentsJobUnlessTheyMayBreakAway() {
        long job = k32.CreateJobObject(null, null);
        ProcessInformation spawner = spawn("spawner.exe");
        assertTrue(k32.AssignProcessToJobObject(job, spawner.hProcess));
        assertEquals(1, k32.ResumeThread(spawner.hThread));
        assertEquals(1, exitCode(spawner.hProcess), "the grandchild was in the job");
        assertEquals(2, accounting(job).totalProcesses());

        ProcessInformation refused = spawn("spawner.exe");
        ProcessInformation breakaway = new ProcessInformation();
        assertTrue(k32.CreateProcess("spawner.exe", "spawner.exe breakaway", null, null, false, CREATE_SUSPENDED, null,
                null, null, breakaway));
        assertTrue(k32.AssignProcessToJobObject(job, breakaway.hProcess));
        k32.ResumeThread(breakaway.hThread);
        assertEquals(100 + ERROR_ACCESS_DENIED, exitCode(breakaway.hProcess), "no BREAKAWAY_OK");
        assertFalse(k32.SetInformationJobObject(job, JobObjectBasicLimitInformation,
                limits(JOB_OBJECT_LIMIT_BREAKAWAY_OK, 0)), "an extended flag");
        assertTrue(k32.SetInformationJobObject(job, JobObjectExtendedLimitInformation,
                new JobObjectExtendedLimitInformation(limits(JOB_OBJECT_LIMIT_BREAKAWAY_OK, 0), 0, 0, 0, 0)));
        assertTrue(k32.AssignProcessToJobObject(job, refused.hProcess));
        assertTrue(k32.TerminateProcess(refused.hProcess, 0));
        ProcessInformation allowed = new ProcessInformation();
        assertTrue(k32.CreateProcess("spawner.exe", "spawner.exe breakaway", null, null, false, CREATE_SUSPENDED,
                null, null, null, allowed));
        assertTrue(k32.AssignProcessToJobObject(job, allowed.hProcess));
        k32.ResumeThread(allowed.hThread);
        assertEquals(2, exitCode(allowed.hProcess), "broke away with BREAKAWAY_OK");
    }

    @Test
    void anActiveProcessLimitRefusesAndEndsTheProcessOverIt() {
        long job = k32.CreateJobObject(null, null);
        assertTrue(k32.SetInformationJobObject(job, JobObjectBasicLimitInformation,
                limits(JOB_OBJECT_LIMIT_ACTIVE_PROCESS, 1)));
        ProcessInformation first = spawn("waiter.exe");
        ProcessInformation second = spawn("waiter.exe");
        assertTrue(k32.AssignProcessToJobObject(job, first.hProcess));
        assertFalse(k32.AssignProcessToJobObject(job, second.hProcess));
        assertEquals(ERROR_NOT_ENOUGH_QUOTA, k32.GetLastError());
        assertEquals(ERROR_NOT_ENOUGH_QUOTA, exitCode(second.hProcess));
        JobObjectBasicAccountingInformation info = accounting(job);
        assertEquals(1, info.totalProcesses());
        assertEquals(1, info.activeProcesses());
        assertEquals(1, info.totalTerminatedProcesses());
        Record[] out = new Record[1];
        assertTrue(k32.QueryInformationJobObject(job, JobObjectBasicLimitInformation, out, null));
        assertEquals(1, ((JobObjectBasicLimitInformation) out[0]).activeProcessLimit());
    }

    @Test
    void killOnJobCloseEndsTheMembersWithTheLastHandle() {
        long job = k32.CreateJobObject(null, "job-kill");
        long second = k32.OpenJobObject(JOB_OBJECT_QUERY, false, "job-kill");
        assertTrue(k32.SetInformationJobObject(job, JobObjectExtendedLimitInformation,
                new JobObjectExtendedLimitInformation(limits(JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, 0), 0, 0, 0, 0)));
        ProcessInformation member = spawn("waiter.exe");
        assertTrue(k32.AssignProcessToJobObject(job, member.hProcess));
        assertTrue(k32.CloseHandle(job));
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(member.hProcess, 50), "one handle is left");
        assertTrue(k32.CloseHandle(second));
        assertEquals(0, exitCode(member.hProcess));
    }

    @Test
    void nestedJobsFollowWindows8Rules() {
        long outer = k32.CreateJobObject(null, null);
        long inner = k32.CreateJobObject(null, null);
        long other = k32.CreateJobObject(null, null);
        ProcessInformation p = spawn("waiter.exe");
        ProcessInformation q = spawn("waiter.exe");
        assertTrue(k32.AssignProcessToJobObject(outer, p.hProcess));
        assertTrue(k32.AssignProcessToJobObject(inner, p.hProcess), "a fresh job nests below");
        boolean[] in = new boolean[1];
        assertTrue(k32.IsProcessInJob(p.hProcess, outer, in));
        assertTrue(in[0], "a member of the child counts in the parent");
        assertTrue(k32.AssignProcessToJobObject(other, q.hProcess));
        assertFalse(k32.AssignProcessToJobObject(other, p.hProcess), "other has had processes");
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertTrue(k32.TerminateJobObject(outer, 5));
        assertEquals(5, exitCode(p.hProcess), "terminating the parent ends the child job's members");
        assertEquals(1, accounting(inner).totalProcesses());
        assertEquals(1, accounting(outer).totalProcesses());
    }

    @Test
    void messagesGoToTheAssociatedPortWithTheKeyAndTheProcessId() {
        long job = k32.CreateJobObject(null, null);
        ProcessInformation early = spawn("waiter.exe");
        assertTrue(k32.AssignProcessToJobObject(job, early.hProcess));
        long port = k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 1);
        assertTrue(k32.SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation,
                new JobObjectAssociateCompletionPort(0x77, port)));
        assertFalse(k32.SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation,
                new JobObjectAssociateCompletionPort(0x78, port)), "once only");
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        expect(port, JOB_OBJECT_MSG_NEW_PROCESS, early.dwProcessId); // posted for a member already running
        ProcessInformation late = spawn("waiter.exe");
        assertTrue(k32.AssignProcessToJobObject(job, late.hProcess));
        expect(port, JOB_OBJECT_MSG_NEW_PROCESS, late.dwProcessId);
        assertTrue(k32.TerminateProcess(early.hProcess, 0xC0000005));
        expect(port, JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS, early.dwProcessId);
        assertTrue(k32.TerminateProcess(late.hProcess, 3));
        expect(port, JOB_OBJECT_MSG_EXIT_PROCESS, late.dwProcessId);
        expect(port, JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO, 0);
    }

    private void expect(long port, int message, int processId) {
        int[] bytes = new int[1];
        long[] key = new long[1];
        Overlapped[] overlapped = new Overlapped[1];
        assertTrue(k32.GetQueuedCompletionStatus(port, bytes, key, overlapped, 5000), "no message " + message);
        assertEquals(message, bytes[0]);
        assertEquals(0x77, key[0]);
        assertEquals(processId, overlapped[0] == null ? 0 : overlapped[0].internal);
    }

    /** spin.exe burns CPU on its thread, calling into kobj now and then (where a termination takes effect). */
    private static void registerSpin(Win32System platform) {
        platform.register("spin.exe", (self, cmd) -> {
            long sum = 0;
            while (sum != 42) {
                for (int i = 0; i < 1_000_000; i++) {
                    sum += i ^ sum;
                }
                self.GetCurrentProcessId();
            }
            return 0;
        });
    }

    @Test
    void aProcessOverItsCpuTimeLimitIsEndedAndReported() throws Exception {
        // CPU time is measured on platform threads only: a kernel whose threads are platform threads
        try (dev.kobj.api.Kernel kernel = dev.kobj.api.Kernels.boot(dev.kobj.api.KernelConfig.defaults()
                .withThreads(dev.kobj.api.KernelConfig.ThreadKind.PLATFORM));
                Win32System platform = Win32.boot(kernel)) {
            registerSpin(platform);
            Kernel32 k = platform.attach("parent.exe").kernel32();
            long job = k.CreateJobObject(null, null);
            assertTrue(k.SetInformationJobObject(job, JobObjectBasicLimitInformation,
                    new JobObjectBasicLimitInformation(2_000_000, 0, JOB_OBJECT_LIMIT_PROCESS_TIME, 0, 0, 0, 0, 0, 0)));
            long port = k.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 1);
            assertTrue(k.SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation,
                    new JobObjectAssociateCompletionPort(0x77, port)));
            ProcessInformation pi = new ProcessInformation();
            assertTrue(k.CreateProcess("spin.exe", "spin.exe", null, null, false, CREATE_SUSPENDED, null, null, null,
                    pi));
            assertTrue(k.AssignProcessToJobObject(job, pi.hProcess));
            k.ResumeThread(pi.hThread);
            assertEquals(WAIT_OBJECT_0, k.WaitForSingleObject(pi.hProcess, 20_000), "ended by the 200 ms limit");
            int[] code = new int[1];
            assertTrue(k.GetExitCodeProcess(pi.hProcess, code));
            assertEquals(ERROR_NOT_ENOUGH_QUOTA, code[0]);
            Record[] out = new Record[1];
            assertTrue(k.QueryInformationJobObject(job, JobObjectBasicAccountingInformation, out, null));
            JobObjectBasicAccountingInformation info = (JobObjectBasicAccountingInformation) out[0];
            assertEquals(1, info.totalTerminatedProcesses());
            assertTrue(info.totalUserTime() >= 2_000_000, "user time " + info.totalUserTime());
            int[] message = new int[1];
            long[] key = new long[1];
            Overlapped[] overlapped = new Overlapped[1];
            boolean sawLimit = false;
            while (k.GetQueuedCompletionStatus(port, message, key, overlapped, 2000)) {
                sawLimit |= message[0] == JOB_OBJECT_MSG_END_OF_PROCESS_TIME && overlapped[0].internal == pi.dwProcessId;
            }
            assertTrue(sawLimit, "END_OF_PROCESS_TIME with the process id");
        }
    }

    @Test
    void aJobOverItsCpuTimeLimitHasEveryProcessEndedAndIsSignalled() throws Exception {
        try (dev.kobj.api.Kernel kernel = dev.kobj.api.Kernels.boot(dev.kobj.api.KernelConfig.defaults()
                .withThreads(dev.kobj.api.KernelConfig.ThreadKind.PLATFORM));
                Win32System platform = Win32.boot(kernel)) {
            registerSpin(platform);
            platform.register("idle.exe", (self, cmd) -> self.WaitForSingleObject(self.GetCurrentProcess(), 20_000));
            Kernel32 k = platform.attach("parent.exe").kernel32();
            long job = k.CreateJobObject(null, null);
            assertTrue(k.SetInformationJobObject(job, JobObjectBasicLimitInformation,
                    new JobObjectBasicLimitInformation(0, 2_000_000, JOB_OBJECT_LIMIT_JOB_TIME, 0, 0, 0, 0, 0, 0)));
            long port = k.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 1);
            assertTrue(k.SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation,
                    new JobObjectAssociateCompletionPort(0x77, port)));
            ProcessInformation idle = new ProcessInformation();
            ProcessInformation spin = new ProcessInformation();
            assertTrue(k.CreateProcess("idle.exe", "idle.exe", null, null, false, CREATE_SUSPENDED, null, null, null,
                    idle));
            assertTrue(k.CreateProcess("spin.exe", "spin.exe", null, null, false, CREATE_SUSPENDED, null, null, null,
                    spin));
            assertTrue(k.AssignProcessToJobObject(job, idle.hProcess));
            assertTrue(k.AssignProcessToJobObject(job, spin.hProcess));
            k.ResumeThread(idle.hThread);
            k.ResumeThread(spin.hThread);
            assertEquals(WAIT_OBJECT_0, k.WaitForSingleObject(job, 20_000), "the job is signalled");
            assertEquals(WAIT_OBJECT_0, k.WaitForSingleObject(idle.hProcess, 5000), "every process ended, idle too");
            assertEquals(WAIT_OBJECT_0, k.WaitForSingleObject(spin.hProcess, 5000));
            int[] message = new int[1];
            long[] key = new long[1];
            Overlapped[] overlapped = new Overlapped[1];
            boolean sawEnd = false;
            while (k.GetQueuedCompletionStatus(port, message, key, overlapped, 1000)) {
                sawEnd |= message[0] == JOB_OBJECT_MSG_END_OF_JOB_TIME;
            }
            assertTrue(sawEnd, "END_OF_JOB_TIME");
        }
    }

    @Test
    void memoryLimitsRefuseSectionsThatWouldCommitTooMuch() {
        long job = k32.CreateJobObject(null, null);
        long port = k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 1);
        assertTrue(k32.SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation,
                new JobObjectAssociateCompletionPort(0x77, port)));
        assertTrue(k32.SetInformationJobObject(job, JobObjectExtendedLimitInformation,
                new JobObjectExtendedLimitInformation(limits(JOB_OBJECT_LIMIT_PROCESS_MEMORY, 0), 1 << 20, 0, 0, 0)));
        assertTrue(k32.AssignProcessToJobObject(job, k32.GetCurrentProcess()));
        int me = k32.GetCurrentProcessId();
        expect(port, JOB_OBJECT_MSG_NEW_PROCESS, me);
        long half = k32.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1 << 19, null);
        assertNotEquals(NULL, half, "512 KiB of the 1 MiB a process may commit");
        assertEquals(NULL, k32.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1 << 20, null));
        assertEquals(1455, k32.GetLastError(), "ERROR_COMMITMENT_LIMIT");
        expect(port, 9, me); // JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT
        assertTrue(k32.CloseHandle(half));
        assertNotEquals(NULL, k32.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1 << 20, null),
                "the closed section gave its charge back");
        assertTrue(k32.SetInformationJobObject(job, JobObjectExtendedLimitInformation,
                new JobObjectExtendedLimitInformation(limits(JOB_OBJECT_LIMIT_JOB_MEMORY, 0), 0, 3 << 19, 0, 0)));
        assertEquals(NULL, k32.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1 << 20, null),
                "1 MiB committed, 1 more would pass the job's 1.5 MiB");
        assertEquals(1455, k32.GetLastError());
        expect(port, 10, me); // JOB_OBJECT_MSG_JOB_MEMORY_LIMIT
    }

    @Test
    void badInputGetsTheWindowsErrors() {
        long job = k32.CreateJobObject(null, null);
        assertFalse(k32.SetInformationJobObject(job, JobObjectBasicLimitInformation, limits(0x2000, 0)));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError(), "KILL_ON_JOB_CLOSE needs the extended class");
        assertFalse(k32.SetInformationJobObject(job, JobObjectBasicLimitInformation,
                new JobObjectAssociateCompletionPort(0, 0)));
        assertEquals(ERROR_BAD_LENGTH, k32.GetLastError());
        long readOnly = k32.OpenJobObject(JOB_OBJECT_QUERY, false, "missing");
        assertEquals(NULL, readOnly);
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        long named = k32.CreateJobObject(null, "job-ro");
        long query = k32.OpenJobObject(JOB_OBJECT_QUERY, false, "job-ro");
        assertFalse(k32.TerminateJobObject(query, 1));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertFalse(k32.AssignProcessToJobObject(query, k32.GetCurrentProcess()));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertFalse(k32.AssignProcessToJobObject(named, job));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError(), "a job is not a process");
        assertNotEquals(NULL, named);
    }
}
