package dev.kobj.fs;

import static dev.kobj.api.io.CreateParameters.*;
import static dev.kobj.api.status.NtStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The volume driver at the NT level: IoService opens, reads and writes; FileService for the rest. */
@Timeout(30)
class VolumeDriverTest {
    private static final int SYNCHRONIZE = 0x0010_0000;
    private static final int DELETE = 0x0001_0000;
    private static final int FILE_READ_DATA = 0x1;
    private static final int FILE_WRITE_DATA = 0x2;
    private static final int FILE_READ_ATTRIBUTES = 0x80;
    private static final int RW = FILE_READ_DATA | FILE_WRITE_DATA;
    private static final int SYNC_IO = FILE_SYNCHRONOUS_IO_NONALERT;

    @TempDir
    Path host;
    private Kernel kernel;
    private IoService io;
    private FileService files;
    private ObjectManager objects;
    private KThread me;

    private void boot(VolumeConfig... volumes) {
        kernel = Kernels.boot(KernelConfig.defaults().withModules("fs").withVolumes(volumes));
        io = kernel.service(IoService.class).orElseThrow();
        files = kernel.service(FileService.class).orElseThrow();
        objects = kernel.service(ObjectManager.class).orElseThrow();
        KProcess process = kernel.processes().createProcess("fs.exe", 1);
        me = kernel.processes().adoptThread(process, Thread.currentThread());
    }

    private void bootBoth() {
        boot(VolumeConfig.memory('C'), VolumeConfig.hostDirectory('D', host));
    }

    @AfterEach
    void close() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private int open(String name, int access, int share, int disposition, int options, long[] handle,
            long[] information) {
        return io.createFile(me, ObjectAttributes.named(name, 0x40), access | SYNCHRONIZE, share, disposition,
                options | SYNC_IO, 0, null, handle, information);
    }

    private long open(String name, int access, int share, int disposition) {
        long[] handle = new long[1];
        assertEquals(STATUS_SUCCESS, open(name, access, share, disposition, 0, handle, new long[1]), name);
        return handle[0];
    }

