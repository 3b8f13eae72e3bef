package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.fs.VolumeConfig;
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
 * The Win32 file calls (nt-semantics.md §8) on the default in-memory C: and, for the calls whose
 * behaviour must not depend on the store, on a host-directory D: too.
 */
@Timeout(30)
class FileApiTest {
    private static final int FILE_FLAG_BACKUP_SEMANTICS = 0x0200_0000;
    private static final int FILE_ATTRIBUTE_ARCHIVE = 0x20;
    private static final int ERROR_DIR_NOT_EMPTY = 145;
    private static final int ERROR_INVALID_FUNCTION = 1;
    private static final int RW = GENERIC_READ | GENERIC_WRITE;

    @TempDir
    Path host;
    private Kernel kernel;
    private Win32System system;
    private Kernel32 k32;

    private Kernel32 boot() {
        kernel = Kernels.boot(KernelConfig.defaults().withVolumes(VolumeConfig.memory('C'),
                VolumeConfig.hostDirectory('D', host)));
        system = Win32.boot(kernel);
        k32 = system.attach("files.exe").kernel32();
        return k32;
    }

    @AfterEach
    void close() {
        if (system != null) {
            system.close();
            kernel.close();
        }
    }

    private long create(String name, int access, int share, int disposition) {
        return k32.CreateFile(name, access, share, null, disposition, FILE_ATTRIBUTE_NORMAL, 0);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void write(long h, String text) {
        int[] n = new int[1];
        assertTrue(k32.WriteFile(h, ascii(text), text.length(), n, null));
        assertEquals(text.length(), n[0]);
    }

    private String read(long h, int max) {
        byte[] buffer = new byte[max];
        int[] n = new int[1];
        assertTrue(k32.ReadFile(h, buffer, max, n, null));
        return new String(buffer, 0, n[0], StandardCharsets.US_ASCII);
    }

    // ---- dispositions ----

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void everyDispositionOnAMissingAndAnExistingFile(String drive) {
        boot();
        String f = drive + "\\f.txt";
        k32.SetLastError(0xdead);
        assertEquals(INVALID_HANDLE_VALUE, create(f, GENERIC_READ, 0, OPEN_EXISTING));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        assertEquals(INVALID_HANDLE_VALUE, create(f, GENERIC_WRITE, 0, TRUNCATE_EXISTING));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        long h = create(f, RW, 0, CREATE_NEW);
        assertNotEquals(INVALID_HANDLE_VALUE, h);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        write(h, "hello");
        assertTrue(k32.CloseHandle(h));

        assertEquals(INVALID_HANDLE_VALUE, create(f, RW, 0, CREATE_NEW));
        assertEquals(ERROR_FILE_EXISTS, k32.GetLastError());

        h = create(f, GENERIC_READ, 0, OPEN_EXISTING);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        assertEquals("hello", read(h, 10));
        assertTrue(k32.CloseHandle(h));

        h = create(f, GENERIC_READ, 0, OPEN_ALWAYS);
        assertEquals(ERROR_ALREADY_EXISTS, k32.GetLastError());
        assertEquals(5, k32.GetFileSize(h, null));
        assertTrue(k32.CloseHandle(h));

        assertEquals(INVALID_HANDLE_VALUE, create(f, GENERIC_READ, 0, TRUNCATE_EXISTING));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError(), "TRUNCATE_EXISTING needs write access");
        h = create(f, GENERIC_WRITE, 0, TRUNCATE_EXISTING);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        assertEquals(0, k32.GetFileSize(h, null));
        write(h, "again");
        assertTrue(k32.CloseHandle(h));

        h = create(f, GENERIC_WRITE, 0, CREATE_ALWAYS);
        assertEquals(ERROR_ALREADY_EXISTS, k32.GetLastError());
        assertEquals(0, k32.GetFileSize(h, null));
        assertTrue(k32.CloseHandle(h));

        long g = create(drive + "\\g.txt", GENERIC_WRITE, 0, CREATE_ALWAYS);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        assertTrue(k32.CloseHandle(g));
        g = create(drive + "\\h.txt", GENERIC_WRITE, 0, OPEN_ALWAYS);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        assertTrue(k32.CloseHandle(g));

        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile(f, GENERIC_READ, 0, null, 6, 0, 0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
    }

    // ---- share modes ----

    /** Every pair of (access, share) for an existing open and a new one, against §8's rule. */
    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void theFullShareModeMatrix(String drive) {
        boot();
        String f = drive + "\\share.txt";
        assertTrue(k32.CloseHandle(create(f, GENERIC_WRITE, 0, CREATE_ALWAYS)));
        int[] accesses = {GENERIC_READ, GENERIC_WRITE, DELETE, RW, FILE_READ_ATTRIBUTES};
        int checked = 0;
        for (int firstAccess : accesses) {
            for (int firstShare = 0; firstShare < 8; firstShare++) {
                long first = create(f, firstAccess, firstShare, OPEN_EXISTING);
                assertNotEquals(INVALID_HANDLE_VALUE, first);
                for (int secondAccess : accesses) {
                    for (int secondShare = 0; secondShare < 8; secondShare++) {
                        boolean expected = compatible(firstAccess, firstShare, secondAccess, secondShare);
                        long second = create(f, secondAccess, secondShare, OPEN_EXISTING);
                        String what = Integer.toHexString(firstAccess) + "/" + firstShare + " then "
                                + Integer.toHexString(secondAccess) + "/" + secondShare;
                        if (expected) {
                            assertNotEquals(INVALID_HANDLE_VALUE, second, what);
                            assertTrue(k32.CloseHandle(second));
                        } else {
                            assertEquals(INVALID_HANDLE_VALUE, second, what);
                            assertEquals(ERROR_SHARING_VIOLATION, k32.GetLastError(), what);
                        }
                        checked++;
                    }
                }
                assertTrue(k32.CloseHandle(first));
            }
        }
        assertEquals(5 * 8 * 5 * 8, checked);
    }

    private static boolean compatible(int access1, int share1, int access2, int share2) {
        int uses1 = uses(access1);
        int uses2 = uses(access2);
        if (uses1 == 0 || uses2 == 0) {
            return true; // attribute-only opens are neither checked nor counted
        }
        return (uses2 & ~share1) == 0 && (uses1 & ~share2) == 0;
    }

    /** The FILE_SHARE_* bits an access uses: read 1, write 2, delete 4. */
    private static int uses(int access) {
        return ((access & GENERIC_READ) != 0 ? 1 : 0) | ((access & GENERIC_WRITE) != 0 ? 2 : 0)
                | ((access & DELETE) != 0 ? 4 : 0);
    }

    @Test
    void shareAccessIsReleasedWhenTheFileObjectClosesNotPerHandle() {
        boot();
        long h = create("C:\\dup.txt", GENERIC_WRITE, 0, CREATE_ALWAYS);
        long[] dup = new long[1];
        assertTrue(k32.DuplicateHandle(k32.GetCurrentProcess(), h, k32.GetCurrentProcess(), dup, 0, false,
                DUPLICATE_SAME_ACCESS));
        assertTrue(k32.CloseHandle(h));
        assertEquals(INVALID_HANDLE_VALUE, create("C:\\dup.txt", GENERIC_READ, FILE_SHARE_WRITE, OPEN_EXISTING));
        assertEquals(ERROR_SHARING_VIOLATION, k32.GetLastError());
        assertTrue(k32.CloseHandle(dup[0]));
        long again = create("C:\\dup.txt", GENERIC_READ, 0, OPEN_EXISTING);
        assertNotEquals(INVALID_HANDLE_VALUE, again);
    }

    // ---- position, size, end of file ----

    @Test
    void duplicatedHandlesShareThePositionAndIndependentOpensDoNot() {
        boot();
        long h = create("C:\\pos.txt", RW, FILE_SHARE_READ | FILE_SHARE_WRITE, CREATE_ALWAYS);
        write(h, "0123456789");
        long[] dup = new long[1];
        assertTrue(k32.DuplicateHandle(k32.GetCurrentProcess(), h, k32.GetCurrentProcess(), dup, 0, false,
                DUPLICATE_SAME_ACCESS));
        assertEquals(2, k32.SetFilePointer(h, 2, null, FILE_BEGIN));
        assertEquals("234", read(dup[0], 3));
        assertEquals("567", read(h, 3));
        long other = create("C:\\pos.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
        assertEquals("012", read(other, 3));
        assertEquals("89", read(h, 3));
    }

    @Test
    void setFilePointerMovesFromEachOriginAndRefusesNegativePositions() {
        boot();
        long h = create("C:\\seek.txt", RW, 0, CREATE_ALWAYS);
        write(h, "abcdefghij");
        assertEquals(10, k32.SetFilePointer(h, 0, null, FILE_CURRENT));
        assertEquals(7, k32.SetFilePointer(h, -3, null, FILE_END));
        assertEquals(5, k32.SetFilePointer(h, -2, null, FILE_CURRENT));
        assertEquals("fg", read(h, 2));

        k32.SetLastError(0);
        assertEquals(INVALID_SET_FILE_POINTER, k32.SetFilePointer(h, -1, null, FILE_BEGIN));
        assertEquals(ERROR_NEGATIVE_SEEK, k32.GetLastError());
        assertEquals(7, k32.SetFilePointer(h, 0, null, FILE_CURRENT), "the pointer did not move");
        assertEquals(INVALID_SET_FILE_POINTER, k32.SetFilePointer(h, 0, null, 3));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());

        int[] high = {1};
        assertEquals(5, k32.SetFilePointer(h, 5, high, FILE_BEGIN));
        assertEquals(1, high[0]);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        long[] position = new long[1];
        assertTrue(k32.SetFilePointerEx(h, 0, position, FILE_CURRENT));
        assertEquals((1L << 32) + 5, position[0]);
        assertTrue(k32.SetFilePointerEx(h, -4, position, FILE_END));
        assertEquals(6, position[0]);
        assertFalse(k32.SetFilePointerEx(h, -7, position, FILE_CURRENT));
        assertEquals(ERROR_NEGATIVE_SEEK, k32.GetLastError());
        assertFalse(k32.SetFilePointerEx(0x7770, 0, position, FILE_BEGIN));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        long event = k32.CreateEvent(null, true, false, null);
        assertFalse(k32.SetFilePointerEx(event, 0, position, FILE_BEGIN));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void writingPastTheEndZeroFillsAndSetEndOfFileTruncatesOrExtends() {
        boot();
        long h = create("C:\\size.txt", RW, 0, CREATE_ALWAYS);
        assertEquals(4, k32.SetFilePointer(h, 4, null, FILE_BEGIN));
        write(h, "xy");
        long[] size = new long[1];
        assertTrue(k32.GetFileSizeEx(h, size));
        assertEquals(6, size[0]);
        assertEquals(0, k32.SetFilePointer(h, 0, null, FILE_BEGIN));
        byte[] all = new byte[8];
        int[] n = new int[1];
        assertTrue(k32.ReadFile(h, all, 8, n, null));
        assertEquals(6, n[0]);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 'x', 'y', 0, 0}, all);

        assertEquals(3, k32.SetFilePointer(h, 3, null, FILE_BEGIN));
        assertTrue(k32.SetEndOfFile(h));
        assertEquals(3, k32.GetFileSize(h, null));
        assertEquals(100, k32.SetFilePointer(h, 100, null, FILE_BEGIN));
        assertTrue(k32.SetEndOfFile(h));
        int[] high = {-1};
        assertEquals(100, k32.GetFileSize(h, high));
        assertEquals(0, high[0]);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());

