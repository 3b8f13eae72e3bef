package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pipes and mailslots through Kernel32 (nt-semantics.md §7.1–§7.3), with the Windows error of every state. */
@Timeout(30)
class PipeApiTest {
    private static final String PIPE = "\\\\.\\pipe\\kobj-api";
    private static final String SLOT = "\\\\.\\mailslot\\kobj-api";

    private final Win32System system = Win32.boot();
    private final Win32Process process = system.attach("pipes.exe");
    private final Kernel32 k32 = process.kernel32();

    @AfterEach
    void close() {
        Thread.interrupted();
        system.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private long server(int openMode, int pipeMode, int instances) {
        long h = k32.CreateNamedPipe(PIPE, openMode, pipeMode, instances, 256, 256, 0, null);
        assertNotEquals(INVALID_HANDLE_VALUE, h, "CreateNamedPipe failed with " + k32.GetLastError());
        return h;
    }

    private long messageServer() {
        return server(PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1);
    }

    private long client() {
        long h = k32.CreateFile(PIPE, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING, 0, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h, "client open failed with " + k32.GetLastError());
        return h;
    }

    private void fails(boolean result, int error) {
        assertFalse(result);
        assertEquals(error, k32.GetLastError());
    }

    private void failsToCreate(long handle, int error) {
        assertEquals(INVALID_HANDLE_VALUE, handle);
        assertEquals(error, k32.GetLastError());
    }

    // ---- CreateNamedPipe ----

    @Test
    void createNamedPipeChecksItsArgumentsAndInstances() {
        failsToCreate(k32.CreateNamedPipe("\\\\.\\notpipe\\x", PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, null),
                ERROR_INVALID_NAME);
        failsToCreate(k32.CreateNamedPipe(PIPE + "x".repeat(250), PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, null),
                ERROR_INVALID_NAME);
        failsToCreate(k32.CreateNamedPipe(PIPE, 0, 0, 1, 0, 0, 0, null), ERROR_INVALID_PARAMETER);
        failsToCreate(k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX, PIPE_READMODE_MESSAGE, 1, 0, 0, 0, null),
                ERROR_INVALID_PARAMETER);
        failsToCreate(k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX, 0, 0, 0, 0, 0, null), ERROR_INVALID_PARAMETER);
        failsToCreate(k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX, 0, 256, 0, 0, 0, null), ERROR_INVALID_PARAMETER);
        k32.SetLastError(77);
        long first = server(PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE, 2);
        assertEquals(ERROR_SUCCESS, k32.GetLastError());
        long second = k32.CreateNamedPipe(PIPE.toUpperCase(), PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE, 2, 0, 0, 0, null);
        assertNotEquals(INVALID_HANDLE_VALUE, second);
        assertEquals(ERROR_ALREADY_EXISTS, k32.GetLastError());
        failsToCreate(k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE, 2, 0, 0, 0, null), ERROR_PIPE_BUSY);
        failsToCreate(k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE, PIPE_TYPE_MESSAGE,
                2, 0, 0, 0, null), ERROR_ACCESS_DENIED);
        failsToCreate(k32.CreateNamedPipe(PIPE, PIPE_ACCESS_INBOUND, PIPE_TYPE_MESSAGE, 2, 0, 0, 0, null),
                ERROR_ACCESS_DENIED);
        assertTrue(k32.CloseHandle(first));
        assertTrue(k32.CloseHandle(second));
        long again = k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE, 0, 1, 0, 0, 0, null);
        assertNotEquals(INVALID_HANDLE_VALUE, again, "the name went with its last instance");
    }

    @Test
    void clientOpensFailWithTheWindowsErrors() {
        failsToCreate(k32.CreateFile(PIPE, GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0), ERROR_FILE_NOT_FOUND);
        long srv = server(PIPE_ACCESS_OUTBOUND, 0, 1);
        failsToCreate(k32.CreateFile(PIPE, GENERIC_WRITE, 0, null, OPEN_EXISTING, 0, 0), ERROR_ACCESS_DENIED);
        long cli = k32.CreateFile(PIPE, GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, cli);
        failsToCreate(k32.CreateFile(PIPE, GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0), ERROR_PIPE_BUSY);
        int[] n = new int[1];
        fails(k32.WriteFile(cli, bytes("x"), 1, n, null), ERROR_ACCESS_DENIED);
        fails(k32.ReadFile(srv, new byte[1], 1, n, null), ERROR_ACCESS_DENIED);
        assertEquals(FILE_TYPE_PIPE, k32.GetFileType(cli));
    }

    // ---- connect, disconnect ----

    @Test
    void connectNamedPipeReportsEveryState() throws Exception {
        long srv = messageServer();
        long cli = client();
        fails(k32.ConnectNamedPipe(srv, null), ERROR_PIPE_CONNECTED);
        fails(k32.DisconnectNamedPipe(cli), ERROR_INVALID_FUNCTION);
        assertTrue(k32.CloseHandle(cli));
        fails(k32.ConnectNamedPipe(srv, null), ERROR_NO_DATA);
        int[] n = new int[1];
        fails(k32.ReadFile(srv, new byte[4], 4, n, null), ERROR_BROKEN_PIPE);
        assertTrue(k32.DisconnectNamedPipe(srv));
        fails(k32.ReadFile(srv, new byte[4], 4, n, null), ERROR_PIPE_NOT_CONNECTED);
        CompletableFuture<Boolean> connect = CompletableFuture.supplyAsync(() -> k32.ConnectNamedPipe(srv, null));
        long[] again = new long[1];
        assertTrue(eventually(() -> (again[0] = k32.CreateFile(PIPE, GENERIC_READ | GENERIC_WRITE, 0, null,
                OPEN_EXISTING, 0, 0)) != INVALID_HANDLE_VALUE));
        assertTrue(connect.get(5, TimeUnit.SECONDS));
        assertTrue(k32.WriteFile(again[0], bytes("ok"), 2, n, null));
    }

    @Test
    void aServerInNoWaitModeIsListeningWithoutAClient() {
        long srv = server(PIPE_ACCESS_DUPLEX, PIPE_NOWAIT, 1);
        fails(k32.ConnectNamedPipe(srv, null), ERROR_PIPE_LISTENING);
        int[] n = new int[1];
        fails(k32.ReadFile(srv, new byte[1], 1, n, null), ERROR_PIPE_LISTENING);
    }

    @Test
    void anOverlappedConnectPendsAndCompletesThroughItsEvent() {
        long srv = k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, 0, 1, 0, 0, 0, null);
        Overlapped ov = new Overlapped();
        ov.hEvent = k32.CreateEvent(null, true, false, null);
        fails(k32.ConnectNamedPipe(srv, ov), ERROR_IO_PENDING);
        int[] n = new int[1];
        fails(k32.GetOverlappedResult(srv, ov, n, false), ERROR_IO_INCOMPLETE);
        long cli = client();
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(ov.hEvent, 5000));
        assertTrue(k32.GetOverlappedResult(srv, ov, n, true));
        assertTrue(k32.CloseHandle(cli));

        long srv2 = k32.CreateNamedPipe(PIPE + "2", PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, 0, 1, 0, 0, 0, null);
        Overlapped cancelled = new Overlapped();
        fails(k32.ConnectNamedPipe(srv2, cancelled), ERROR_IO_PENDING);
        assertTrue(k32.CancelIoEx(srv2, cancelled));
        fails(k32.GetOverlappedResult(srv2, cancelled, n, true), ERROR_OPERATION_ABORTED);
    }

    @Test
    void aConnectWithoutOverlappedOnAnOverlappedHandleWaitsAsKernel32Does() throws Exception {
        long srv = k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, 0, 1, 0, 0, 0, null);
        CompletableFuture<Boolean> connect = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> connect.complete(k32.ConnectNamedPipe(srv, null)));
        Thread.sleep(50);
        assertFalse(connect.isDone());
        long cli = client();
        assertTrue(connect.get(5, TimeUnit.SECONDS));
        assertTrue(k32.CloseHandle(cli));
    }

    @Test
    void anOverlappedReadPendsUntilDataComesAndCancelIoEndsIt() {
        long srv = k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_MESSAGE
                | PIPE_READMODE_MESSAGE, 1, 0, 0, 0, null);
        long cli = client();
        Overlapped ov = new Overlapped();
        ov.hEvent = k32.CreateEvent(null, true, false, null);
        byte[] buf = new byte[4];
        int[] n = {-1};
        fails(k32.ReadFile(srv, buf, 4, n, ov), ERROR_IO_PENDING);
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(ov.hEvent, 20));
        assertTrue(k32.WriteFile(cli, bytes("abcdef"), 6, n, null));
        fails(k32.GetOverlappedResult(srv, ov, n, true), ERROR_MORE_DATA);
        assertEquals(4, n[0]);
        assertEquals("abcd", new String(buf, StandardCharsets.US_ASCII));
        assertTrue(k32.ReadFile(srv, buf, 4, n, ov), "the rest of the message is there at once");
        assertEquals(2, n[0]);
        fails(k32.ReadFile(srv, buf, 4, n, ov), ERROR_IO_PENDING);
        assertTrue(k32.CancelIo(srv));
        fails(k32.GetOverlappedResult(srv, ov, n, true), ERROR_OPERATION_ABORTED);
        assertTrue(k32.WriteFile(cli, bytes("xy"), 2, n, null));
        assertTrue(k32.ReadFile(srv, buf, 4, n, ov), "the cancelled read took nothing");
        assertEquals(2, n[0]);
    }

    @Test
    void flushFileBuffersWaitsForTheReader() throws Exception {
        long[] r = new long[1];
        long[] w = new long[1];
        assertTrue(k32.CreatePipe(r, w, null, 0));
        int[] n = new int[1];
        assertTrue(k32.WriteFile(w[0], bytes("data"), 4, n, null));
        CompletableFuture<Boolean> flush = CompletableFuture.supplyAsync(() -> k32.FlushFileBuffers(w[0]));
        Thread.sleep(50);
        assertFalse(flush.isDone());
        assertTrue(k32.ReadFile(r[0], new byte[8], 8, n, null));
        assertTrue(flush.get(5, TimeUnit.SECONDS));
        fails(k32.FlushFileBuffers(r[0]), ERROR_ACCESS_DENIED);
    }

    @Test
    void aBlockedConnectEndsByInterruptAndByTermination() throws Exception {
        long srv = messageServer();
        AtomicLong error = new AtomicLong();
        Thread t = Thread.ofPlatform().start(() -> {
            boolean ok = k32.ConnectNamedPipe(srv, null);
            error.set(ok ? 0 : k32.GetLastError());
        });
        Thread.sleep(100);
        t.interrupt();
        t.join(5000);
        assertEquals(ERROR_OPERATION_ABORTED, error.get());

        long[] threadHandle = new long[1];
        int[] id = new int[1];
        long h = k32.CreateThread(null, 0, p -> k32.ConnectNamedPipe(srv, null) ? 1 : 2, 0, 0, id);
        threadHandle[0] = h;
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(h, 100));
        assertTrue(k32.TerminateThread(h, 9));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(h, 5000));
        long cli = client();
        int[] n = new int[1];
        assertTrue(k32.WriteFile(cli, bytes("still"), 5, n, null), "the instance still works");
    }

    // ---- data ----

    @Test
    void aPartialMessageReadIsMoreData() {
        long srv = messageServer();
        long cli = client();
        int[] n = new int[1];
        assertTrue(k32.WriteFile(cli, bytes("0123456789"), 10, n, null));
        byte[] buf = new byte[16];
        fails(k32.ReadFile(srv, buf, 4, n, null), ERROR_MORE_DATA);
        assertEquals(4, n[0]);
        assertTrue(k32.ReadFile(srv, buf, 16, n, null));
        assertEquals(6, n[0]);
        assertEquals("456789", new String(buf, 0, 6, StandardCharsets.US_ASCII));
    }

    @Test
    void peekTransactAndHandleState() throws Exception {
        long srv = messageServer();
        long cli = client();
        int[] n = new int[1];
        assertTrue(k32.WriteFile(srv, bytes("hello"), 5, n, null));
        byte[] buf = new byte[3];
        int[] read = {-1};
        int[] avail = {-1};
        int[] left = {-1};
        assertTrue(k32.PeekNamedPipe(cli, buf, 3, read, avail, left));
        assertEquals(3, read[0]);
        assertEquals(5, avail[0]);
        assertEquals(2, left[0]);
        fails(k32.TransactNamedPipe(cli, bytes("q"), 1, buf, 3, n, null), ERROR_BAD_PIPE);
        assertTrue(k32.SetNamedPipeHandleState(cli, new int[] {PIPE_READMODE_MESSAGE}, null, null));
        fails(k32.TransactNamedPipe(cli, bytes("q"), 1, buf, 3, n, null), ERROR_PIPE_BUSY);
        assertTrue(k32.ReadFile(cli, new byte[8], 8, n, null));
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> {
            int[] m = new int[1];
            return k32.ReadFile(srv, new byte[8], 8, m, null) && k32.WriteFile(srv, bytes("reply!"), 6, m, null);
        });
        fails(k32.TransactNamedPipe(cli, bytes("question"), 8, buf, 3, n, null), ERROR_MORE_DATA);
        assertEquals(3, n[0]);
        assertTrue(answer.get(5, TimeUnit.SECONDS));
        assertTrue(k32.ReadFile(cli, buf, 3, n, null));
        assertEquals("ly!", new String(buf, StandardCharsets.US_ASCII));
        fails(k32.SetNamedPipeHandleState(cli, new int[] {0x10}, null, null), ERROR_INVALID_PARAMETER);
        int[] flags = {-1};
        int[] out = {-1};
        int[] in = {-1};
        int[] max = {-1};
        assertTrue(k32.GetNamedPipeInfo(srv, flags, out, in, max));
        assertEquals(PIPE_SERVER_END | PIPE_TYPE_MESSAGE, flags[0]);
        assertEquals(256, out[0]);
        assertEquals(256, in[0]);
        assertEquals(1, max[0]);
        assertTrue(k32.GetNamedPipeInfo(cli, flags, null, null, null));
        assertEquals(PIPE_CLIENT_END | PIPE_TYPE_MESSAGE, flags[0]);
    }

    @Test
    void waitNamedPipeWaitsForAListeningInstance() throws Exception {
        fails(k32.WaitNamedPipe(PIPE, 10), ERROR_FILE_NOT_FOUND);
        fails(k32.WaitNamedPipe("\\\\.\\nopipe\\x", 10), ERROR_INVALID_NAME);
        long srv = messageServer();
        assertTrue(k32.WaitNamedPipe(PIPE, NMPWAIT_NOWAIT));
        long cli = client();
        long start = System.nanoTime();
        fails(k32.WaitNamedPipe(PIPE, 60), ERROR_SEM_TIMEOUT);
        assertTrue(System.nanoTime() - start >= 55_000_000L);
        fails(k32.WaitNamedPipe(PIPE, NMPWAIT_USE_DEFAULT_WAIT), ERROR_SEM_TIMEOUT);
        CompletableFuture<Boolean> wait = CompletableFuture.supplyAsync(() -> k32.WaitNamedPipe(PIPE,
                NMPWAIT_WAIT_FOREVER));
        Thread.sleep(50);
        assertFalse(wait.isDone());
        long second = k32.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE, 2, 0, 0, 0, null);
        assertEquals(INVALID_HANDLE_VALUE, second, "the first instance's limit of 1 holds");
        assertTrue(k32.CloseHandle(cli));
        assertTrue(k32.DisconnectNamedPipe(srv));
        Thread.ofPlatform().start(() -> { // not the common pool: it may have one thread, taken by the wait
            try {
                k32.ConnectNamedPipe(srv, null);
            } catch (dev.kobj.api.KernelThreadExit e) {
                // the system closed under it at the end of the test
            }
        });
        assertTrue(wait.get(5, TimeUnit.SECONDS));
    }

    // ---- anonymous pipes ----

    @Test
    void anonymousPipesBreakAtTheRightEnds() throws Exception {
        long[] r = new long[1];
        long[] w = new long[1];
        assertTrue(k32.CreatePipe(r, w, null, 0));
        int[] n = new int[1];
        fails(k32.ReadFile(w[0], new byte[1], 1, n, null), ERROR_ACCESS_DENIED);
        fails(k32.PeekNamedPipe(w[0], null, 0, null, new int[1], null), ERROR_ACCESS_DENIED);
        assertTrue(k32.WriteFile(w[0], bytes("last"), 4, n, null));
        assertTrue(k32.CloseHandle(w[0]));
        byte[] buf = new byte[8];
        assertTrue(k32.ReadFile(r[0], buf, 8, n, null));
        assertEquals(4, n[0]);
        fails(k32.ReadFile(r[0], buf, 8, n, null), ERROR_BROKEN_PIPE);
        fails(k32.PeekNamedPipe(r[0], null, 0, null, null, null), ERROR_BROKEN_PIPE);

        assertTrue(k32.CreatePipe(r, w, null, 0));
        assertTrue(k32.CloseHandle(r[0]));
        fails(k32.WriteFile(w[0], bytes("x"), 1, n, null), ERROR_NO_DATA);
    }

    @Test
    void aBlockedReadIsWokenWhenTheWriterCloses() throws Exception {
        long[] r = new long[1];
        long[] w = new long[1];
        assertTrue(k32.CreatePipe(r, w, null, 16));
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            int[] n = new int[1];
            return k32.ReadFile(r[0], new byte[8], 8, n, null) ? 0 : k32.GetLastError();
        });
        Thread.sleep(50);
        assertFalse(read.isDone());
        assertTrue(k32.CloseHandle(w[0]));
        assertEquals(ERROR_BROKEN_PIPE, read.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aBlockedWriteIsWokenWhenTheReaderCloses() throws Exception {
        long[] r = new long[1];
        long[] w = new long[1];
        assertTrue(k32.CreatePipe(r, w, null, 16));
        CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> {
            int[] n = new int[1];
            return k32.WriteFile(w[0], new byte[100], 100, n, null) ? 0 : k32.GetLastError();
        });
        Thread.sleep(50);
        assertFalse(write.isDone(), "100 bytes do not fit in 16");
        assertTrue(k32.CloseHandle(r[0]));
        assertEquals(ERROR_NO_DATA, write.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anInheritedWriteEndReachesAChildProcess() {
        long[] r = new long[1];
        long[] w = new long[1];
        assertTrue(k32.CreatePipe(r, w, new SecurityAttributes(null, true), 0));
        system.register("child.exe", (self, commandLine) -> {
            long handle = Long.parseLong(commandLine.substring(commandLine.indexOf(' ') + 1));
            int[] n = new int[1];
            return self.WriteFile(handle, bytes("from child"), 10, n, null) ? n[0] : -1;
        });
        ProcessInformation pi = new ProcessInformation();
        assertTrue(k32.CreateProcess(null, "child.exe " + w[0], null, null, true, 0, null, null, new StartupInfo(), pi));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(pi.hProcess, 5000));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeProcess(pi.hProcess, code));
        assertEquals(10, code[0]);
        assertTrue(k32.CloseHandle(w[0]));
        byte[] buf = new byte[16];
        int[] n = new int[1];
        assertTrue(k32.ReadFile(r[0], buf, 16, n, null));
        assertEquals("from child", new String(buf, 0, n[0], StandardCharsets.US_ASCII));
        fails(k32.ReadFile(r[0], buf, 16, n, null), ERROR_BROKEN_PIPE);
    }

    @Test
    void terminatingAChildBlockedInReadFileClosesItsEndOfThePipe() {
        long[] r = new long[1];
        long[] w = new long[1];
        assertTrue(k32.CreatePipe(r, w, new SecurityAttributes(null, true), 0));
        system.register("reader.exe", (self, commandLine) -> {
            long handle = Long.parseLong(commandLine.substring(commandLine.indexOf(' ') + 1));
            int[] n = new int[1];
            return self.ReadFile(handle, new byte[8], 8, n, null) ? 1 : 2; // blocks: nothing is written
        });
        ProcessInformation pi = new ProcessInformation();
        assertTrue(k32.CreateProcess(null, "reader.exe " + r[0], null, null, true, 0, null, null, new StartupInfo(), pi));
        assertTrue(k32.CloseHandle(r[0]));
        assertEquals(WAIT_TIMEOUT, k32.WaitForSingleObject(pi.hProcess, 100));
        assertTrue(k32.TerminateProcess(pi.hProcess, 7));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(pi.hProcess, 5000));
        int[] code = new int[1];
        assertTrue(k32.GetExitCodeProcess(pi.hProcess, code));
        assertEquals(7, code[0]);
        int[] n = new int[1];
        fails(k32.WriteFile(w[0], bytes("y"), 1, n, null), ERROR_NO_DATA);
    }

    @Test
    void aNamedPipeConnectsTwoProcessesByName() {
        long srv = messageServer();
        Win32Process other = system.attach("other.exe");
        Kernel32 them = other.kernel32();
        long cli = them.CreateFile(PIPE, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING, 0, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, cli);
        int[] n = new int[1];
        assertTrue(them.WriteFile(cli, bytes("across"), 6, n, null));
        long[] dup = new long[1];
        assertTrue(k32.DuplicateHandle(k32.GetCurrentProcess(), srv, k32.GetCurrentProcess(), dup, 0, false,
                DUPLICATE_SAME_ACCESS));
        assertTrue(k32.CloseHandle(srv));
        byte[] buf = new byte[8];
        assertTrue(k32.ReadFile(dup[0], buf, 8, n, null), "the duplicate keeps the server end open");
        assertEquals(6, n[0]);
    }

    // ---- mailslots ----

    @Test
    void mailslotsTimeOutRefuseSmallBuffersAndDuplicates() {
        failsToCreate(k32.CreateMailslot("\\\\.\\pipe\\x", 0, 0, null), ERROR_INVALID_NAME);
        long slot = k32.CreateMailslot(SLOT, 8, 30, null);
        assertNotEquals(INVALID_HANDLE_VALUE, slot);
        failsToCreate(k32.CreateMailslot(SLOT, 0, 0, null), ERROR_ALREADY_EXISTS);
        int[] n = new int[1];
        long start = System.nanoTime();
        fails(k32.ReadFile(slot, new byte[8], 8, n, null), ERROR_SEM_TIMEOUT);
        assertTrue(System.nanoTime() - start >= 25_000_000L);
        long cli = k32.CreateFile(SLOT, GENERIC_WRITE, FILE_SHARE_READ, null, OPEN_EXISTING, 0, 0);
        fails(k32.WriteFile(cli, new byte[9], 9, n, null), ERROR_INVALID_PARAMETER);
        assertTrue(k32.WriteFile(cli, bytes("message"), 7, n, null));
        fails(k32.ReadFile(slot, new byte[4], 4, n, null), ERROR_INSUFFICIENT_BUFFER);
        int[] max = {-1};
        int[] next = {-1};
        int[] count = {-1};
        int[] timeout = {-1};
        assertTrue(k32.GetMailslotInfo(slot, max, next, count, timeout));
        assertEquals(8, max[0]);
        assertEquals(7, next[0]);
        assertEquals(1, count[0]);
        assertEquals(30, timeout[0]);
        assertTrue(k32.SetMailslotInfo(slot, MAILSLOT_WAIT_FOREVER));
        assertTrue(k32.GetMailslotInfo(slot, null, null, null, timeout));
        assertEquals(MAILSLOT_WAIT_FOREVER, timeout[0]);
        assertTrue(k32.ReadFile(slot, new byte[8], 8, n, null));
        assertEquals(7, n[0]);
        fails(k32.GetMailslotInfo(4444, null, null, null, null), ERROR_INVALID_HANDLE);
    }

    @Test
    void aKernelWithoutTheIpcFamilyDoesNotImplementPipes() {
        try (dev.kobj.api.Kernel kernel = dev.kobj.api.Kernels.boot(
                dev.kobj.api.KernelConfig.defaults().withModules("core", "sync"));
                Win32System bare = Win32.boot(kernel)) {
            Kernel32 k = bare.attach("bare.exe").kernel32();
            assertEquals(INVALID_HANDLE_VALUE, k.CreateNamedPipe(PIPE, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, null));
            assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k.GetLastError());
            assertFalse(k.CreatePipe(new long[1], new long[1], null, 0));
            assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k.GetLastError());
            assertEquals(INVALID_HANDLE_VALUE, k.CreateMailslot(SLOT, 0, 0, null));
            assertEquals(ERROR_CALL_NOT_IMPLEMENTED, k.GetLastError());
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }
}
