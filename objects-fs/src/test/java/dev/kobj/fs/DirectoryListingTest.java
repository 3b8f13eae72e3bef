package dev.kobj.fs;

import static dev.kobj.api.io.CreateParameters.*;
import static dev.kobj.api.status.NtStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.fs.FileEntry;
import dev.kobj.api.fs.FileService;
import dev.kobj.api.fs.VolumeConfig;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.io.IoService;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FileService.queryDirectory (NtQueryDirectoryFile) on both volume kinds, and its wildcards. */
@Timeout(30)
class DirectoryListingTest {
    private static final int SYNCHRONIZE = 0x0010_0000;
    private static final int FILE_LIST_DIRECTORY = 0x1;
    private static final int FILE_WRITE_DATA = 0x2;
    private static final int FILE_READ_ATTRIBUTES = 0x80;

    @TempDir
    Path host;
    private Kernel kernel;
    private IoService io;
    private FileService files;
    private ObjectManager objects;
    private KThread me;

    private void boot() {
        kernel = Kernels.boot(KernelConfig.defaults().withModules("fs").withVolumes(VolumeConfig.memory('C'),
                VolumeConfig.hostDirectory('D', host)));
        io = kernel.service(IoService.class).orElseThrow();
        files = kernel.service(FileService.class).orElseThrow();
        objects = kernel.service(ObjectManager.class).orElseThrow();
        KProcess process = kernel.processes().createProcess("ls.exe", 1);
        me = kernel.processes().adoptThread(process, Thread.currentThread());
    }

    @AfterEach
    void close() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private long open(String name, int access, int disposition, int options) {
        long[] handle = new long[1];
        assertEquals(STATUS_SUCCESS, io.createFile(me, ObjectAttributes.named(name, 0x40), access | SYNCHRONIZE, 7,
                disposition, options | FILE_SYNCHRONOUS_IO_NONALERT, 0, null, handle, null), name);
        return handle[0];
    }

    private void file(String name, String text) {
        long h = open(name, FILE_WRITE_DATA, FILE_CREATE, FILE_NON_DIRECTORY_FILE);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertEquals(STATUS_SUCCESS, io.write(me, h, 0, null, null, null, bytes, 0, bytes.length,
                IoRequest.USE_FILE_POINTER_POSITION));
        objects.close(me, h);
    }

    private void directory(String name) {
        objects.close(me, open(name, FILE_LIST_DIRECTORY, FILE_CREATE, FILE_DIRECTORY_FILE));
    }