        long reader = create("C:\\size.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
        assertEquals(INVALID_HANDLE_VALUE, reader, "the writer shares nothing");
        assertTrue(k32.CloseHandle(h));
        reader = create("C:\\size.txt", GENERIC_READ, 0, OPEN_EXISTING);
        assertFalse(k32.SetEndOfFile(reader));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertFalse(k32.FlushFileBuffers(reader));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertFalse(k32.WriteFile(reader, new byte[1], 1, n, null));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertEquals(INVALID_FILE_SIZE, k32.GetFileSize(0x7770, null));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void appendOnlyHandlesWriteAtTheEnd() {
        boot();
        long h = create("C:\\log.txt", RW, FILE_SHARE_READ | FILE_SHARE_WRITE, CREATE_ALWAYS);
        write(h, "abc");
        long append = create("C:\\log.txt", FILE_APPEND_DATA | SYNCHRONIZE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                OPEN_EXISTING);
        write(append, "de");
        assertEquals(0, k32.SetFilePointer(h, 0, null, FILE_BEGIN));
        assertEquals("abcde", read(h, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void anAppendOnlyWriteLeavesThePointerAtTheNewEnd(String drive) {
        boot();
        long h = create(drive + "\\tail.txt", RW, FILE_SHARE_READ | FILE_SHARE_WRITE, CREATE_ALWAYS);
        write(h, "0123456789");
        long append = create(drive + "\\tail.txt", FILE_APPEND_DATA | SYNCHRONIZE,
                FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
        assertEquals(0, k32.SetFilePointer(append, 0, null, FILE_CURRENT));
        write(append, "ab");
        assertEquals(12, k32.SetFilePointer(append, 0, null, FILE_CURRENT), "after the bytes written, not at 2");
        assertEquals(12, k32.SetFilePointer(h, 0, null, FILE_END));
        write(h, "XY"); // someone else grows the file: the next append still goes to the end
        assertEquals(14, k32.SetFilePointer(h, 0, null, FILE_CURRENT));
        write(append, "c");
        assertEquals(15, k32.SetFilePointer(append, 0, null, FILE_CURRENT));
        assertEquals(0, k32.SetFilePointer(h, 0, null, FILE_BEGIN));
        assertEquals("0123456789abXYc", read(h, 20));
    }

    @Test
    void overlappedIoUsesTheOffsetInTheOverlappedAndReportsThroughTheIoManager() {
        boot();
        long h = k32.CreateFile("C:\\ov.txt", RW, 0, null, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, 0);
        long event = k32.CreateEvent(null, true, false, null);
        Overlapped ov = new Overlapped();
        ov.offset = 3;
        ov.hEvent = event;
        int[] n = new int[1];
        boolean done = k32.WriteFile(h, ascii("xyz"), 3, n, ov);
        assertTrue(done || k32.GetLastError() == ERROR_IO_PENDING);
        assertTrue(k32.GetOverlappedResult(h, ov, n, true));
        assertEquals(3, n[0]);
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(event, 0));
        assertEquals(6, k32.GetFileSize(h, null));
        Overlapped at = new Overlapped();
        at.offset = 2;
        byte[] buffer = new byte[8];
        done = k32.ReadFile(h, buffer, 8, n, at);
        assertTrue(done || k32.GetLastError() == ERROR_IO_PENDING);
        assertTrue(k32.GetOverlappedResult(h, at, n, true));
        assertEquals(4, n[0]);
        assertArrayEquals(new byte[] {0, 'x', 'y', 'z'}, java.util.Arrays.copyOf(buffer, 4));
        Overlapped end = new Overlapped();
        end.offset = 6;
        assertFalse(k32.ReadFile(h, buffer, 8, n, end));
        assertEquals(ERROR_HANDLE_EOF, k32.GetLastError());
    }

    @Test
    void completionPortsGetAPacketForEachOverlappedFileIo() {
        boot();
        long h = k32.CreateFile("C:\\port.txt", RW, 0, null, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, 0);
        long port = k32.CreateIoCompletionPort(h, 0, 42, 0);
        assertNotEquals(0L, port);
        Overlapped ov = new Overlapped();
        int[] n = new int[1];
        k32.WriteFile(h, ascii("data"), 4, n, ov);
        int[] bytes = new int[1];
        long[] key = new long[1];
        Overlapped[] got = new Overlapped[1];
        assertTrue(k32.GetQueuedCompletionStatus(port, bytes, key, got, 1000));
        assertEquals(4, bytes[0]);
        assertEquals(42, key[0]);
        assertTrue(got[0] == ov);
    }

    // ---- delete ----

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void deleteFileErrorsAndDeletePending(String drive) {
        boot();
        String f = drive + "\\del.txt";
        assertFalse(k32.DeleteFile(f));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        long h = create(f, GENERIC_READ, 0, CREATE_ALWAYS);
        assertFalse(k32.DeleteFile(f));
        assertEquals(ERROR_SHARING_VIOLATION, k32.GetLastError(), "opened without FILE_SHARE_DELETE");
        assertTrue(k32.CloseHandle(h));

        h = create(f, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, OPEN_EXISTING);
        assertTrue(k32.DeleteFile(f));
        assertEquals(INVALID_HANDLE_VALUE, create(f, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, OPEN_EXISTING));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "delete pending");
        assertEquals(INVALID_FILE_ATTRIBUTES, k32.GetFileAttributes(f));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertTrue(k32.CloseHandle(h));
        assertEquals(INVALID_HANDLE_VALUE, create(f, GENERIC_READ, 0, OPEN_EXISTING));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError(), "the name went with the last open");

        assertTrue(k32.CreateDirectory(drive + "\\dir", null));
        assertFalse(k32.DeleteFile(drive + "\\dir"));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());

        long ro = k32.CreateFile(drive + "\\ro.txt", GENERIC_WRITE, 0, null, CREATE_NEW, FILE_ATTRIBUTE_READONLY, 0);
        write(ro, "still writable by its creator");
        assertTrue(k32.CloseHandle(ro));
        assertEquals(FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_ARCHIVE, k32.GetFileAttributes(drive + "\\ro.txt"));
        assertFalse(k32.DeleteFile(drive + "\\ro.txt"));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertEquals(INVALID_HANDLE_VALUE, create(drive + "\\ro.txt", GENERIC_WRITE, 0, OPEN_EXISTING));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        long reader = create(drive + "\\ro.txt", GENERIC_READ, 0, OPEN_EXISTING);
        assertNotEquals(INVALID_HANDLE_VALUE, reader);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void deleteOnCloseDeletesWhenTheLastFileObjectCloses(String drive) {
        boot();
        String f = drive + "\\temp.txt";
        long h = k32.CreateFile(f, RW, FILE_SHARE_READ | FILE_SHARE_DELETE, null, CREATE_NEW,
                FILE_FLAG_DELETE_ON_CLOSE, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h);
        write(h, "scratch");
        assertEquals(INVALID_HANDLE_VALUE, create(f, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING));
        assertEquals(ERROR_SHARING_VIOLATION, k32.GetLastError(), "later opens must share delete");
        long other = create(f, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_EXISTING);
        assertNotEquals(INVALID_HANDLE_VALUE, other);
        assertTrue(k32.CloseHandle(h));
        assertEquals(INVALID_HANDLE_VALUE, create(f, GENERIC_READ, 7, OPEN_EXISTING));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "delete pending while another open keeps it");
        assertEquals("scratch", read(other, 20));
        assertTrue(k32.CloseHandle(other));
        assertEquals(INVALID_FILE_ATTRIBUTES, k32.GetFileAttributes(f));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
    }

    // ---- directories and attributes ----

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void directoriesAndAttributes(String drive) {
        boot();
        assertTrue(k32.CreateDirectory(drive + "\\a", null));
        assertFalse(k32.CreateDirectory(drive + "\\a", null));
        assertEquals(ERROR_ALREADY_EXISTS, k32.GetLastError());
        assertFalse(k32.CreateDirectory(drive + "\\missing\\b", null));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError());
        assertTrue(k32.CreateDirectory(drive + "\\a\\b", null));
        long f = create(drive + "\\a\\b\\f.txt", GENERIC_WRITE, 0, CREATE_NEW);
        assertTrue(k32.CloseHandle(f));

        assertEquals(FILE_ATTRIBUTE_DIRECTORY, k32.GetFileAttributes(drive + "\\a"));
        assertEquals(FILE_ATTRIBUTE_ARCHIVE, k32.GetFileAttributes(drive + "\\a\\b\\f.txt"));
        assertEquals(FILE_ATTRIBUTE_DIRECTORY, k32.GetFileAttributes(drive + "\\"), () -> "error " + k32.GetLastError());
        assertEquals(INVALID_FILE_ATTRIBUTES, k32.GetFileAttributes(drive + "\\nope"));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        assertEquals(INVALID_FILE_ATTRIBUTES, k32.GetFileAttributes(drive + "\\nope\\x"));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError());

