package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.fs.VolumeConfig;
import dev.kobj.api.section.SectionService;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File-backed sections (nt-semantics.md §7.4) on the in-memory C: and a host-directory D:: sizes, the
 * handle's access, coherence with ReadFile / WriteFile both ways, flushing, and the file held mapped.
 */
@Timeout(30)
class FileMappingApiTest {
    private static final int RW = GENERIC_READ | GENERIC_WRITE;
    private static final int SHARE_ALL = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    private static final int ERROR_USER_MAPPED_FILE = 1224;
    private static final int ERROR_BAD_EXE_FORMAT = 193;

    @TempDir
    Path host;
    private Kernel kernel;
    private Win32System system;
    private Win32Process me;
    private Kernel32 k32;

    private void boot() {
        kernel = Kernels.boot(KernelConfig.defaults().withVolumes(VolumeConfig.memory('C'),
                VolumeConfig.hostDirectory('D', host)));
        system = Win32.boot(kernel);
        me = system.attach("mapper.exe");
        k32 = me.kernel32();
    }

    @AfterEach
    void close() {
        if (system != null) {
            system.close();
            kernel.close();
        }
    }

    private long open(String name, int access, int disposition) {
        long h = k32.CreateFile(name, access, SHARE_ALL, null, disposition, FILE_ATTRIBUTE_NORMAL, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h, name);
        return h;
    }

    private void write(long h, String text) {
        int[] n = new int[1];
        assertTrue(k32.WriteFile(h, text.getBytes(StandardCharsets.US_ASCII), text.length(), n, null));
        assertEquals(text.length(), n[0]);
    }

    private String readAt(long h, long offset, int max) {
        assertTrue(k32.SetFilePointerEx(h, offset, null, FILE_BEGIN));
        byte[] buffer = new byte[max];
        int[] n = new int[1];
        assertTrue(k32.ReadFile(h, buffer, max, n, null));
        return new String(buffer, 0, n[0], StandardCharsets.US_ASCII);
    }

    private long size(long h) {
        long[] size = new long[1];
        assertTrue(k32.GetFileSizeEx(h, size));
        return size[0];
    }

