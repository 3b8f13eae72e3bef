package dev.kobj.hardening;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.fs.VolumeConfig;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Identity;
import dev.kobj.api.sync.SyncService;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ObjectBasicInformation;
import dev.kobj.win32.SecurityAttributes;
import dev.kobj.win32.SecurityDescriptor;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32Process;
import dev.kobj.win32.Win32System;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundaries a kernel keeps between programs: handle values mean nothing in another process,
 * access is never widened by duplicating or opening, a deny ACE wins, sessions see only their own
 * names (and {@code Global\}), and a host-directory volume never reaches outside its root.
 */
@Timeout(30)
class SecurityBoundaryTest {
    private static final Identity BOB = Identity.user(1001);
    private static final String BOB_SID = BOB.user().toString();

    private final Kernel kernel = Kernels.boot();
    private final Win32System system = Win32.boot(kernel);
    private final Win32Process aliceProcess = system.attach("alice.exe");
    private final Win32Process bobProcess = system.attach("bob.exe", BOB);
    private final Kernel32 alice = aliceProcess.kernel32();
    private final Kernel32 bob = bobProcess.kernel32();

    @AfterEach
    void close() {
        system.close();
        kernel.close();
    }

    private static int granted(Win32Process process, long handle) {
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, process.ntdll().NtQueryObject(handle, ObjectBasicInformation, out, 56, null));
        return ((ObjectBasicInformation) out[0]).grantedAccess();
    }

    private static SecurityAttributes sa(String sddl) {
        SecurityDescriptor sd = SecurityDescriptor.fromSddl(sddl);
        assertTrue(sd != null, sddl);
        return new SecurityAttributes(sd, false);
    }

    private long eventState(Kernel32 k32, long event) {
        return k32.WaitForSingleObject(event, 0);
    }

    @Test
    void handleValuesMeanNothingInAnotherProcess() {
        long mine = alice.CreateEvent(null, true, false, null);
        assertFalse(bob.SetEvent(mine), "bob has nothing at alice's value");
        assertEquals(ERROR_INVALID_HANDLE, bob.GetLastError());
        assertFalse(bob.CloseHandle(mine));
        assertEquals(ERROR_INVALID_HANDLE, bob.GetLastError());
        // The same value in bob's table is bob's own object.
        long his = 0;
        for (int i = 0; i < 64 && his != mine; i++) {
            his = bob.CreateEvent(null, true, false, null);
        }
        assertEquals(mine, his, "bob's table reached alice's value");
        assertTrue(bob.SetEvent(his));
        assertEquals(WAIT_TIMEOUT, eventState(alice, mine), "alice's event is untouched");
        assertTrue(bob.CloseHandle(his));
        assertEquals(WAIT_TIMEOUT, eventState(alice, mine), "and still open");
        assertTrue(alice.SetEvent(mine));
    }

    @Test
    void duplicatingNeverWidensAccess() {
        long full = alice.CreateEvent(null, true, false, null);
        long[] weak = new long[1];
        assertTrue(alice.DuplicateHandle(-1, full, -1, weak, SYNCHRONIZE, false, 0));
        assertEquals(SYNCHRONIZE, granted(aliceProcess, weak[0]));
        long[] out = {99};
        for (int wider : new int[] {EVENT_ALL_ACCESS, EVENT_MODIFY_STATE, GENERIC_ALL, GENERIC_WRITE, WRITE_DAC}) {
            assertFalse(alice.DuplicateHandle(-1, weak[0], -1, out, wider, false, 0), "asking " + wider);
            assertEquals(ERROR_ACCESS_DENIED, alice.GetLastError());
            assertEquals(0, out[0]);
        }
        assertTrue(alice.DuplicateHandle(-1, weak[0], -1, out, MAXIMUM_ALLOWED, false, 0));
        assertEquals(SYNCHRONIZE, granted(aliceProcess, out[0]), "MAXIMUM_ALLOWED is the source's access");
        assertEquals(NULL, alice.OpenProcess(PROCESS_DUP_HANDLE, false, bobProcess.id()), "bob's process is bob's");
        assertEquals(ERROR_ACCESS_DENIED, alice.GetLastError());
        Win32Process secondProcess = system.attach("alice2.exe");
        Kernel32 second = secondProcess.kernel32();
        long target = alice.OpenProcess(PROCESS_DUP_HANDLE, false, secondProcess.id());
        assertNotEquals(NULL, target);
        long[] there = new long[1];
        assertTrue(alice.DuplicateHandle(-1, weak[0], target, there, 0, false, DUPLICATE_SAME_ACCESS));
        assertEquals(SYNCHRONIZE, granted(secondProcess, there[0]));
        assertFalse(second.SetEvent(there[0]));
        assertEquals(ERROR_ACCESS_DENIED, second.GetLastError());
        assertFalse(second.DuplicateHandle(-1, there[0], -1, out, EVENT_MODIFY_STATE, false, 0));
        assertEquals(ERROR_ACCESS_DENIED, second.GetLastError(), "the receiver cannot widen what it was given");
        // A handle to a process with only DUP_HANDLE gives no other right on it.
        assertFalse(alice.TerminateProcess(target, 1));
        assertEquals(ERROR_ACCESS_DENIED, alice.GetLastError());
    }

    @Test
    void openingGrantsOnlyWhatTheDaclAllows() {
        long ev = alice.CreateEvent(sa("D:(A;;0x100000;;;WD)"), true, false, "sync-only");
        assertNotEquals(NULL, ev);
        assertEquals(NULL, bob.OpenEvent(EVENT_MODIFY_STATE, false, "sync-only"));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        assertEquals(NULL, bob.OpenEvent(EVENT_ALL_ACCESS, false, "sync-only"));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        long sync = bob.OpenEvent(MAXIMUM_ALLOWED, false, "sync-only");
        assertNotEquals(NULL, sync);
        assertEquals(SYNCHRONIZE, granted(bobProcess, sync));
        // A create of the existing name is an open, checked the same way.
        assertEquals(NULL, bob.CreateEvent(null, true, false, "sync-only"));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
    }

    @Test
    void aDenyAceWinsOverALaterAllow() {
        alice.CreateMutex(sa("D:(D;;0x1;;;" + BOB_SID + ")(A;;GA;;;WD)"), false, "deny-first");
        assertEquals(NULL, bob.OpenMutex(MUTEX_MODIFY_STATE, false, "deny-first"));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        assertEquals(NULL, bob.OpenMutex(MUTEX_ALL_ACCESS, false, "deny-first"));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        long h = bob.OpenMutex(MAXIMUM_ALLOWED, false, "deny-first");
        assertNotEquals(NULL, h);
        assertEquals(0, granted(bobProcess, h) & MUTEX_MODIFY_STATE, "the denied bit is never granted");
        assertEquals(MUTEX_ALL_ACCESS & ~MUTEX_MODIFY_STATE, granted(bobProcess, h));
        // Everyone denied: the group ACE denies bob whatever a later ACE for him says.
        alice.CreateSemaphore(sa("D:(D;;GA;;;WD)(A;;GA;;;" + BOB_SID + ")"), 0, 1, "deny-everyone");
        assertEquals(NULL, bob.OpenSemaphore(SYNCHRONIZE, false, "deny-everyone"));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
        assertEquals(NULL, bob.OpenSemaphore(MAXIMUM_ALLOWED, false, "deny-everyone"));
        assertEquals(ERROR_ACCESS_DENIED, bob.GetLastError());
    }

    @Test
    void localNamesStayInTheirSessionGlobalOnesAreShared() {
        long local = alice.CreateEvent(null, true, false, "scoped");
        long global = alice.CreateEvent(null, true, false, "Global\\scoped");
        assertFalse(alice.CompareObjectHandles(local, global), "Global\\ is another namespace");
        long viaLocal = alice.OpenEvent(SYNCHRONIZE, false, "Local\\scoped");
        assertTrue(alice.CompareObjectHandles(local, viaLocal), "Local\\ is the session's own");

        // A process of session 2 (made through the kernel API: Win32 processes all run in session 1).
        SyncService sync = kernel.service(SyncService.class).orElseThrow();
        KProcess other = kernel.processes().createProcess("session2.exe", 2);
        KThread caller = kernel.processes().adoptThread(other, Thread.currentThread());
        String session2 = kernel.service(dev.kobj.api.object.ObjectManager.class).orElseThrow().baseNamedObjects(2);
        long[] h = new long[1];
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, sync.openEvent(caller,
                new ObjectAttributes(0, session2 + "\\scoped", 0), SYNCHRONIZE, h), "session 1's name is not in session 2");
        assertEquals(STATUS_SUCCESS, sync.openEvent(caller,
                new ObjectAttributes(0, "\\BaseNamedObjects\\scoped", 0), EVENT_MODIFY_STATE, h));
        assertEquals(STATUS_SUCCESS, sync.setEvent(caller, h[0], null));
        assertEquals(WAIT_OBJECT_0, alice.WaitForSingleObject(global, 0), "session 2 signalled the global one");
        assertEquals(WAIT_TIMEOUT, alice.WaitForSingleObject(local, 0), "and not the local one");
        long[] own = new long[1];
        assertEquals(STATUS_SUCCESS, sync.createEvent(caller, new ObjectAttributes(0, session2 + "\\scoped", 0),
                EVENT_ALL_ACCESS, NotificationEvent, true, own), "session 2 gets its own 'scoped'");
        assertEquals(WAIT_TIMEOUT, alice.WaitForSingleObject(local, 0));
        kernel.processes().endProcess(other, 0);
    }

    @Test
    void aHostDirectoryVolumeNeverReachesOutsideItsRoot(@TempDir Path temp) throws IOException {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET");
        Path outsideDir = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outsideDir.resolve("inner.txt"), "TOP-SECRET");
        Files.writeString(root.resolve("inside.txt"), "inside");
        boolean links = true;
        try {
            Files.createSymbolicLink(root.resolve("link.txt"), secret);
            Files.createSymbolicLink(root.resolve("linkdir"), outsideDir);
        } catch (UnsupportedOperationException | IOException e) {
            links = false;
        }
        try (Kernel sandboxed = Kernels.boot(KernelConfig.defaults().withVolumes(VolumeConfig.hostDirectory('D', root)));
                Win32System sys = Win32.boot(sandboxed)) {
            Kernel32 k = sys.attach("sandboxed.exe").kernel32();
            List<String> escapes = List.of("D:\\..\\secret.txt", "D:\\..\\..\\secret.txt", "D:/../secret.txt",
                    "\\\\?\\D:\\..\\secret.txt", "\\\\.\\D:\\..\\secret.txt", "\\\\?\\D:\\inside.txt\\..\\..\\secret.txt",
                    "\\\\?\\D:\\.\\..\\secret.txt", "\\\\?\\D:\\..\\outside\\inner.txt", "D:\\link.txt",
                    "D:\\linkdir\\inner.txt", "\\\\?\\D:\\linkdir\\..\\..\\secret.txt", "\\\\?\\D:\\..",
                    "\\\\?\\D:\\" + temp.toAbsolutePath(), "D:\\" + secret.toAbsolutePath());
            for (String name : escapes) {
                for (int disposition : new int[] {OPEN_EXISTING, OPEN_ALWAYS, CREATE_ALWAYS}) {
                    k.SetLastError(0);
                    long h = k.CreateFile(name, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, null, disposition,
                            FILE_ATTRIBUTE_NORMAL, NULL);
                    String what = name + " disposition " + disposition;
                    if (h == INVALID_HANDLE_VALUE) {
                        assertTrue(Documented.error(k.GetLastError()), what + ": error " + k.GetLastError());
                        continue;
                    }
                    byte[] buffer = new byte[64];
                    int[] read = new int[1];
                    assertTrue(k.ReadFile(h, buffer, buffer.length, read, null), what);
                    assertFalse(new String(buffer, 0, read[0], StandardCharsets.UTF_8).contains("TOP-SECRET"),
                            what + " read the secret outside the root");
                    assertTrue(k.WriteFile(h, "pwned".getBytes(StandardCharsets.UTF_8), 5, read, null));
                    assertTrue(k.CloseHandle(h));
                }
                assertFalse(k.DeleteFile(name) && !Files.exists(secret), name + " deleted the outside file");
                k.CreateDirectory(name + "-dir", null);
            }
            assertEquals("TOP-SECRET", Files.readString(secret), "the outside file is untouched");
            assertEquals("TOP-SECRET", Files.readString(outsideDir.resolve("inner.txt")));
            try (var siblings = Files.list(temp)) {
                assertEquals(links ? 3 : 3, siblings.count(), "nothing was created beside the root");
            }
            assertTrue(links || true);
        }
    }
}
