package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handle, query, directory and link calls of the contract, on objects the core owns. */
class HandleApiTest {
    private final Win32System system = Win32.boot();
    private final Win32Process process = system.attach("test.exe");
    private final Kernel32 k32 = process.kernel32();
    private final Ntdll nt = process.ntdll();

    @AfterEach
    void close() {
        system.close();
    }

    private long directory(String name) {
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateDirectoryObject(h, DIRECTORY_ALL_ACCESS,
                new ObjectAttributes(0, name, 0, null)));
        return h[0];
    }

    @Test
    void closeHandleSetsInvalidHandleOnSecondClose() {
        long h = directory(null);
        assertTrue(k32.CloseHandle(h));
        k32.SetLastError(0xdead);
        assertFalse(k32.CloseHandle(h));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertEquals(STATUS_INVALID_HANDLE, nt.NtClose(h));
        assertTrue(k32.CloseHandle(k32.GetCurrentProcess()), "closing a pseudo-handle is a no-op");
    }

    @Test
    void handleFlagInformationIsReadAndSetThroughNtCalls() {
        long ev = k32.CreateEvent(new SecurityAttributes(null, true), true, false, null);
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(ev, ObjectHandleFlagInformation, out, 2, null));
        assertEquals(new ObjectHandleFlagInformation(true, false), out[0]);
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, nt.NtQueryObject(ev, ObjectHandleFlagInformation, out, 4, null));
        assertEquals(STATUS_SUCCESS, nt.NtSetInformationObject(ev, ObjectHandleFlagInformation,
                new ObjectHandleFlagInformation(false, true), 2));
        int[] flags = new int[1];
        assertTrue(k32.GetHandleInformation(ev, flags));
        assertEquals(HANDLE_FLAG_PROTECT_FROM_CLOSE, flags[0]);
        assertEquals(STATUS_INVALID_HANDLE, nt.NtSetInformationObject(0x7770, ObjectHandleFlagInformation,
                new ObjectHandleFlagInformation(false, false), 2));
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, nt.NtSetInformationObject(ev, ObjectHandleFlagInformation,
                new ObjectHandleFlagInformation(false, false), 1));
        assertEquals(STATUS_SUCCESS, nt.NtSetInformationObject(ev, ObjectHandleFlagInformation,
                new ObjectHandleFlagInformation(false, false), 2));
        assertTrue(k32.CloseHandle(ev));
    }

    @Test
    void protectedHandleIsNotClosable() {
        long h = directory(null);
        assertTrue(k32.SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE));
        int[] flags = new int[1];
        assertTrue(k32.GetHandleInformation(h, flags));
        assertEquals(HANDLE_FLAG_PROTECT_FROM_CLOSE, flags[0]);
        assertFalse(k32.CloseHandle(h));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, nt.NtClose(h));
        assertTrue(k32.SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE | HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT));
        assertTrue(k32.GetHandleInformation(h, flags));
        assertEquals(HANDLE_FLAG_INHERIT, flags[0]);
        assertTrue(k32.CloseHandle(h));
    }

    @Test
    void duplicateIntoAnotherProcessAndCompare() {
        Win32Process other = system.attach("other.exe");
        long h = directory(null);
        long target = 0;
        long[] dup = new long[1];
        // Without a handle to the other process only the current one can be named.
        assertFalse(k32.DuplicateHandle(k32.GetCurrentProcess(), h, 0x7770, dup, 0, false, DUPLICATE_SAME_ACCESS));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertEquals(0, dup[0]);
        assertTrue(k32.DuplicateHandle(k32.GetCurrentProcess(), h, k32.GetCurrentProcess(), dup, DIRECTORY_QUERY, true, 0));
        assertTrue(k32.CompareObjectHandles(h, dup[0]));
        int[] flags = new int[1];
        assertTrue(k32.GetHandleInformation(dup[0], flags));
        assertEquals(HANDLE_FLAG_INHERIT, flags[0]);
        long second = directory(null);
        assertFalse(k32.CompareObjectHandles(h, second));
        assertEquals(ERROR_NOT_SAME_OBJECT, k32.GetLastError());
        assertNotEquals(other.id(), process.id());
        assertEquals(target, 0);
    }

    @Test
    void queryObjectShapesAndLengths() {
        long h = directory("\\BaseNamedObjects\\kobj-q");
        Object[] out = new Object[1];
        int[] len = new int[1];
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(h, ObjectBasicInformation, out, 56, len));
        ObjectBasicInformation basic = assertInstanceOf(ObjectBasicInformation.class, out[0]);
        assertEquals(DIRECTORY_ALL_ACCESS, basic.grantedAccess());
        assertEquals(1, basic.handleCount());
        assertTrue(basic.pointerCount() >= basic.handleCount());
        assertEquals(56, len[0]);
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, nt.NtQueryObject(h, ObjectBasicInformation, new Object[1], 55, len));
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(h, ObjectNameInformation, out, 1024, len));
        assertEquals("\\BaseNamedObjects\\kobj-q", out[0]);
        assertEquals(16 + 2 * ("\\BaseNamedObjects\\kobj-q".length() + 1), len[0]);
        assertEquals(STATUS_BUFFER_OVERFLOW, nt.NtQueryObject(h, ObjectNameInformation, new Object[1], 20, len));
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, nt.NtQueryObject(h, ObjectNameInformation, new Object[1], 8, len));
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(h, ObjectTypeInformation, out, 1024, len));
        ObjectTypeInformation type = assertInstanceOf(ObjectTypeInformation.class, out[0]);
        assertEquals("Directory", type.typeName());
        assertEquals(DIRECTORY_ALL_ACCESS, type.validAccessMask());
        assertTrue(type.totalNumberOfObjects() > 5, "the standard directories count too");
        assertEquals(STATUS_INVALID_INFO_CLASS, nt.NtQueryObject(h, 77, out, 1024, len));
        assertEquals(STATUS_INVALID_HANDLE, nt.NtQueryObject(0x7770, ObjectBasicInformation, out, 56, len));
        assertEquals(STATUS_SUCCESS, nt.NtQueryObject(k32.GetCurrentProcess(), ObjectTypeInformation, out, 1024, null));
        assertEquals("Process", ((ObjectTypeInformation) out[0]).typeName());
    }

    @Test
    void directoryEnumerationCountsBytesAsWindowsDoes() {
        long dir = directory("\\BaseNamedObjects\\kobj-enum");
        for (String name : new String[] {"a", "bb", "ccc"}) {
            long[] child = new long[1];
            assertEquals(STATUS_SUCCESS, nt.NtCreateDirectoryObject(child, DIRECTORY_ALL_ACCESS,
                    new ObjectAttributes(dir, name, 0, null)));
        }
        Object[] buffer = new Object[8];
        int[] context = new int[1];
        int[] size = new int[1];
        // One entry "a" of type "Directory": 32 + 4 + 20, plus the 32-byte terminator.
        assertEquals(STATUS_BUFFER_TOO_SMALL, nt.NtQueryDirectoryObject(dir, buffer, 60, false, true, context, size));
        assertEquals(32 + 32 + 4 + 20, size[0]);
        assertEquals(0, context[0]);
        assertEquals(STATUS_MORE_ENTRIES, nt.NtQueryDirectoryObject(dir, buffer, 150, false, true, context, size));
        assertEquals(new DirectoryEntry("a", "Directory"), buffer[0]);
        assertEquals(new DirectoryEntry("bb", "Directory"), buffer[1]);
        assertNull(buffer[2]);
        assertEquals(2, context[0]);
        assertEquals(STATUS_SUCCESS, nt.NtQueryDirectoryObject(dir, buffer, 4096, false, false, context, size));
        assertEquals(new DirectoryEntry("ccc", "Directory"), buffer[0]);
        assertEquals(3, context[0]);
        assertEquals(STATUS_NO_MORE_ENTRIES, nt.NtQueryDirectoryObject(dir, buffer, 4096, false, false, context, size));
        assertEquals(STATUS_SUCCESS, nt.NtQueryDirectoryObject(dir, buffer, 4096, true, true, context, size));
        assertEquals(1, context[0]);
    }

    @Test
    void symbolicLinkCalls() {
        long[] link = new long[1];
        assertEquals(STATUS_INVALID_PARAMETER, nt.NtCreateSymbolicLinkObject(link, SYMBOLIC_LINK_ALL_ACCESS,
                new ObjectAttributes(0, "\\BaseNamedObjects\\kobj-l0", 0, null), ""));
        assertEquals(STATUS_SUCCESS, nt.NtCreateSymbolicLinkObject(link, SYMBOLIC_LINK_ALL_ACCESS,
                new ObjectAttributes(0, "\\BaseNamedObjects\\kobj-l", 0, null), "\\BaseNamedObjects"));
        String[] target = new String[1];
        int[] length = new int[1];
        assertEquals(STATUS_SUCCESS, nt.NtQuerySymbolicLinkObject(link[0], target, length));
        assertEquals("\\BaseNamedObjects", target[0]);
        assertEquals(2 * "\\BaseNamedObjects".length(), length[0]);
        assertEquals(STATUS_BUFFER_TOO_SMALL, nt.NtQuerySymbolicLinkObject(link[0], null, length));
        long[] opened = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtOpenSymbolicLinkObject(opened, SYMBOLIC_LINK_QUERY,
                new ObjectAttributes(0, "\\BaseNamedObjects\\kobj-l", 0, null)));
        assertTrue(k32.CompareObjectHandles(link[0], opened[0]));
        long[] dir = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtOpenDirectoryObject(dir, DIRECTORY_QUERY,
                new ObjectAttributes(0, "\\BaseNamedObjects\\kobj-l", 0, null)), "other opens follow the link");
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, nt.NtQuerySymbolicLinkObject(dir[0], target, length));
    }

    @Test
    void temporaryAndPermanent() {
        long h = directory("\\BaseNamedObjects\\kobj-perm");
        assertEquals(0xC0000061, nt.NtMakePermanentObject(h), "STATUS_PRIVILEGE_NOT_HELD: an ordinary user lacks it");
        Ntdll nt = system.attach("services.exe", dev.kobj.api.security.Identity.SYSTEM).ntdll();
        long[] opened = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtOpenDirectoryObject(opened, DIRECTORY_QUERY,
                new ObjectAttributes(0, "\\BaseNamedObjects\\kobj-perm", 0, null)));
        assertTrue(k32.CloseHandle(h));
        h = opened[0];
        assertEquals(STATUS_SUCCESS, nt.NtMakePermanentObject(h));
        assertEquals(STATUS_SUCCESS, nt.NtClose(h));
        long[] again = new long[1];
        ObjectAttributes name = new ObjectAttributes(0, "\\BaseNamedObjects\\kobj-perm", 0, null);
        assertEquals(STATUS_SUCCESS, nt.NtOpenDirectoryObject(again, DIRECTORY_QUERY, name));
        assertEquals(STATUS_SUCCESS, nt.NtMakeTemporaryObject(again[0]));
        assertEquals(STATUS_SUCCESS, nt.NtClose(again[0]));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, nt.NtOpenDirectoryObject(again, DIRECTORY_QUERY, name));
        assertEquals(STATUS_INVALID_HANDLE, nt.NtMakeTemporaryObject(0x7770));
    }
}