    private int write(long handle, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return io.write(me, handle, 0, null, null, null, bytes, 0, bytes.length, IoRequest.USE_FILE_POINTER_POSITION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\??\\C:", "\\??\\D:"})
    void createDispositionsReportTheirInformation(String drive) {
        bootBoth();
        long[] h = new long[1];
        long[] info = new long[1];
        String f = drive + "\\f";
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, open(f, RW, 0, FILE_OPEN, 0, h, info));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, open(f, RW, 0, FILE_OVERWRITE, 0, h, info));
        assertEquals(STATUS_SUCCESS, open(f, RW, 0, FILE_CREATE, 0, h, info));
        assertEquals(FILE_CREATED, info[0]);
        assertEquals(STATUS_SUCCESS, write(h[0], "abc"));
        assertEquals(STATUS_SUCCESS, objects.close(me, h[0]));
        assertEquals(STATUS_OBJECT_NAME_COLLISION, open(f, RW, 0, FILE_CREATE, 0, h, info));
        assertEquals(STATUS_SUCCESS, open(f, RW, 0, FILE_OPEN_IF, 0, h, info));
        assertEquals(FILE_OPENED, info[0]);
        objects.close(me, h[0]);
        assertEquals(STATUS_SUCCESS, open(f, RW, 0, FILE_OVERWRITE_IF, 0, h, info));
        assertEquals(FILE_OVERWRITTEN, info[0]);
        long[] size = {-1};
        assertEquals(STATUS_SUCCESS, files.querySize(me, h[0], size));
        assertEquals(0, size[0]);
        objects.close(me, h[0]);
        assertEquals(STATUS_SUCCESS, open(f, RW, 0, FILE_SUPERSEDE, 0, h, info));
        assertEquals(FILE_SUPERSEDED, info[0]);
        objects.close(me, h[0]);
        assertEquals(STATUS_SUCCESS, open(drive + "\\g", RW, 0, FILE_OPEN_IF, 0, h, info));
        assertEquals(FILE_CREATED, info[0]);
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, open(drive + "\\none\\g", RW, 0, FILE_CREATE, 0, h, info));
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, open(drive + "\\f\\g", RW, 0, FILE_CREATE, 0, h, info),
                "a file in the middle of a path");
        assertEquals(STATUS_NOT_A_DIRECTORY, open(f, RW, 0, FILE_OPEN, FILE_DIRECTORY_FILE, h, info));
        assertEquals(STATUS_INVALID_PARAMETER, open(f, RW, 0, FILE_OPEN, FILE_DIRECTORY_FILE | FILE_NON_DIRECTORY_FILE,
                h, info));
    }

    @Test
    void sharingCountsOnlyOpensThatReadWriteOrDelete() {
        boot(VolumeConfig.memory('C'));
        long writer = open("\\??\\C:\\s", FILE_WRITE_DATA, 0, FILE_CREATE);
        long[] h = new long[1];
        assertEquals(STATUS_SHARING_VIOLATION, open("\\??\\C:\\s", FILE_READ_DATA, 7, FILE_OPEN, 0, h, new long[1]));
        assertEquals(STATUS_SUCCESS, open("\\??\\C:\\s", FILE_READ_ATTRIBUTES, 0, FILE_OPEN, 0, h, new long[1]),
                "an attribute-only open is not checked");
        long attributesOnly = h[0];
        assertEquals(STATUS_SUCCESS, objects.close(me, writer));
        assertEquals(STATUS_SUCCESS, open("\\??\\C:\\s", FILE_READ_DATA, 0, FILE_OPEN, 0, h, new long[1]),
                "nor counted");
        objects.close(me, attributesOnly);
    }

    @Test
    void hardLinksAreOneFileForSharing() throws Exception {
        boot(VolumeConfig.hostDirectory('D', host));
        Files.writeString(host.resolve("one"), "data");
        Files.createLink(host.resolve("two"), host.resolve("one"));
        long first = open("\\??\\D:\\one", FILE_WRITE_DATA, 0, FILE_OPEN);
        long[] h = new long[1];
        assertEquals(STATUS_SHARING_VIOLATION, open("\\??\\D:\\two", FILE_READ_DATA, 7, FILE_OPEN, 0, h, new long[1]));
        objects.close(me, first);
        assertEquals(STATUS_SUCCESS, open("\\??\\D:\\two", FILE_READ_DATA, 7, FILE_OPEN, 0, h, new long[1]));
    }

    @Test
    void caseInsensitiveLookupOnACaseSensitiveHostDisk() throws Exception {
        Files.writeString(host.resolve("Readme.TXT"), "r");
        Files.createDirectory(host.resolve("Dir"));
        Files.writeString(host.resolve("Dir").resolve("Inner.txt"), "i");
        boot(VolumeConfig.hostDirectory('D', host));
        long[] h = new long[1];
        long[] info = new long[1];
        assertEquals(STATUS_SUCCESS, open("\\??\\D:\\readme.txt", FILE_READ_DATA, 7, FILE_OPEN, 0, h, info));
        assertEquals(STATUS_SUCCESS, open("\\??\\D:\\DIR\\INNER.TXT", FILE_READ_DATA, 7, FILE_OPEN, 0, h, info));
        assertEquals(STATUS_OBJECT_NAME_COLLISION, open("\\??\\D:\\README.txt", RW, 7, FILE_CREATE, 0, h, info));
        assertEquals(STATUS_SUCCESS, open("\\??\\D:\\dir\\New.txt", RW, 7, FILE_CREATE, 0, h, info));
        assertTrue(Files.exists(host.resolve("Dir").resolve("New.txt")), "the case given at creation is kept");
    }

    @Test
    void reservedAndInvalidNamesAreRefusedOnBothKinds() {
        bootBoth();
        long[] h = new long[1];
        for (String drive : new String[] {"\\??\\C:\\", "\\??\\D:\\"}) {
            for (String bad : new String[] {"..", ".", "a.", "a ", "PRN", "aux.c", "a/b", "a\u0001", "a\\\\b"}) {
                assertEquals(STATUS_OBJECT_NAME_INVALID, open(drive + bad, RW, 7, FILE_OPEN_IF, 0, h, new long[1]),
                        drive + bad);
            }
        }
        assertTrue(host.toFile().list().length == 0, "nothing was made on the host");
    }

    @Test
    void setDispositionDeletesAtTheLastCloseAndCanBeUndone() throws Exception {
        boot(VolumeConfig.hostDirectory('D', host));
        long a = open("\\??\\D:\\d", RW | DELETE, 7, FILE_CREATE);
        long b = open("\\??\\D:\\d", FILE_READ_DATA, 7, FILE_OPEN);
        assertEquals(STATUS_ACCESS_DENIED, files.setDisposition(me, b, true), "needs DELETE");
        assertEquals(STATUS_SUCCESS, files.setDisposition(me, a, true));
        long[] h = new long[1];
        assertEquals(STATUS_DELETE_PENDING, open("\\??\\D:\\d", FILE_READ_DATA, 7, FILE_OPEN, 0, h, new long[1]));
        assertEquals(STATUS_SUCCESS, files.setDisposition(me, a, false));
        assertEquals(STATUS_SUCCESS, files.setDisposition(me, a, true));
        objects.close(me, a);
        assertTrue(Files.exists(host.resolve("d")), "b keeps it");
        objects.close(me, b);
        assertFalse(Files.exists(host.resolve("d")));
    }

    @Test
    void filesOnAnotherKindOfFileObjectAreNotTheServicesToAnswer() {
        boot(VolumeConfig.memory('C'));
        long[] size = new long[1];
        assertEquals(STATUS_INVALID_HANDLE, files.querySize(me, 0x7770, size));
        assertEquals(STATUS_INVALID_HANDLE, files.setEndOfFile(me, 0x7770, 0));
        assertEquals(STATUS_INVALID_PARAMETER, files.setPosition(me, 4, 0, 3, size));
        assertEquals(STATUS_INVALID_PARAMETER, files.setEndOfFile(me, 4, -1));
    }

    @Test
    void aJavaInterruptCancelsTheIoButNotTheFileObject() {
        boot(VolumeConfig.memory('C'));
        long h = open("\\??\\C:\\i", RW, 0, FILE_CREATE);
        Thread.currentThread().interrupt();
        int status = write(h, "lost");
        assertTrue(Thread.interrupted(), "the interrupt stays the caller's");
        assertEquals(STATUS_CANCELLED, status);
        assertEquals(STATUS_SUCCESS, write(h, "kept"));
        long[] size = new long[1];
        assertEquals(STATUS_SUCCESS, files.querySize(me, h, size));
        assertEquals(4, size[0]);
    }

    @Test
    void closingTheKernelClosesItsMemoryVolumes() throws Exception {
        boot(VolumeConfig.memory('C'));
        long h = open("\\??\\C:\\x", RW, 0, FILE_CREATE);
        long[] doc = new long[1];
        assertEquals(STATUS_SUCCESS, open("\\??\\C:\\y", RW | DELETE, 0, FILE_CREATE, FILE_DELETE_ON_CLOSE, doc,
                new long[1]), "a delete-on-close file open while the kernel closes");
        FsOpen open = (FsOpen) ((dev.kobj.api.io.FileObject) objects.lookup(me, h).object()).context2();
        kernel.close();
        kernel = null;
        assertFalse(open.path.getFileSystem().isOpen());
    }

    @Test
    void aMissingHostRootFailsTheBoot() {
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> boot(VolumeConfig.hostDirectory('D', host.resolve("absent"))));
        assertTrue(failure.getMessage().contains("cannot mount the configured volumes"), failure::toString);
    }

    /** Many threads race CREATE_NEW on one name and exclusive opens of another: the volume lock keeps both exact. */
    @Test
    void racingCreatesAndExclusiveOpensStayExact() throws Exception {
        boot(VolumeConfig.memory('C'));
        objects.close(me, open("\\??\\C:\\exclusive", RW, 0, FILE_CREATE));
        KProcess process = kernel.processes().createProcess("race.exe", 1);
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overlap = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                pool.submit(() -> {
                    KThread self = kernel.processes().adoptThread(process, Thread.currentThread());
                    long[] h = new long[1];
                    if (io.createFile(self, ObjectAttributes.named("\\??\\C:\\once", 0x40), RW | SYNCHRONIZE, 7,
                            FILE_CREATE, SYNC_IO, 0, null, h, null) == STATUS_SUCCESS) {
                        created.incrementAndGet();
                    }
                    for (int i = 0; i < 200; i++) {
                        if (io.createFile(self, ObjectAttributes.named("\\??\\C:\\exclusive", 0x40),
                                RW | SYNCHRONIZE, 0, FILE_OPEN, SYNC_IO, 0, null, h, null) == STATUS_SUCCESS) {
                            entered.incrementAndGet();
                            if (inside.incrementAndGet() != 1) {
                                overlap.incrementAndGet();
                            }
                            inside.decrementAndGet();
                            objects.close(self, h[0]);
                        }
                    }
                    return null;
                });
            }
        }
        assertEquals(1, created.get());
        assertEquals(0, overlap.get());
        assertTrue(entered.get() > 0);
    }
}