        assertEquals(INVALID_HANDLE_VALUE, create(drive + "\\a", GENERIC_READ, 0, OPEN_EXISTING));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "a directory needs FILE_FLAG_BACKUP_SEMANTICS");
        long dir = k32.CreateFile(drive + "\\a", GENERIC_READ, 7, null, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, dir);
        assertEquals(FILE_TYPE_DISK, k32.GetFileType(dir));
        int[] n = new int[1];
        assertFalse(k32.ReadFile(dir, new byte[4], 4, n, null));
        assertEquals(ERROR_INVALID_FUNCTION, k32.GetLastError());
        assertTrue(k32.CloseHandle(dir));

        assertFalse(k32.RemoveDirectory(drive + "\\a"));
        assertEquals(ERROR_DIR_NOT_EMPTY, k32.GetLastError());
        assertFalse(k32.RemoveDirectory(drive + "\\a\\b\\f.txt"));
        assertEquals(ERROR_DIRECTORY, k32.GetLastError());
        assertTrue(k32.DeleteFile(drive + "\\a\\b\\f.txt"));
        assertTrue(k32.RemoveDirectory(drive + "\\a\\b"));
        assertTrue(k32.RemoveDirectory(drive + "\\a"));
        assertEquals(INVALID_FILE_ATTRIBUTES, k32.GetFileAttributes(drive + "\\a"));
        assertFalse(k32.RemoveDirectory(drive + "\\a"));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
    }

    // ---- names ----

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void namesAreCaseInsensitiveAndWin32CleansThem(String drive) {
        boot();
        long h = create(drive + "\\MixedCase.TXT", GENERIC_WRITE, 0, CREATE_NEW);
        write(h, "x");
        assertTrue(k32.CloseHandle(h));
        assertEquals(INVALID_HANDLE_VALUE, create(drive + "\\mixedcase.txt", GENERIC_WRITE, 0, CREATE_NEW));
        assertEquals(ERROR_FILE_EXISTS, k32.GetLastError());
        h = create(drive.toLowerCase() + "/MIXEDCASE.txt", GENERIC_READ, 0, OPEN_EXISTING);
        assertEquals("x", read(h, 5));
        assertTrue(k32.CloseHandle(h));
        h = create(drive + "\\sub\\..\\.\\mixedcase.txt. . ", GENERIC_READ, 0, OPEN_EXISTING);
        assertNotEquals(INVALID_HANDLE_VALUE, h, "trailing dots and spaces, '.' and '..' are Win32's to clean");
        assertTrue(k32.CloseHandle(h));
        assertEquals(INVALID_HANDLE_VALUE, create(drive + "\\..\\..\\..\\outside.txt", GENERIC_READ, 0, OPEN_EXISTING));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError(), "'..' stops at the root of the drive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "D:"})
    void invalidAndReservedNamesAreRefused(String drive) {
        boot();
        for (String bad : new String[] {"a<b", "a>b", "a\"b", "a|b", "a?b", "a*b", "a:b", "tab\tname",
                "CON", "nul", "Nul.txt", "com1", "LPT9.log", "aux .txt", "x".repeat(256)}) {
            assertEquals(INVALID_HANDLE_VALUE, create(drive + "\\" + bad, GENERIC_WRITE, 0, CREATE_ALWAYS), bad);
            assertEquals(ERROR_INVALID_NAME, k32.GetLastError(), bad);
        }
        for (String raw : new String[] {"\\\\?\\" + drive + "\\..\\x", "\\\\?\\" + drive + "\\trailing.",
                "\\\\?\\" + drive + "\\trailing ", "\\\\?\\" + drive + "\\a\\\\b"}) {
            assertEquals(INVALID_HANDLE_VALUE, create(raw, GENERIC_WRITE, 0, CREATE_ALWAYS), raw);
            assertEquals(ERROR_INVALID_NAME, k32.GetLastError(), raw);
        }
        long ok = create(drive + "\\console.txt", GENERIC_WRITE, 0, CREATE_ALWAYS);
        assertNotEquals(INVALID_HANDLE_VALUE, ok, "a reserved name is the whole base name only");
    }

    // ---- locks ----

    /**
     * Locks belong to the file object and the process (§8): a child that shares the parent's file object
     * through an inherited handle takes a lock, which the parent's own LockFile then meets, until the child
     * closes its last handle (a second, duplicated one keeps it), or ends.
     */
    @ParameterizedTest
    @ValueSource(strings = {"close", "exit"})
    void aSharedFileObjectsLocksGoWithTheProcessThatTookThem(String how) {
        boot();
        SecurityAttributes inherit = new SecurityAttributes(null, true);
        long h = k32.CreateFile("C:\\shared.bin", RW, 0, inherit, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h);
        long locked = k32.CreateEvent(null, false, false, "locked");
        long closedOne = k32.CreateEvent(null, false, false, "closed-one");
        long go = k32.CreateEvent(null, false, false, "go");
        system.register("locker.exe", (self, commandLine) -> {
            long file = Long.parseLong(commandLine.split(" ")[1]);
            long[] second = new long[1];
            self.DuplicateHandle(self.GetCurrentProcess(), file, self.GetCurrentProcess(), second, 0, false,
                    DUPLICATE_SAME_ACCESS);
            if (!self.LockFile(file, 0, 0, 10, 0)) {
                return 1;
            }
            long lockedEvent = self.OpenEvent(EVENT_ALL_ACCESS, false, "locked");
            long goEvent = self.OpenEvent(EVENT_ALL_ACCESS, false, "go");
            self.SetEvent(lockedEvent);
            self.WaitForSingleObject(goEvent, 10_000);
            self.CloseHandle(file); // the duplicate still holds the file object in this process
            self.SetEvent(self.OpenEvent(EVENT_ALL_ACCESS, false, "closed-one"));
            self.WaitForSingleObject(goEvent, 10_000);
            if (how.equals("close")) {
                self.CloseHandle(second[0]);
                self.SetEvent(lockedEvent);
                self.WaitForSingleObject(goEvent, 10_000);
            }
            return 0;
        });
        ProcessInformation pi = new ProcessInformation();
        assertTrue(k32.CreateProcess(null, "locker.exe " + h, null, null, true, 0, null, null, new StartupInfo(), pi));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(locked, 10_000));
        assertFalse(k32.LockFile(h, 0, 0, 1, 0), "the child's lock, though the file object is shared");
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError());
        assertFalse(k32.UnlockFile(h, 0, 0, 10, 0), "nor can the parent unlock it");
        assertEquals(ERROR_NOT_LOCKED, k32.GetLastError());
        assertTrue(k32.SetEvent(go));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(closedOne, 10_000));
        assertFalse(k32.LockFile(h, 0, 0, 1, 0), "the child still has a handle");
        assertTrue(k32.SetEvent(go));
        if (how.equals("close")) {
            assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(locked, 10_000));
            assertTrue(k32.LockFile(h, 0, 0, 10, 0), "released by the child's last handle, the process alive");
            assertTrue(k32.SetEvent(go));
        }
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(pi.hProcess, 10_000));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeProcess(pi.hProcess, code));
        assertEquals(0, code[0]);
        if (how.equals("exit")) {
            assertTrue(k32.LockFile(h, 0, 0, 10, 0), "released by the child's exit");
        }
        assertTrue(k32.UnlockFile(h, 0, 0, 10, 0));
    }

    @Test
    void byteRangeLocks() {
        boot();
        long h = create("C:\\lock.txt", RW, FILE_SHARE_READ | FILE_SHARE_WRITE, CREATE_ALWAYS);
        write(h, "0123456789");
        long other = create("C:\\lock.txt", RW, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
        assertTrue(k32.LockFile(h, 2, 0, 4, 0));
        assertFalse(k32.LockFile(h, 5, 0, 1, 0));
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError(), "locks never nest, even for their owner");
        assertFalse(k32.LockFile(other, 0, 0, 3, 0));
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError());
        assertTrue(k32.LockFile(other, 6, 0, 2, 0), "adjacent ranges do not overlap");
        assertTrue(k32.LockFile(other, 3, 0, 0, 0), "zero-length locks never conflict");

        int[] n = new int[1];
        assertEquals(3, k32.SetFilePointer(other, 3, null, FILE_BEGIN));
        assertFalse(k32.ReadFile(other, new byte[2], 2, n, null));
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError(), "another owner's exclusive range");
        assertEquals(2, k32.SetFilePointer(h, 2, null, FILE_BEGIN));
        assertEquals("2345", read(h, 4));

        assertFalse(k32.UnlockFile(h, 2, 0, 3, 0));
        assertEquals(ERROR_NOT_LOCKED, k32.GetLastError(), "unlock names the exact range");
        assertFalse(k32.UnlockFile(other, 2, 0, 4, 0));
        assertEquals(ERROR_NOT_LOCKED, k32.GetLastError(), "only the owner unlocks");
        assertTrue(k32.UnlockFile(h, 2, 0, 4, 0));
        assertEquals("34", read(other, 2));

        Overlapped at = new Overlapped();
        at.offset = 0;
        assertTrue(k32.LockFileEx(h, 0, 0, 2, 0, at));
        assertTrue(k32.LockFileEx(other, LOCKFILE_FAIL_IMMEDIATELY, 0, 2, 0, at), "shared locks share");
        assertFalse(k32.LockFileEx(other, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, at));
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError());
        assertEquals(0, k32.SetFilePointer(h, 0, null, FILE_BEGIN));
        assertFalse(k32.WriteFile(h, ascii("zz"), 2, n, null));
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError(), "a shared lock refuses writes even to its holder");
        assertTrue(k32.UnlockFileEx(h, 0, 2, 0, at));

        assertTrue(k32.CloseHandle(other)); // its locks go with its file object
        assertTrue(k32.LockFile(h, 0, 0, 10, 0));
        long readOnly = create("C:\\lock.txt", FILE_READ_ATTRIBUTES, 7, OPEN_EXISTING);
        assertFalse(k32.LockFile(readOnly, 20, 0, 1, 0));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
    }

    // ---- waiting locks ----

    /** Two opens of one file, both sharing everything, the first holding [0, 10) exclusively. */
    private long[] heldAndWaiter(int waiterFlags) {
        boot();
        long holder = create("C:\\wait.txt", RW, 7, CREATE_ALWAYS);
        assertTrue(k32.LockFile(holder, 0, 0, 10, 0));
        long waiter = k32.CreateFile("C:\\wait.txt", RW, 7, null, OPEN_EXISTING, waiterFlags, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, waiter);
        return new long[] {holder, waiter};
    }

    private static Overlapped at(int offset, long event) {
        Overlapped ov = new Overlapped();
        ov.offset = offset;
        ov.hEvent = event;
        return ov;
    }

    @Test
    void aSynchronousLockFileExWaitsForTheUnlock() throws Exception {
        long[] h = heldAndWaiter(0);
        java.util.concurrent.CompletableFuture<Boolean> locked = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> k32.LockFileEx(h[1], LOCKFILE_EXCLUSIVE_LOCK, 0, 4, 0, at(5, 0)), runnable -> new Thread(runnable).start());
        Thread.sleep(100);
        assertFalse(locked.isDone(), "the range is held");
        assertTrue(k32.UnlockFile(h[0], 0, 0, 10, 0));
        assertTrue(locked.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(k32.LockFile(h[0], 6, 0, 1, 0), "the waiter holds [5, 9) now");
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError());
    }

    @Test
    void anOverlappedLockFileExPendsAndTheHoldersCloseGrantsIt() {
        long[] h = heldAndWaiter(FILE_FLAG_OVERLAPPED);
        long event = k32.CreateEvent(null, true, false, null);
        Overlapped ov = at(0, event);
        assertFalse(k32.LockFileEx(h[1], LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, ov));
        assertEquals(ERROR_IO_PENDING, k32.GetLastError());
        int[] n = new int[1];
        assertFalse(k32.GetOverlappedResult(h[1], ov, n, false));
        assertEquals(ERROR_IO_INCOMPLETE, k32.GetLastError());
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(event, 50));
        assertTrue(k32.CloseHandle(h[0]));
        assertTrue(k32.GetOverlappedResult(h[1], ov, n, true));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(event, 0));
        assertTrue(k32.LockFileEx(h[1], LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, at(0, 0)) == false);
        assertEquals(ERROR_LOCK_VIOLATION, k32.GetLastError(), "the granted lock is held, and exclusive");
    }

    @Test
    void cancelIoExCancelsAWaitingLockWhichIsNeverGranted() {
        long[] h = heldAndWaiter(FILE_FLAG_OVERLAPPED);
        Overlapped ov = at(0, k32.CreateEvent(null, true, false, null));
        assertFalse(k32.LockFileEx(h[1], LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, ov));
        assertEquals(ERROR_IO_PENDING, k32.GetLastError());
        assertTrue(k32.CancelIoEx(h[1], ov));
        int[] n = new int[1];
        assertFalse(k32.GetOverlappedResult(h[1], ov, n, true));
        assertEquals(ERROR_OPERATION_ABORTED, k32.GetLastError());
        assertTrue(k32.UnlockFile(h[0], 0, 0, 10, 0));
        assertTrue(k32.LockFile(h[0], 0, 0, 1, 0), "the cancelled waiter took nothing");
    }

    @Test
    void anInterruptEndsASynchronousWaitForALock() throws Exception {
        long[] h = heldAndWaiter(0);
        int[] error = new int[1];
        Thread waiting = new Thread(() -> {
            if (!k32.LockFileEx(h[1], LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, at(0, 0))) {
                error[0] = k32.GetLastError();
            }
        });
        waiting.start();
        Thread.sleep(100);
        assertTrue(waiting.isAlive());
        waiting.interrupt();
        waiting.join(5000);
        assertFalse(waiting.isAlive());
        assertEquals(ERROR_OPERATION_ABORTED, error[0]);
        assertTrue(k32.UnlockFile(h[0], 0, 0, 10, 0));
        assertTrue(k32.LockFile(h[0], 0, 0, 1, 0), "the interrupted waiter took nothing");
    }

    @Test
    void terminatingAThreadEndsItsWaitForALock() throws Exception {
        long[] h = heldAndWaiter(0);
        java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
        int[] tid = new int[1];
        long thread = k32.CreateThread(null, 0, p -> {
            k32.LockFileEx(h[1], LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, at(0, 0));
            returned.set(true);
            return 0;
        }, 0, 0, tid);
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(thread, 100));
        assertTrue(k32.TerminateThread(thread, 7));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeThread(thread, code));
        assertEquals(7, code[0]);
        assertFalse(returned.get(), "the thread was fenced, not let through");
        assertTrue(k32.UnlockFile(h[0], 0, 0, 10, 0));
        assertTrue(k32.LockFile(h[0], 0, 0, 1, 0), "the terminated waiter took nothing");
    }

    // ---- without the family ----

    @Test
    void aKernelWithoutTheFsFamilyHasNoDrivesAndNoFileCalls() {
        kernel = Kernels.boot(KernelConfig.defaults().withModules("sync"));
        system = Win32.boot(kernel);
        k32 = system.attach("bare.exe").kernel32();
        assertEquals(INVALID_HANDLE_VALUE, create("C:\\x.txt", GENERIC_WRITE, 0, CREATE_ALWAYS));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError(), "no \\??\\C: without a volume");
        assertEquals(INVALID_FILE_SIZE, k32.GetFileSize(4, null));
        assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k32.GetLastError());
        assertFalse(k32.DeleteFile("C:\\x.txt"));
        assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k32.GetLastError());
        assertFalse(k32.LockFile(4, 0, 0, 1, 0));
        assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k32.GetLastError());
        assertEquals(INVALID_FILE_ATTRIBUTES, k32.GetFileAttributes("C:\\"));
        assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k32.GetLastError());
    }

    @Test
    void aKernelWithNoVolumesHasNoDrives() {
        kernel = Kernels.boot(KernelConfig.defaults().withVolumes());
        system = Win32.boot(kernel);
        k32 = system.attach("bare.exe").kernel32();
        assertEquals(INVALID_HANDLE_VALUE, create("C:\\x.txt", GENERIC_WRITE, 0, CREATE_ALWAYS));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError());
        assertFalse(k32.CreateDirectory("C:\\d", null));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError());
    }

    // ---- host directory ----

    @Test
    void aHostDirectoryRoundTripsFilesWithOtherPrograms() throws Exception {
        Files.writeString(host.resolve("From-Host.txt"), "written outside");
        boot();
        long h = create("D:\\from-host.TXT", RW, 0, OPEN_EXISTING);
        assertEquals("written outside", read(h, 100));
        write(h, " and inside");
        assertTrue(k32.CloseHandle(h));
        assertEquals("written outside and inside", Files.readString(host.resolve("From-Host.txt")));
        h = create("D:\\new.txt", GENERIC_WRITE, 0, CREATE_NEW);
        write(h, "made by kobj");
        assertTrue(k32.CloseHandle(h));
        assertEquals("made by kobj", Files.readString(host.resolve("new.txt")));
        assertTrue(k32.DeleteFile("D:\\NEW.txt"));
        assertFalse(Files.exists(host.resolve("new.txt")));
    }

    @Test
    void aHostDirectoryRefusesEveryWayOut() throws Exception {
        Path outside = Files.createTempDirectory("kobj-outside");
        try {
            Files.writeString(outside.resolve("secret.txt"), "secret");
            Files.createSymbolicLink(host.resolve("link"), outside);
            Files.createSymbolicLink(host.resolve("filelink.txt"), outside.resolve("secret.txt"));
            boot();
            String[] escapes = {"D:\\link\\secret.txt", "D:\\filelink.txt", "\\\\?\\D:\\..\\secret.txt",
                "\\\\?\\D:\\link\\..\\..\\secret.txt", "D:\\" + outside + "\\secret.txt",
                "\\\\?\\D:\\" + outside.toString().replace('/', '\\') + "\\secret.txt",
                "\\\\?\\D:\\/etc/passwd", "D:\\..\\" + outside.getFileName() + "\\secret.txt"};
            for (String escape : escapes) {
                long h = create(escape, GENERIC_READ, 7, OPEN_EXISTING);
                assertEquals(INVALID_HANDLE_VALUE, h, escape);
                assertTrue(java.util.Set.of(ERROR_ACCESS_DENIED, ERROR_INVALID_NAME, ERROR_FILE_NOT_FOUND,
                        ERROR_PATH_NOT_FOUND).contains(k32.GetLastError()), escape + ": " + k32.GetLastError());
            }
            assertEquals(INVALID_HANDLE_VALUE, create("D:\\link\\secret.txt", GENERIC_READ, 7, OPEN_EXISTING));
            assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError(), "a link is never followed");
            assertFalse(k32.DeleteFile("D:\\filelink.txt"));
            assertFalse(k32.CreateDirectory("D:\\link\\made", null));
            assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
            assertFalse(Files.exists(outside.resolve("made")));
        } finally {
            Files.deleteIfExists(outside.resolve("secret.txt"));
            Files.deleteIfExists(outside);
        }
    }
}
