package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.section.SectionService;
import java.lang.foreign.ValueLayout;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** File mappings backed by the pagefile, shared by views in two processes. */
@Timeout(30)
class SectionApiTest {
    private static final long MiB = 1 << 20;
    private final Kernel kernel = Kernels.boot(KernelConfig.defaults());
    private final Win32System system = Win32.boot(kernel);
    private final Win32Process first = system.attach("first.exe");
    private final Kernel32 a = first.kernel32();
    private final Kernel32 b = system.attach("second.exe").kernel32();
    private final SectionService sections = kernel.service(SectionService.class).orElseThrow();
    private final MemoryService memory = kernel.service(MemoryService.class).orElseThrow();

    @AfterEach
    void close() {
        system.close();
        kernel.close();
    }

    @Test
    void aWriteInOneProcessIsReadInAnotherWithNoCopy() {
        long s = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, (int) MiB, "shared-counter");
        assertNotEquals(NULL, s);
        assertEquals(0, a.GetLastError());
        MappedView writer = a.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
        long t = b.OpenFileMapping(FILE_MAP_READ, false, "shared-counter");
        MappedView reader = b.MapViewOfFile(t, FILE_MAP_READ, 0, 0, 0);
        assertEquals(MiB, writer.segment().byteSize());
        assertEquals(0L, reader.segment().get(ValueLayout.JAVA_LONG, MiB - 8), "zero-filled");
        writer.segment().set(ValueLayout.JAVA_LONG, MiB - 8, 0x1234_5678_9ABCL);
        assertEquals(0x1234_5678_9ABCL, reader.segment().get(ValueLayout.JAVA_LONG, MiB - 8));
        assertEquals(writer.segment().address(), reader.segment().address(), "one memory, two views");
        assertNotEquals(writer.address(), reader.address(), "distinct base addresses");
        assertEquals(0, writer.address() % 65536);
        assertTrue(reader.segment().isReadOnly());
        assertThrows(ReadOnlyBufferException.class, () -> reader.buffer().put(0, (byte) 1));
        writer.buffer().put(7, (byte) 42);
        assertEquals(42, reader.buffer().get(7));
    }

    @Test
    void viewsAtAnOffsetAndTheirLimits() {
        long s = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 200_000, null);
        MappedView whole = a.MapViewOfFile(s, FILE_MAP_ALL_ACCESS, 0, 0, 0);
        MappedView tail = a.MapViewOfFile(s, FILE_MAP_READ, 0, 65536, 100);
        assertEquals(100, tail.segment().byteSize());
        whole.segment().set(ValueLayout.JAVA_BYTE, 65536 + 3, (byte) 9);
        assertEquals(9, tail.segment().get(ValueLayout.JAVA_BYTE, 3));
        assertEquals(200_000 - 65536, a.MapViewOfFile(s, FILE_MAP_READ, 0, 65536, 0).segment().byteSize());
        assertNull(a.MapViewOfFile(s, FILE_MAP_READ, 0, 4096, 0));
        assertEquals(1132 /* ERROR_MAPPED_ALIGNMENT */, a.GetLastError());
        assertNull(a.MapViewOfFile(s, FILE_MAP_READ, 0, 0, 200_001));
        assertEquals(ERROR_ACCESS_DENIED, a.GetLastError());
        assertNull(a.MapViewOfFile(s, FILE_MAP_READ, 0, 4 * 65536, 0));
        assertEquals(ERROR_ACCESS_DENIED, a.GetLastError());
        assertNull(a.MapViewOfFile(s, 0, 0, 0, 0));
        assertEquals(ERROR_INVALID_PARAMETER, a.GetLastError());
    }

    @Test
    void sizeAndProtectionRules() {
        assertEquals(NULL, a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0, null));
        assertEquals(ERROR_INVALID_PARAMETER, a.GetLastError());
        assertEquals(NULL, a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_NOACCESS, 0, 4096, null));
        assertEquals(ERROR_INVALID_PARAMETER, a.GetLastError());
        assertEquals(NULL, a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READONLY | PAGE_READWRITE, 0, 4096,
                null));
        assertEquals(ERROR_INVALID_PARAMETER, a.GetLastError());
        assertEquals(NULL, a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE | 0x0400_0000 | SEC_COMMIT,
                0, 4096, null), "SEC_RESERVE with SEC_COMMIT");
        assertEquals(ERROR_INVALID_PARAMETER, a.GetLastError());
        assertEquals(NULL, a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0x10000, 0, null));
        assertEquals(ERROR_NOT_ENOUGH_MEMORY, a.GetLastError(), "2^48 bytes is more than an address space");
        long readOnly = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READONLY | SEC_COMMIT, 0, 4096, null);
        assertNotEquals(NULL, readOnly);
        assertNull(a.MapViewOfFile(readOnly, FILE_MAP_WRITE, 0, 0, 0));
        assertEquals(ERROR_ACCESS_DENIED, a.GetLastError());
        MappedView copy = a.MapViewOfFile(readOnly, FILE_MAP_COPY, 0, 0, 0);
        assertNotNull(copy, "a copy-on-write view of a read-only section");
        copy.segment().set(ValueLayout.JAVA_INT, 0, 5);
        MappedView plain = a.MapViewOfFile(readOnly, FILE_MAP_READ, 0, 0, 0);
        assertEquals(0, plain.segment().get(ValueLayout.JAVA_INT, 0), "the copy is private");
        long huge = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 1, 0, null);
        assertNotEquals(NULL, huge, "4 GiB reserved lazily");
        MappedView big = a.MapViewOfFile(huge, FILE_MAP_WRITE, 0, 0, 0);
        assertEquals(1L << 32, big.segment().byteSize());
        assertNull(big.buffer(), "no ByteBuffer beyond 2 GiB");
        big.segment().set(ValueLayout.JAVA_BYTE, (1L << 32) - 1, (byte) 1);
    }

    @Test
    void accessRightsOfTheHandleDecide() {
        a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "rights");
        long readOnly = b.OpenFileMapping(FILE_MAP_READ, false, "rights");
        assertNull(b.MapViewOfFile(readOnly, FILE_MAP_WRITE, 0, 0, 0));
        assertEquals(ERROR_ACCESS_DENIED, b.GetLastError());
        assertNotNull(b.MapViewOfFile(readOnly, FILE_MAP_READ, 0, 0, 0));
        assertEquals(WAIT_FAILED, b.WaitForSingleObject(readOnly, 0), "sections are not waitable");
        assertEquals(NULL, b.OpenFileMapping(FILE_MAP_READ, false, "missing"));
        assertEquals(ERROR_FILE_NOT_FOUND, b.GetLastError());
        long event = a.CreateEvent(null, false, false, "not-a-section");
        assertNotEquals(NULL, event);
        assertEquals(NULL, a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "not-a-section"));
        assertEquals(ERROR_INVALID_HANDLE, a.GetLastError());
        assertNull(a.MapViewOfFile(event, FILE_MAP_READ, 0, 0, 0));
        assertEquals(ERROR_INVALID_HANDLE, a.GetLastError());
    }

    @Test
    void aNamedCreateOfAnExistingSectionOpensItAndIgnoresTheSize() {
        long s = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "again");
        long t = b.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1 << 20, "again");
        assertEquals(ERROR_ALREADY_EXISTS, b.GetLastError());
        assertEquals(4096, b.MapViewOfFile(t, FILE_MAP_READ, 0, 0, 0).segment().byteSize());
        assertNotEquals(NULL, s);
    }

    @Test
    void unmapOnlyByBaseAndOnlyInTheMappingProcess() {
        long s = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 8192, null);
        MappedView v = a.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
        assertTrue(a.FlushViewOfFile(v.address() + 100, 10), "any address inside a view flushes");
        assertFalse(b.UnmapViewOfFile(v.address()), "another process's view");
        assertEquals(487 /* ERROR_INVALID_ADDRESS */, b.GetLastError());
        assertFalse(a.UnmapViewOfFile(v.address() + 4096), "not a base");
        assertEquals(487 /* ERROR_INVALID_ADDRESS */, a.GetLastError());
        assertTrue(a.UnmapViewOfFile(v.address()));
        assertFalse(a.UnmapViewOfFile(v.address()), "twice");
        assertEquals(487 /* ERROR_INVALID_ADDRESS */, a.GetLastError());
        assertFalse(a.FlushViewOfFile(v.address(), 0));
        assertEquals(487 /* ERROR_INVALID_ADDRESS */, a.GetLastError());
    }

    @Test
    void theMemoryLivesWhileAHandleOrAViewDoesAndTheNameOnlyWhileAHandleDoes() {
        long charged = memory.committedBytes(kernel.processes().process(a.GetCurrentProcessId()).orElseThrow());
        long s = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, (int) MiB, "lifetime");
        assertEquals(charged + MiB, memory.committedBytes(kernel.processes().process(a.GetCurrentProcessId()).orElseThrow()), "the creator is charged");
        assertEquals(0, sections.liveStores(), "nothing reserved before the first view");
        MappedView v = a.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
        assertEquals(1, sections.liveStores());
        assertTrue(a.CloseHandle(s));
        assertEquals(NULL, b.OpenFileMapping(FILE_MAP_READ, false, "lifetime"), "the name went with the handle");
        assertEquals(ERROR_FILE_NOT_FOUND, b.GetLastError());
        v.segment().set(ValueLayout.JAVA_INT, 0, 1); // the view keeps the memory
        assertEquals(1, sections.liveStores());
        assertTrue(a.UnmapViewOfFile(v.address()));
        assertEquals(0, sections.liveStores(), "freed with its last view");
        assertEquals(charged, memory.committedBytes(kernel.processes().process(a.GetCurrentProcessId()).orElseThrow()), "and the charge given back");
        // A view kept past its section stays valid memory: it reads the section's last bytes until its
        // pages go back (in batches), then zeros; never another section's bytes, even one made next.
        long next = a.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, (int) MiB, null);
        MappedView w = a.MapViewOfFile(next, FILE_MAP_WRITE, 0, 0, 0);
        w.segment().fill((byte) 7);
        int stale = v.segment().get(ValueLayout.JAVA_INT, 0);
        assertTrue(stale == 1 || stale == 0, "a stale view reads " + stale);
        assertEquals(0, v.segment().get(ValueLayout.JAVA_INT, 4), "never the next section's bytes");
        assertTrue(a.UnmapViewOfFile(w.address()));
        assertTrue(a.CloseHandle(next));
    }

    @Test
    void viewsAreUnmappedWhenTheirProcessExits() {
        Win32Process child = system.attach("child.exe");
        Kernel32 c = child.kernel32();
        long s = c.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, null);
        assertNotNull(c.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0));
        assertTrue(c.CloseHandle(s));
        assertEquals(1, sections.liveStores(), "the view holds the section");
        long process = a.OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, false, c.GetCurrentProcessId());
        assertTrue(a.TerminateProcess(process, 3));
        assertEquals(WAIT_OBJECT_0, a.WaitForSingleObject(process, 5000));
        assertEquals(0, sections.liveStores(), "rundown unmapped the view, and the section died");
    }

    @Test
    void ntCreateSectionNeedsASizeForThePagefile() {
        Ntdll nt = first.ntdll();
        long[] h = new long[1];
        assertEquals(0xC00000F2, nt.NtCreateSection(h, SECTION_ALL_ACCESS, null, 0L, PAGE_READWRITE, SEC_COMMIT, 0),
                "STATUS_INVALID_PARAMETER_4");
        assertEquals(STATUS_SUCCESS, nt.NtCreateSection(h, SECTION_ALL_ACCESS,
                new ObjectAttributes(0, "\\BaseNamedObjects\\nt-section", 0, null), 65536L, PAGE_READWRITE,
                SEC_COMMIT, 0));
        long[] opened = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtOpenSection(opened, SECTION_QUERY | SECTION_MAP_READ,
                new ObjectAttributes(0, "\\BaseNamedObjects\\nt-section", 0, null)));
        assertEquals(65536, a.MapViewOfFile(opened[0], FILE_MAP_READ, 0, 0, 0).segment().byteSize());
    }
}