    /** Every name the scan gives, {@code batch} entries per call, until STATUS_NO_MORE_FILES. */
    private List<String> names(long dir, String pattern, int batch) {
        List<String> names = new ArrayList<>();
        FileEntry[] entries = new FileEntry[batch];
        int[] count = new int[1];
        boolean first = true;
        int status;
        while ((status = files.queryDirectory(me, dir, first ? pattern : "ignored", first, entries, count))
                == STATUS_SUCCESS) {
            assertTrue(count[0] > 0 && count[0] <= batch);
            for (int i = 0; i < count[0]; i++) {
                names.add(entries[i].name());
            }
            first = false;
        }
        assertEquals(first ? STATUS_NO_SUCH_FILE : STATUS_NO_MORE_FILES, status);
        assertEquals(0, count[0]);
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\??\\C:", "\\??\\D:"})
    void aDirectoryListsItsEntriesInOrderWithWildcards(String drive) {
        boot();
        directory(drive + "\\dir");
        file(drive + "\\dir\\beta.txt", "12345");
        file(drive + "\\dir\\Alpha.TXT", "1");
        file(drive + "\\dir\\gamma.log", "");
        file(drive + "\\dir\\a", "");
        directory(drive + "\\dir\\sub");
        long dir = open(drive + "\\dir", FILE_LIST_DIRECTORY, FILE_OPEN, FILE_DIRECTORY_FILE);
        assertEquals(List.of(".", "..", "a", "Alpha.TXT", "beta.txt", "gamma.log", "sub"), names(dir, null, 3));
        assertEquals(List.of(".", "..", "a", "Alpha.TXT", "beta.txt", "gamma.log", "sub"), names(dir, "*.*", 100));
        assertEquals(List.of("Alpha.TXT", "beta.txt"), names(dir, "*.txt", 1));
        assertEquals(List.of("a", "Alpha.TXT"), names(dir, "A*", 10));
        assertEquals(List.of("beta.txt"), names(dir, "?ETA.*", 10));
        assertEquals(List.of("sub"), names(dir, "s?b", 10));
        assertEquals(List.of(), names(dir, "*.exe", 10));

        FileEntry[] one = new FileEntry[1];
        int[] count = new int[1];
        assertEquals(STATUS_SUCCESS, files.queryDirectory(me, dir, "beta.txt", true, one, count));
        assertEquals(5, one[0].size());
        assertFalse(one[0].isDirectory());
        assertEquals(FileService.FILE_ATTRIBUTE_ARCHIVE, one[0].attributes());
        assertEquals(STATUS_SUCCESS, files.queryDirectory(me, dir, "sub", true, one, count));
        assertTrue(one[0].isDirectory());
        assertEquals(0, one[0].size());

        long root = open(drive, FILE_LIST_DIRECTORY, FILE_OPEN, FILE_DIRECTORY_FILE);
        assertEquals(List.of("dir"), names(root, "*", 10), "no . or .. at the root");
    }

    @Test
    void badCallsChangeNothing() {
        boot();
        file("\\??\\C:\\f", "x");
        long f = open("\\??\\C:\\f", FILE_LIST_DIRECTORY, FILE_OPEN, 0);
        long dir = open("\\??\\C:", FILE_READ_ATTRIBUTES, FILE_OPEN, FILE_DIRECTORY_FILE);
        FileEntry[] entries = new FileEntry[4];
        int[] count = new int[1];
        assertEquals(STATUS_INVALID_PARAMETER, files.queryDirectory(me, f, null, true, entries, count));
        assertEquals(STATUS_ACCESS_DENIED, files.queryDirectory(me, dir, null, true, entries, count));
        assertEquals(STATUS_INVALID_HANDLE, files.queryDirectory(me, 0x7ff0, null, true, entries, count));
        assertEquals(STATUS_INVALID_PARAMETER, files.queryDirectory(me, dir, null, true, new FileEntry[0], count));
        assertEquals(STATUS_INVALID_PARAMETER, files.queryDirectory(me, dir, null, true, entries, null));
    }

    @Test
    void aHostDirectoryListsNeitherLinksNorNamesWindowsCannotHold() throws Exception {
        boot();
        Files.writeString(host.resolve("ok.txt"), "fine");
        Files.writeString(host.resolve("trailing."), "no");
        Files.createSymbolicLink(host.resolve("link"), host.resolve("ok.txt"));
        long root = open("\\??\\D:", FILE_LIST_DIRECTORY, FILE_OPEN, FILE_DIRECTORY_FILE);
        assertEquals(List.of("ok.txt"), names(root, null, 10));
    }

    @Test
    void patternsMatchAsFindFirstFileDoes() {
        assertTrue(NamePattern.of(null).matches("x"));
        assertTrue(NamePattern.of("*.*").matches("noext"));
        assertTrue(NamePattern.of("*a*b").matches("xxaYYab"));
        assertFalse(NamePattern.of("*a*b").matches("xxaYYabc"));
        assertTrue(NamePattern.of("a?c").matches("AbC"));
        assertFalse(NamePattern.of("a?c").matches("ac"));
        assertTrue(NamePattern.of("**?").matches("z"));
        assertFalse(NamePattern.of("**?").matches(""));
        assertTrue(NamePattern.of("*" + "*a".repeat(30)).matches("a".repeat(30)), "no exponential backtracking");
        assertFalse(NamePattern.of("*a".repeat(30) + "b").matches("a".repeat(60)));
    }
}