    private static String text(MappedView view, int offset, int length) {
        byte[] bytes = new byte[length];
        view.buffer().get(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private void put(MappedView view, int offset, String text) {
        view.buffer().put(offset, text.getBytes(StandardCharsets.US_ASCII));
    }

    private void fails(long section, int error) {
        assertEquals(NULL, section);
        assertEquals(error, k32.GetLastError());
    }

    private int liveStores() {
        return kernel.service(SectionService.class).orElseThrow().liveStores();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void sizeZeroIsTheFilesSizeAndAnEmptyFileCannotBeMapped(String drive) {
        boot();
        long h = open(drive + "\\m.bin", RW, CREATE_NEW);
        fails(k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 0, null), ERROR_FILE_INVALID);
        write(h, "hello, mapping");
        long s = k32.CreateFileMapping(h, null, PAGE_READONLY, 0, 0, null);
        assertNotEquals(NULL, s);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        MappedView view = k32.MapViewOfFile(s, FILE_MAP_READ, 0, 0, 0);
        assertEquals(14, view.segment().byteSize());
        assertEquals("hello, mapping", text(view, 0, 14));
        assertNull(k32.MapViewOfFile(s, FILE_MAP_READ, 0, 0, 15));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "beyond the section");
        assertTrue(k32.UnmapViewOfFile(view.address()));
        assertTrue(k32.CloseHandle(s));
        assertTrue(k32.CloseHandle(h));
        assertEquals(0, liveStores());
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void aLargerSizeExtendsTheFileOnlyForAWritableSection(String drive) {
        boot();
        long h = open(drive + "\\grow.bin", RW, CREATE_NEW);
        write(h, "abc");
        fails(k32.CreateFileMapping(h, null, PAGE_READONLY, 0, 8192, null), ERROR_NOT_ENOUGH_MEMORY);
        assertEquals(3, size(h), "a refused section changes nothing");
        long s = k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 100_000, null);
        assertNotEquals(NULL, s);
        assertEquals(100_000, size(h));
        MappedView view = k32.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
        assertEquals("abc", text(view, 0, 3));
        assertEquals(0, view.buffer().get(99_999), "the extension reads zeros");
        assertEquals("abc", readAt(h, 0, 3));
        assertEquals(0, readAt(h, 99_990, 20).chars().filter(c -> c != 0).count());
        assertTrue(k32.UnmapViewOfFile(view.address()));
        assertTrue(k32.CloseHandle(s));
        assertTrue(k32.CloseHandle(h));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void theFileHandlesAccessMustAllowTheProtection(String drive) {
        boot();
        long rw = open(drive + "\\acc.bin", RW, CREATE_NEW);
        write(rw, "data");
        long reader = open(drive + "\\acc.bin", GENERIC_READ, OPEN_EXISTING);
        long writer = open(drive + "\\acc.bin", GENERIC_WRITE, OPEN_EXISTING);
        fails(k32.CreateFileMapping(reader, null, PAGE_READWRITE, 0, 0, null), ERROR_ACCESS_DENIED);
        fails(k32.CreateFileMapping(writer, null, PAGE_READONLY, 0, 0, null), ERROR_ACCESS_DENIED);
        fails(k32.CreateFileMapping(writer, null, PAGE_READWRITE, 0, 0, null), ERROR_ACCESS_DENIED);
        fails(k32.CreateFileMapping(reader, null, PAGE_EXECUTE_READ, 0, 0, null), ERROR_ACCESS_DENIED);
        long ro = k32.CreateFileMapping(reader, null, PAGE_READONLY, 0, 0, null);
        assertNotEquals(NULL, ro);
        assertNull(k32.MapViewOfFile(ro, FILE_MAP_WRITE, 0, 0, 0));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "a read-only section maps no writable view");
        MappedView copy = k32.MapViewOfFile(k32.CreateFileMapping(reader, null, PAGE_WRITECOPY, 0, 0, null),
                FILE_MAP_COPY, 0, 0, 0);
        assertNotNull(copy);
        put(copy, 0, "DA");
        assertEquals("data", readAt(rw, 0, 4), "a copy-on-write view is private");
        assertNotEquals(NULL, k32.CreateFileMapping(rw, null, PAGE_READWRITE, 0, 0, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void viewsAndFileIoSeeTheSameBytesBothWays(String drive) {
        boot();
        long h = open(drive + "\\co.bin", RW, CREATE_NEW);
        write(h, "0123456789".repeat(20_000)); // 200,000 bytes: views at an offset too
        long s = k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 0, null);
        MappedView whole = k32.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
        MappedView tail = k32.MapViewOfFile(s, FILE_MAP_READ, 0, 131_072, 0);

        put(whole, 5, "VIEW");
        assertEquals("01234VIEW9", readAt(h, 0, 10), "a write through a view is read by ReadFile");
        put(whole, 131_072 + 2, "TAIL");
        assertEquals("TAIL", text(tail, 2, 4));
        assertEquals("TAIL", readAt(h, 131_074, 4));

        assertTrue(k32.SetFilePointerEx(h, 199_998, null, FILE_BEGIN));
        write(h, "FILE"); // ends past the section: the file grows, the section does not
        assertEquals("FI", text(whole, 199_998, 2), "a write by WriteFile is seen through the views");
        assertEquals("FI", text(tail, 199_998 - 131_072, 2));
        assertEquals(200_002, size(h));
        assertEquals("FILE", readAt(h, 199_998, 10));

        long other = open(drive + "\\co.bin", GENERIC_READ, OPEN_EXISTING);
        assertEquals("01234VIEW9", readAt(other, 0, 10), "another file object reads the same bytes");
        long second = k32.CreateFileMapping(other, null, PAGE_READONLY, 0, 65_536, null);
        MappedView small = k32.MapViewOfFile(second, FILE_MAP_READ, 0, 0, 0);
        put(whole, 100, "XY");
        assertEquals("XY", text(small, 100, 2), "two sections of one file share the bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void theSectionHoldsTheFileAndWritesBackWhenItGoes(String drive) throws Exception {
        boot();
        long h = open(drive + "\\keep.bin", RW, CREATE_NEW);
        long s = k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 4096, null);
        assertTrue(k32.CloseHandle(h), "the section keeps the file open");
        MappedView view = k32.MapViewOfFile(s, FILE_MAP_ALL_ACCESS, 0, 0, 0);
        put(view, 4000, "kept");
        assertTrue(k32.FlushViewOfFile(view.address() + 4000, 4));
        if (drive.equals("D:")) {
            assertEquals("kept", new String(Files.readAllBytes(host.resolve("keep.bin")), 4000, 4,
                    StandardCharsets.US_ASCII), "flushed to the host file");
        }
        long reader = open(drive + "\\keep.bin", GENERIC_READ, OPEN_EXISTING);
        assertEquals("kept", readAt(reader, 4000, 4));
        assertTrue(k32.CloseHandle(reader));
        assertTrue(k32.UnmapViewOfFile(view.address()));
        assertTrue(k32.CloseHandle(s));
        assertEquals(0, liveStores());
        reader = open(drive + "\\keep.bin", GENERIC_READ, OPEN_EXISTING);
        assertEquals(4096, size(reader));
        assertEquals("kept", readAt(reader, 4000, 4), "the bytes are the file's after the section died");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void aMappedFileCannotBeDeletedOrCutBelowTheSection(String drive) {
        boot();
        String name = drive + "\\held.bin";
        long h = open(name, RW, CREATE_NEW);
        write(h, "x".repeat(10_000));
        long s = k32.CreateFileMapping(h, null, PAGE_READONLY, 0, 5_000, null);
        MappedView view = k32.MapViewOfFile(s, FILE_MAP_READ, 0, 0, 0);
        assertFalse(k32.DeleteFile(name));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile(name, GENERIC_WRITE, SHARE_ALL, null, CREATE_ALWAYS, 0, 0));
        assertEquals(ERROR_USER_MAPPED_FILE, k32.GetLastError());
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile(name, GENERIC_WRITE, SHARE_ALL, null, TRUNCATE_EXISTING, 0, 0));
        assertEquals(ERROR_USER_MAPPED_FILE, k32.GetLastError());
        assertTrue(k32.SetFilePointerEx(h, 4_999, null, FILE_BEGIN));
        assertFalse(k32.SetEndOfFile(h));
        assertEquals(ERROR_USER_MAPPED_FILE, k32.GetLastError());
        assertEquals(10_000, size(h));
        assertTrue(k32.SetFilePointerEx(h, 5_000, null, FILE_BEGIN));
        assertTrue(k32.SetEndOfFile(h), "down to the section's end is allowed");
        assertEquals(5_000, size(h));
        assertEquals('x', view.buffer().get(4_999));

        assertTrue(k32.UnmapViewOfFile(view.address()));
        assertFalse(k32.DeleteFile(name), "the section's handle still maps it");
        assertTrue(k32.CloseHandle(s));
        assertTrue(k32.CloseHandle(h));
        assertTrue(k32.DeleteFile(name));
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile(name, GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
    }

    @Test
    void aTruncatedAndRegrownFileReadsZerosThroughTheCache() {
        boot();
        long h = open("C:\\regrow.bin", RW, CREATE_NEW);
        write(h, "y".repeat(70_000));
        long s = k32.CreateFileMapping(h, null, PAGE_READONLY, 0, 1_000, null);
        assertNotEquals(NULL, s);
        assertTrue(k32.SetFilePointerEx(h, 2_000, null, FILE_BEGIN));
        assertTrue(k32.SetEndOfFile(h));
        assertTrue(k32.SetFilePointerEx(h, 60_000, null, FILE_BEGIN));
        assertTrue(k32.SetEndOfFile(h));
        assertEquals("yy", readAt(h, 1_998, 2));
        assertEquals("\0\0", readAt(h, 2_000, 2));
        assertEquals("\0\0", readAt(h, 59_998, 10));
        assertTrue(k32.CloseHandle(s));
        assertEquals("\0\0", readAt(h, 59_998, 10), "and after the write-back");
    }

    /**
     * WriteFile on one half of a file while sections of it come and go, written through views on the other
     * half: no write is lost to a cache being made or written back, on either volume kind.
     */
    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void fileWritesSurviveSectionsComingAndGoing(String drive) throws Exception {
        boot();
        int half = 32_768;
        long h = open(drive + "\\race.bin", RW, CREATE_NEW);
        assertTrue(k32.SetFilePointerEx(h, 2L * half, null, FILE_BEGIN));
        assertTrue(k32.SetEndOfFile(h));
        int rounds = 150;
        Thread writer = Thread.ofPlatform().start(() -> {
            byte[] block = new byte[half];
            for (int k = 1; k <= rounds; k++) {
                java.util.Arrays.fill(block, (byte) k);
                k32.SetFilePointerEx(h, 0, null, FILE_BEGIN);
                k32.WriteFile(h, block, half, new int[1], null);
            }
        });
        for (int k = 1; k <= rounds; k++) {
            long s = k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 0, null);
            MappedView view = k32.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
            view.segment().asSlice(half, half).fill((byte) (100 + k));
            assertTrue(k32.UnmapViewOfFile(view.address()));
            assertTrue(k32.CloseHandle(s));
        }
        writer.join();
        byte[] all = new byte[2 * half];
        assertTrue(k32.SetFilePointerEx(h, 0, null, FILE_BEGIN));
        int[] n = new int[1];
        assertTrue(k32.ReadFile(h, all, all.length, n, null));
        assertEquals(2 * half, n[0]);
        for (int i = 0; i < half; i++) {
            assertEquals((byte) rounds, all[i], "file write lost at " + i);
            assertEquals((byte) (100 + rounds), all[half + i], "view write lost at " + (half + i));
        }
        assertEquals(0, liveStores());
    }

    @Test
    void onAMemoryVolumeALaterSectionCannotOutgrowTheLiveCache() {
        boot();
        long h = open("C:\\small.bin", RW, CREATE_NEW);
        write(h, "z".repeat(100));
        long first = k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 0, null);
        assertNotEquals(NULL, first);
        assertNotEquals(NULL, k32.CreateFileMapping(h, null, PAGE_READONLY, 0, 50, null), "within the cache");
        fails(k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 4096, null), ERROR_NOT_ENOUGH_MEMORY);
        assertEquals(100, size(h), "the refused section did not extend the file");
    }

