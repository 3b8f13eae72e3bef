package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Win32 and NT shapes of the I/O manager, on a test driver (TestIoModule). */
@Timeout(30)
class IoApiTest {
    private final Kernel kernel = Kernels.boot(KernelConfig.defaults());
    private final Win32System system = Win32.boot(kernel);
    private final Win32Process process = system.attach("io.exe");
    private final Kernel32 k32 = process.kernel32();
    private final Ntdll nt = process.ntdll();
    private final TestIoModule.TestDriver driver = kernel.service(TestIoModule.Control.class).orElseThrow().driver();

    @AfterEach
    void close() {
        Thread.interrupted();
        system.close();
        kernel.close();
    }

    private long open(String name, int flags) {
        long h = k32.CreateFile("\\\\.\\KobjTest\\" + name, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING, flags, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h);
        return h;
    }

    @Test
    void synchronousReadsMoveTheFilePointerAndEndOfFileIsZeroBytes() {
        long h = open("sync", 0);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        byte[] buffer = new byte[60];
        int[] read = new int[1];
        assertTrue(k32.ReadFile(h, buffer, 60, read, null));
        assertEquals(60, read[0]);
        assertEquals(59, buffer[59]);
        assertTrue(k32.ReadFile(h, buffer, 60, read, null));
        assertEquals(40, read[0]);
        assertEquals(60, buffer[0]);
        assertTrue(k32.ReadFile(h, buffer, 60, read, null));
        assertEquals(0, read[0]);
        assertTrue(k32.WriteFile(h, buffer, 7, read, null));
        assertEquals(7, read[0]);
        assertTrue(k32.FlushFileBuffers(h));
        assertFalse(k32.ReadFile(h, buffer, 61, read, null));
        assertEquals(ERROR_NOACCESS, k32.GetLastError());
    }

    @Test
    void anOverlappedReadAtEndOfFileFailsWithHandleEof() {
        long h = open("sync", FILE_FLAG_OVERLAPPED);
        Overlapped ov = new Overlapped();
        ov.offset = 100;
        int[] read = {9};
        assertFalse(k32.ReadFile(h, new byte[4], 4, read, ov));
        assertEquals(ERROR_HANDLE_EOF, k32.GetLastError());
        assertEquals(0, read[0]);
        assertEquals(STATUS_END_OF_FILE, (int) ov.internal);
        ov.offset = 98;
        assertTrue(k32.ReadFile(h, new byte[4], 4, read, ov));
        assertEquals(2, read[0]);
        assertEquals(2, ov.internalHigh);
        assertFalse(k32.ReadFile(h, new byte[4], 4, read, null)); // an overlapped handle needs an OVERLAPPED
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
    }

    @Test
    void createFileReportsNamesAndDispositionsTheWin32Way() {
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile("\\\\.\\KobjTest\\nope", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0));
        assertEquals(ERROR_FILE_NOT_FOUND, k32.GetLastError());
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile("\\\\.\\NoDevice\\x", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError());
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile("\\\\.\\KobjTest\\sync", GENERIC_READ, 0, null, 9, 0, 0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        assertEquals(INVALID_HANDLE_VALUE, k32.CreateFile("", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0));
        assertEquals(ERROR_PATH_NOT_FOUND, k32.GetLastError());
        long h = k32.CreateFile("\\\\.\\kobjtest\\sync", GENERIC_READ, 0, null, OPEN_ALWAYS, 0, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h);
        assertEquals(ERROR_ALREADY_EXISTS, k32.GetLastError()); // it existed (FILE_OPENED)
    }

