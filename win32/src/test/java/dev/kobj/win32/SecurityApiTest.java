package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.security.Identity;
import dev.kobj.api.security.Sid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two identities on one kernel: each is refused exactly what a DACL refuses it. */
@Timeout(30)
class SecurityApiTest {
    private static final Identity BOB = Identity.user(1001);
    private static final String ALICE_SID = Sid.local(Identity.FIRST_USER_RID).toString();
    private static final String BOB_SID = BOB.user().toString();

    private final Win32System system = Win32.boot();
    private final Win32Process aliceProcess = system.attach("alice.exe");
    private final Win32Process bobProcess = system.attach("bob.exe", BOB);
    private final Kernel32 alice = aliceProcess.kernel32();
    private final Kernel32 bob = bobProcess.kernel32();

    @AfterEach
    void close() {
        system.close();
    }

    private static SecurityAttributes sa(String sddl) {
        SecurityDescriptor sd = SecurityDescriptor.fromSddl(sddl);
        assertTrue(sd != null, sddl);
        return new SecurityAttributes(sd, false);
    }

    private static int granted(Win32Process process, long handle) {
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, process.ntdll().NtQueryObject(handle, 0, out, 56, null));
        return ((ObjectBasicInformation) out[0]).grantedAccess();
    }

    private static void assertDenied(Kernel32 k32, long handle) {
        assertEquals(NULL, handle);
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
    }

    private String sddl(Kernel32 k32, long handle, int information) {
        SecurityDescriptor[] sd = new SecurityDescriptor[1];
        assertTrue(k32.GetKernelObjectSecurity(handle, information, sd), "error " + k32.GetLastError());
        return sd[0].toSddl();
    }

    @Test
    void defaultSecurityKeepsOtherUsersOut() {
        long ev = alice.CreateEvent(null, true, false, "sec-default");
        assertNotEquals(NULL, ev);
        assertDenied(bob, bob.OpenEvent(SYNCHRONIZE, false, "sec-default"));
        assertDenied(bob, bob.CreateEvent(null, true, false, "sec-default")); // opening the existing one
        assertNotEquals(NULL, alice.OpenEvent(EVENT_ALL_ACCESS, false, "sec-default"));
        assertEquals("O:" + ALICE_SID + "G:" + Identity.NONE_GROUP + "D:(A;;0x1f0003;;;" + ALICE_SID
                        + ")(A;;0x1f0003;;;SY)",
                sddl(alice, ev, OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION),
                "owner and group from the token, its default DACL with generic rights mapped for the type");
    }

    @Test
    void aDenyAceForOneUserRefusesOnlyThatUserOnlyThoseRights() {
        long ev = alice.CreateEvent(sa("D:(D;;0x2;;;" + BOB_SID + ")(A;;GA;;;WD)"), true, false, "sec-deny-bob");
        assertNotEquals(NULL, ev);
        long bobSync = bob.OpenEvent(SYNCHRONIZE | EVENT_QUERY_STATE, false, "sec-deny-bob");
        assertNotEquals(NULL, bobSync);
        assertEquals(SYNCHRONIZE | EVENT_QUERY_STATE, granted(bobProcess, bobSync));
        assertDenied(bob, bob.OpenEvent(EVENT_MODIFY_STATE, false, "sec-deny-bob"));
        assertDenied(bob, bob.OpenEvent(EVENT_ALL_ACCESS, false, "sec-deny-bob"));
        long bobMax = bob.OpenEvent(MAXIMUM_ALLOWED, false, "sec-deny-bob");
        assertEquals(EVENT_ALL_ACCESS & ~EVENT_MODIFY_STATE, granted(bobProcess, bobMax));
        long aliceModify = alice.OpenEvent(EVENT_MODIFY_STATE, false, "sec-deny-bob");
        assertNotEquals(NULL, aliceModify, "the deny ACE names bob only");
        assertFalse(bob.SetEvent(bobMax));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        assertTrue(alice.SetEvent(aliceModify));
        assertEquals(WAIT_OBJECT_0, bob.WaitForSingleObject(bobSync, 0));
    }

    @Test
    void duplicatingNeverWidensAccess() {
        long ev = alice.CreateEvent(sa("D:(A;;GA;;;WD)"), true, false, "sec-dup");
        long sync = bob.OpenEvent(SYNCHRONIZE, false, "sec-dup");
        long self = bob.GetCurrentProcess();
        long[] dup = new long[1];
        assertFalse(bob.DuplicateHandle(self, sync, self, dup, EVENT_ALL_ACCESS, false, 0),
                "the DACL would allow it, but a duplicate only narrows");
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        assertEquals(NULL, dup[0]);
        assertTrue(bob.DuplicateHandle(self, sync, self, dup, 0, false, DUPLICATE_SAME_ACCESS));
        assertEquals(SYNCHRONIZE, granted(bobProcess, dup[0]));
        assertNotEquals(NULL, ev);
    }

    @Test
    void setSecurityNeedsWriteDacAndGovernsLaterOpens() {
        long ev = alice.CreateEvent(sa("D:(A;;0x120000;;;WD)"), true, false, "sec-set");
        long readOnly = bob.OpenEvent(READ_CONTROL, false, "sec-set");
        assertNotEquals(NULL, readOnly);
        assertFalse(bob.SetKernelObjectSecurity(readOnly, DACL_SECURITY_INFORMATION,
                SecurityDescriptor.fromSddl("D:(A;;GA;;;WD)")));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        assertEquals("D:(A;;0x120000;;;WD)", sddl(bob, readOnly, DACL_SECURITY_INFORMATION), "unchanged");
        assertTrue(alice.SetKernelObjectSecurity(ev, DACL_SECURITY_INFORMATION,
                SecurityDescriptor.fromSddl("D:(A;;GA;;;" + BOB_SID + ")")));
        assertEquals("D:(A;;0x1f0003;;;" + BOB_SID + ")", sddl(bob, readOnly, DACL_SECURITY_INFORMATION));
        assertNotEquals(NULL, bob.OpenEvent(EVENT_ALL_ACCESS, false, "sec-set"));
        long syncOnly = alice.OpenEvent(SYNCHRONIZE, false, "sec-set");
        assertEquals(NULL, syncOnly, "alice is no longer in the DACL and asks for more than an owner's rights");
        assertFalse(alice.GetKernelObjectSecurity(alice.OpenEvent(EVENT_MODIFY_STATE, false, "sec-set"),
                DACL_SECURITY_INFORMATION, new SecurityDescriptor[1]));
        assertEquals(ERROR_INVALID_HANDLE, alice.GetLastError());
        assertFalse(alice.SetKernelObjectSecurity(ev, DACL_SECURITY_INFORMATION, null));
        assertEquals(ERROR_INVALID_PARAMETER, alice.GetLastError());
    }

    @Test
    void processesAndTokensFollowTheirOwnersIdentity() {
        int alicePid = alice.GetCurrentProcessId();
        assertDenied(bob, bob.OpenProcess(PROCESS_QUERY_INFORMATION, false, alicePid));
        long own = alice.OpenProcess(PROCESS_QUERY_INFORMATION, false, alicePid);
        assertNotEquals(NULL, own);
        long[] token = new long[1];
        assertTrue(alice.OpenProcessToken(own, TOKEN_QUERY, token));
        assertEquals(TOKEN_QUERY, granted(aliceProcess, token[0]));
        assertFalse(alice.OpenProcessToken(token[0], TOKEN_QUERY, new long[1]), "a token is not a process");
        assertEquals(ERROR_INVALID_HANDLE, alice.GetLastError());
        long[] none = {7};
        assertFalse(alice.OpenThreadToken(alice.GetCurrentThread(), TOKEN_QUERY, true, none));
        assertEquals(ERROR_NO_TOKEN, alice.GetLastError(), "nothing impersonates");
        assertEquals(7, none[0]);
    }

    @Test
    void aChildRunsAsItsParent() {
        alice.CreateEvent(null, true, false, "sec-child");
        system.register("probe.exe", (k32, commandLine) -> {
            long h = k32.OpenEvent(SYNCHRONIZE, false, "sec-child");
            return h == NULL ? k32.GetLastError() : 0;
        });
        assertEquals(0, runChild(alice));
        assertEquals(ERROR_ACCESS_DENIED, runChild(bob));
    }

    @Test
    void processAndThreadSecurityAttributesAreHonoured() {
        system.register("idle.exe", (k32, commandLine) -> {
            k32.Sleep(INFINITE);
            return 0;
        });
        ProcessInformation pi = new ProcessInformation();
        assertTrue(alice.CreateProcess("idle.exe", null, sa("D:(A;;0x1000;;;" + BOB_SID + ")"), null, false, 0,
                null, null, null, pi));
        long limited = bob.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, false, pi.dwProcessId);
        assertNotEquals(NULL, limited, "the descriptor given to CreateProcess lets bob query");
        assertDenied(bob, bob.OpenProcess(PROCESS_TERMINATE, false, pi.dwProcessId));
        assertDenied(bob, bob.OpenThread(THREAD_QUERY_INFORMATION, false, pi.dwThreadId));
        int[] tid = new int[1];
        long worker = alice.CreateThread(sa("D:(A;;GA;;;WD)"), 0, p -> 0, 0, CREATE_SUSPENDED, tid);
        assertNotEquals(NULL, worker);
        assertNotEquals(NULL, bob.OpenThread(THREAD_ALL_ACCESS, false, tid[0]));
        assertTrue(alice.TerminateProcess(pi.hProcess, 0));
    }

    private static int runChild(Kernel32 parent) {
        ProcessInformation pi = new ProcessInformation();
        assertTrue(parent.CreateProcess("probe.exe", null, null, null, false, 0, null, null, null, pi));
        assertEquals(WAIT_OBJECT_0, parent.WaitForSingleObject(pi.hProcess, 5000));
        int[] code = new int[1];
        assertTrue(parent.GetExitCodeProcess(pi.hProcess, code));
        return code[0];
    }

    @Test
    void objectsInADirectoryInheritItsInheritableAces() {
        Ntdll nt = aliceProcess.ntdll();
        long[] dir = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateDirectoryObject(dir, DIRECTORY_ALL_ACCESS, new ObjectAttributes(0,
                "\\BaseNamedObjects\\sec-dir", 0, SecurityDescriptor.fromSddl("D:(A;OICI;GA;;;WD)(A;;GA;;;SY)"))));
        long[] ev = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateEvent(ev, EVENT_ALL_ACCESS,
                new ObjectAttributes(dir[0], "ev", 0, null), 0, false));
        assertEquals("D:AI(A;ID;0x1f0003;;;WD)", sddl(alice, ev[0], DACL_SECURITY_INFORMATION),
                "object-inherit ACEs only, marked inherited, mapped for the Event type");
        long[] sub = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateDirectoryObject(sub, DIRECTORY_ALL_ACCESS,
                new ObjectAttributes(dir[0], "sub", 0, null)));
        assertEquals("D:AI(A;ID;CCDCLCSWSDRCWDWO;;;WD)(A;OICIIOID;GA;;;WD)",
                sddl(alice, sub[0], DACL_SECURITY_INFORMATION),
                "a container splits it: mapped for itself, generic and inherit-only for its children");
        long[] deeper = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateEvent(deeper, EVENT_ALL_ACCESS,
                new ObjectAttributes(sub[0], "ev", 0, null), 0, false));
        assertEquals("D:AI(A;ID;0x1f0003;;;WD)", sddl(alice, deeper[0], DACL_SECURITY_INFORMATION));
        long[] bobEvent = new long[1];
        assertEquals(STATUS_SUCCESS, bobProcess.ntdll().NtOpenEvent(bobEvent, EVENT_MODIFY_STATE,
                new ObjectAttributes(0, "\\BaseNamedObjects\\sec-dir\\ev", 0, null)));
    }

    @Test
    void creatingInADirectoryNeedsCreateObjectOnIt() {
        long[] dir = new long[1];
        assertEquals(STATUS_SUCCESS, aliceProcess.ntdll().NtCreateDirectoryObject(dir, DIRECTORY_ALL_ACCESS,
                new ObjectAttributes(0, "\\BaseNamedObjects\\sec-private", 0, null)));
        long[] ev = {5};
        ObjectAttributes inside = new ObjectAttributes(0, "\\BaseNamedObjects\\sec-private\\ev", 0, null);
        assertEquals(STATUS_ACCESS_DENIED, bobProcess.ntdll().NtCreateEvent(ev, EVENT_ALL_ACCESS, inside, 0, false));
        assertEquals(NULL, ev[0]);
        assertEquals(STATUS_SUCCESS, aliceProcess.ntdll().NtCreateEvent(ev, EVENT_ALL_ACCESS, inside, 0, false));
    }

    @Test
    void malformedSddlIsNull() {
        assertNull(SecurityDescriptor.fromSddl("D:(A;;GA;;;NOPE)"));
        assertNull(SecurityDescriptor.fromSddl(null));
        assertEquals("D:NO_ACCESS_CONTROL", SecurityDescriptor.fromSddl("D:NO_ACCESS_CONTROL").toSddl());
    }
}