    @Test
    void ntCreateSectionOverAFileRefusesImagesAndNegativeSizes() {
        boot();
        Ntdll nt = me.ntdll();
        long h = open("C:\\nt.bin", RW, CREATE_NEW);
        write(h, "MZ");
        long[] section = new long[1];
        int secImage = 0x0100_0000;
        assertEquals(0xC0000020, nt.NtCreateSection(section, 0xF001F, null, null, PAGE_READONLY, secImage, h),
                "STATUS_INVALID_FILE_FOR_SECTION: no image loader");
        assertEquals(0, section[0]);
        assertEquals(0xC000000D, nt.NtCreateSection(section, 0xF001F, null, -1L, PAGE_READONLY, 0, h));
    }

    @Test
    void aNamedFileMappingIsOpenedByAnotherProcessAndASecondCreateGetsTheFirst() {
        boot();
        long h = open("C:\\named.bin", RW, CREATE_NEW);
        write(h, "shared through a name");
        long s = k32.CreateFileMapping(h, null, PAGE_READWRITE, 0, 0, "file-map");
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        long again = k32.CreateFileMapping(h, null, PAGE_READONLY, 0, 0, "file-map");
        assertNotEquals(NULL, again);
        assertEquals(ERROR_ALREADY_EXISTS, k32.GetLastError());
        assertEquals(1, liveStores(), "the second create's store was let go");
        Kernel32 other = system.attach("other.exe").kernel32();
        long t = other.OpenFileMapping(FILE_MAP_WRITE, false, "file-map");
        assertNotEquals(NULL, t, () -> "open: " + other.GetLastError());
        MappedView theirs = other.MapViewOfFile(t, FILE_MAP_WRITE, 0, 0, 0);
        assertNotNull(theirs, () -> "map: " + other.GetLastError()); // SECTION_MAP_WRITE is enough for it
        assertNull(other.MapViewOfFile(t, FILE_MAP_READ, 0, 0, 0), "a read-only view needs SECTION_MAP_READ");
        assertEquals(ERROR_ACCESS_DENIED, other.GetLastError());
        assertEquals("shared", text(theirs, 0, 6));
        put(theirs, 0, "SHARED");
        assertEquals("SHARED through", readAt(h, 0, 14), "the other process's view writes the file");
        assertTrue(other.UnmapViewOfFile(theirs.address()));
        assertTrue(other.CloseHandle(t));
        assertTrue(k32.CloseHandle(again));
        assertTrue(k32.CloseHandle(s));
        assertEquals(0, liveStores());
    }