    @Test
    void getFileTypeFollowsTheDevice() {
        assertEquals(FILE_TYPE_DISK, k32.GetFileType(open("sync", 0)));
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        long pipe = k32.CreateFile("\\\\.\\KobjPipe\\sync", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0);
        assertEquals(FILE_TYPE_PIPE, k32.GetFileType(pipe));
        assertEquals(FILE_TYPE_UNKNOWN, k32.GetFileType(k32.CreateEvent(null, true, false, null)));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
        assertEquals(FILE_TYPE_UNKNOWN, k32.GetFileType(0x7FF0));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void flushNeedsWriteAccess() {
        long h = k32.CreateFile("\\\\.\\KobjTest\\sync", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0);
        assertFalse(k32.FlushFileBuffers(h));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
        assertFalse(k32.WriteFile(h, new byte[1], 1, new int[1], null));
        assertEquals(ERROR_ACCESS_DENIED, k32.GetLastError());
    }

    @Test
    void aPendingReadCompletesIntoTheOverlappedAndItsEvent() throws Exception {
        long h = open("later", FILE_FLAG_OVERLAPPED);
        long event = k32.CreateEvent(null, true, true, null);
        Overlapped ov = new Overlapped(event);
        int[] read = new int[1];
        assertFalse(k32.ReadFile(h, new byte[8], 8, read, ov));
        assertEquals(ERROR_IO_PENDING, k32.GetLastError());
        assertEquals(STATUS_PENDING, (int) ov.internal);
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(event, 0)); // reset when the I/O started
        assertFalse(k32.GetOverlappedResult(h, ov, read, false));
        assertEquals(ERROR_IO_INCOMPLETE, k32.GetLastError());
        assertTrue(driver.completeNext(STATUS_SUCCESS, 5));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(event, 0));
        assertTrue(k32.GetOverlappedResult(h, ov, read, false));
        assertEquals(5, read[0]);
        assertEquals(STATUS_SUCCESS, (int) ov.internal);
    }

    @Test
    void getOverlappedResultWaitsOnTheFileWhenThereIsNoEvent() throws Exception {
        long h = open("later", FILE_FLAG_OVERLAPPED);
        Overlapped ov = new Overlapped();
        assertFalse(k32.WriteFile(h, new byte[3], 3, null, ov));
        assertEquals(ERROR_IO_PENDING, k32.GetLastError());
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(30);
                driver.completeNext(STATUS_SUCCESS, 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int[] written = new int[1];
        assertTrue(k32.GetOverlappedResult(h, ov, written, true));
        assertEquals(3, written[0]);
    }

    @Test
    void cancelIoExEndsOneRequestAndCancelIoTheThreadsRequests() throws Exception {
        long h = open("later", FILE_FLAG_OVERLAPPED);
        Overlapped first = new Overlapped(k32.CreateEvent(null, true, false, null));
        Overlapped second = new Overlapped(k32.CreateEvent(null, true, false, null));
        assertFalse(k32.ReadFile(h, new byte[1], 1, null, first));
        assertFalse(k32.ReadFile(h, new byte[1], 1, null, second));
        assertTrue(k32.CancelIoEx(h, first));
        int[] n = new int[1];
        assertFalse(k32.GetOverlappedResult(h, first, n, true));
        assertEquals(ERROR_OPERATION_ABORTED, k32.GetLastError());
        assertFalse(k32.CancelIoEx(h, first));
        assertEquals(ERROR_NOT_FOUND, k32.GetLastError());
        assertEquals(STATUS_PENDING, (int) second.internal);
        assertTrue(k32.CancelIo(h));
        assertFalse(k32.GetOverlappedResult(h, second, n, true));
        assertEquals(ERROR_OPERATION_ABORTED, k32.GetLastError());
        assertTrue(k32.CancelIo(h)); // nothing left: still TRUE
        assertFalse(k32.CancelIo(0x7FF0));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void anInterruptEndsABlockedSynchronousRead() throws Exception {
        long h = open("later", 0);
        CompletableFuture<Integer> error = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            boolean ok = k32.ReadFile(h, new byte[1], 1, new int[1], null);
            error.complete(ok ? 0 : k32.GetLastError());
        });
        while (driver.pending.isEmpty()) {
            Thread.sleep(2);
        }
        reader.interrupt();
        assertEquals(ERROR_OPERATION_ABORTED, error.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFileOnAPortReportsEachCompletionThere() throws Exception {
        long h = open("later", FILE_FLAG_OVERLAPPED);
        long port = k32.CreateIoCompletionPort(h, NULL, 77, 0);
        assertNotEquals(NULL, port);
        assertEquals(NULL, k32.CreateIoCompletionPort(h, port, 78, 0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        assertEquals(NULL, k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, port, 0, 0));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
        Overlapped ok = new Overlapped();
        Overlapped broken = new Overlapped();
        assertFalse(k32.ReadFile(h, new byte[8], 8, null, ok));
        assertTrue(driver.completeNext(STATUS_SUCCESS, 6));
        assertFalse(k32.ReadFile(h, new byte[8], 8, null, broken));
        assertTrue(driver.completeNext(STATUS_PIPE_BROKEN, 0));
        int[] bytes = new int[1];
        long[] key = new long[1];
        Overlapped[] ov = new Overlapped[1];
        assertTrue(k32.GetQueuedCompletionStatus(port, bytes, key, ov, 0));
        assertEquals(6, bytes[0]);
        assertEquals(77, key[0]);
        assertSame(ok, ov[0]);
        assertFalse(k32.GetQueuedCompletionStatus(port, bytes, key, ov, 0));
        assertEquals(ERROR_BROKEN_PIPE, k32.GetLastError());
        assertSame(broken, ov[0]);
        assertFalse(k32.GetQueuedCompletionStatus(port, bytes, key, ov, 0));
        assertEquals(WAIT_TIMEOUT, k32.GetLastError());
        assertNull(ov[0]);
        long second = k32.CreateIoCompletionPort(open("sync", FILE_FLAG_OVERLAPPED), port, 5, 0);
        assertEquals(port, second); // associating returns the existing port
    }

    @Test
    void anEventHandleWithBitZeroSetKeepsTheCompletionOffThePort() throws Exception {
        long h = open("later", FILE_FLAG_OVERLAPPED);
        long port = k32.CreateIoCompletionPort(h, NULL, 1, 0);
        long event = k32.CreateEvent(null, true, false, null);
        Overlapped quiet = new Overlapped(event | 1);
        assertFalse(k32.ReadFile(h, new byte[2], 2, null, quiet));
        assertEquals(ERROR_IO_PENDING, k32.GetLastError());
        assertTrue(driver.completeNext(STATUS_SUCCESS, 2));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(event, 0));
        int[] n = new int[1];
        assertTrue(k32.GetOverlappedResult(h, quiet, n, true));
        assertEquals(2, n[0]);
        assertFalse(k32.GetQueuedCompletionStatus(port, new int[1], new long[1], new Overlapped[1], 0));
        assertEquals(WAIT_TIMEOUT, k32.GetLastError());
    }

    @Test
    void closingThePortEndsAWaitWithAbandonedWait() throws Exception {
        long port = k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
        CompletableFuture<Integer> error = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            Overlapped[] ov = {new Overlapped()};
            boolean got = k32.GetQueuedCompletionStatus(port, new int[1], new long[1], ov, INFINITE);
            error.complete(got ? 0 : ov[0] == null ? k32.GetLastError() : -1);
        });
        Thread.sleep(50);
        assertTrue(k32.CloseHandle(port));
        assertEquals(ERROR_ABANDONED_WAIT_0, error.get(10, TimeUnit.SECONDS));
        assertFalse(k32.GetQueuedCompletionStatus(port, new int[1], new long[1], new Overlapped[1], 0));
        assertEquals(ERROR_INVALID_HANDLE, k32.GetLastError());
    }

    @Test
    void anInterruptEndsAPortWait() throws Exception {
        long port = k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
        CompletableFuture<Integer> error = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            boolean got = k32.GetQueuedCompletionStatus(port, new int[1], new long[1], new Overlapped[1], INFINITE);
            error.complete(got ? 0 : k32.GetLastError());
        });
        Thread.sleep(50);
        waiter.interrupt();
        assertEquals(ERROR_OPERATION_ABORTED, error.get(10, TimeUnit.SECONDS));
    }

    @Test
    void getQueuedCompletionStatusExTakesSeveralAndIsAlertable() {
        long port = k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
        Overlapped a = new Overlapped();
        assertTrue(k32.PostQueuedCompletionStatus(port, 1, 10, a));
        assertTrue(k32.PostQueuedCompletionStatus(port, 2, 20, null));
        assertTrue(k32.PostQueuedCompletionStatus(port, 3, 30, null));
        OverlappedEntry[] entries = new OverlappedEntry[2];
        int[] removed = new int[1];
        assertTrue(k32.GetQueuedCompletionStatusEx(port, entries, 2, removed, 0, false));
        assertEquals(2, removed[0]);
        assertEquals(10, entries[0].lpCompletionKey);
        assertSame(a, entries[0].lpOverlapped);
        assertEquals(1, entries[0].dwNumberOfBytesTransferred);
        assertEquals(20, entries[1].lpCompletionKey);
        assertTrue(k32.GetQueuedCompletionStatusEx(port, entries, 2, removed, 0, false));
        assertEquals(1, removed[0]);
        assertEquals(30, entries[0].lpCompletionKey);
        assertFalse(k32.GetQueuedCompletionStatusEx(port, entries, 2, removed, 10, false));
        assertEquals(WAIT_TIMEOUT, k32.GetLastError());
        assertEquals(0, removed[0]);
        AtomicInteger apcs = new AtomicInteger();
        k32.QueueUserAPC(p -> apcs.incrementAndGet(), k32.GetCurrentThread(), 0);
        assertFalse(k32.GetQueuedCompletionStatusEx(port, entries, 2, removed, INFINITE, true));
        assertEquals(WAIT_IO_COMPLETION, k32.GetLastError());
        assertEquals(1, apcs.get());
        assertFalse(k32.GetQueuedCompletionStatusEx(port, entries, 3, removed, 0, false));
        assertEquals(ERROR_INVALID_PARAMETER, k32.GetLastError());
    }

    @Test
    void ntdllPortsCarryTheApcContextAndStatus() {
        long[] port = new long[1];
        assertEquals(STATUS_SUCCESS, nt.NtCreateIoCompletion(port, IO_COMPLETION_ALL_ACCESS, null, 0));
        assertEquals(STATUS_SUCCESS, nt.NtSetIoCompletion(port[0], 5, 0x1234, STATUS_PIPE_BROKEN, 9));
        long[] key = new long[1];
        long[] apc = new long[1];
        IoStatusBlock iosb = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, nt.NtRemoveIoCompletion(port[0], key, apc, iosb, 0L));
        assertEquals(5, key[0]);
        assertEquals(0x1234, apc[0]);
        assertEquals(STATUS_PIPE_BROKEN, iosb.status);
        assertEquals(9, iosb.information);
        assertEquals(STATUS_TIMEOUT, nt.NtRemoveIoCompletion(port[0], key, apc, iosb, -10_000L));
        assertEquals(STATUS_INVALID_HANDLE, nt.NtRemoveIoCompletion(0x7FF0, key, apc, iosb, 0L));
        assertEquals(STATUS_INVALID_HANDLE, nt.NtSetIoCompletion(0x7FF0, 0, 0, 0, 0));
    }
}