    @Test
    void onlyFilesOfAVolumeCanBeMapped() {
        boot();
        long event = k32.CreateEvent(null, false, false, null);
        fails(k32.CreateFileMapping(event, null, PAGE_READONLY, 0, 0, null), ERROR_INVALID_HANDLE);
        fails(k32.CreateFileMapping(0x7ff0, null, PAGE_READONLY, 0, 0, null), ERROR_INVALID_HANDLE);
        long[] read = new long[1];
        long[] write = new long[1];
        assertTrue(k32.CreatePipe(read, write, null, 0));
        fails(k32.CreateFileMapping(read[0], null, PAGE_READONLY, 0, 4096, null), ERROR_BAD_EXE_FORMAT);
        assertEquals(0, liveStores());
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void aProcessThatEndsLetsGoOfItsViewsAndTheFile(String drive) throws Exception {
        boot();
        system.register("mapper.exe", (self, commandLine) -> {
            long h = self.CreateFile(drive + "\\child.bin", RW, 0, null, CREATE_NEW, 0, 0);
            long s = self.CreateFileMapping(h, null, PAGE_READWRITE, 0, 64, null);
            MappedView view = self.MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
            view.buffer().put(0, "child".getBytes(StandardCharsets.US_ASCII));
            return 0; // exits with its handles and views
        });
        ProcessInformation pi = new ProcessInformation();
        assertTrue(k32.CreateProcess(null, "mapper.exe", null, null, false, 0, null, null, new StartupInfo(), pi));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(pi.hProcess, 10_000));
        assertEquals(0, liveStores());
        long h = open(drive + "\\child.bin", GENERIC_READ, OPEN_EXISTING);
        assertEquals("child", readAt(h, 0, 5));
        assertTrue(k32.CloseHandle(h));
        assertTrue(k32.DeleteFile(drive + "\\child.bin"));
    }
}
