package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.ipc.PipeFixture.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.pipe.NamedPipeCreate;
import dev.kobj.api.pipe.PipeControl;
import dev.kobj.api.pipe.PipeHandleState;
import dev.kobj.api.pipe.PipeInformation;
import dev.kobj.api.pipe.PipePeekInformation;
import dev.kobj.api.pipe.PipeWait;
import dev.kobj.api.process.KThread;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The named-pipe file system at NT level (nt-semantics.md §7.2), through the I/O manager. */
@Timeout(20)
class NamedPipeDriverTest {
    private final PipeFixture k = new PipeFixture();
    private final KThread me = k.me;

    @AfterEach
    void close() {
        Thread.interrupted();
        k.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private long overlappedServer(String name, NamedPipeCreate create) {
        long[] h = new long[1];
        check(k.server(name, create, SHARE_READ | SHARE_WRITE, CreateParameters.FILE_OPEN_IF, false, h, null));
        return h[0];
    }

    // ---- creates ----

    @Test
    void instancesOfOneNameShareItsFirstInstancesRulesAndLimit() {
        long[] h = new long[1];
        long[] info = new long[1];
        assertEquals(STATUS_SUCCESS, k.server("Limit", messagePipe(2), 3, CreateParameters.FILE_OPEN_IF, true, h, info));
        assertEquals(CreateParameters.FILE_CREATED, info[0]);
        assertEquals(STATUS_SUCCESS, k.server("LIMIT", messagePipe(2), 3, CreateParameters.FILE_OPEN_IF, true, h, info));
        assertEquals(CreateParameters.FILE_OPENED, info[0], "names are case-insensitive");
        assertEquals(STATUS_INSTANCE_NOT_AVAILABLE, k.server("limit", messagePipe(2), 3, CreateParameters.FILE_OPEN_IF,
                true, h, info));
        assertEquals(0, h[0]);
        assertEquals(STATUS_ACCESS_DENIED, k.server("limit", messagePipe(2), 3, CreateParameters.FILE_CREATE, true, h,
                info), "FILE_FLAG_FIRST_PIPE_INSTANCE on an existing name");
        assertEquals(STATUS_ACCESS_DENIED, k.server("limit", messagePipe(2), SHARE_WRITE, CreateParameters.FILE_OPEN_IF,
                true, h, info), "another direction");
        assertEquals(STATUS_SUCCESS, k.server("first", messagePipe(1), 3, CreateParameters.FILE_CREATE, true, h, info));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.server("none", messagePipe(1), 3, CreateParameters.FILE_OPEN, true,
                h, info));
    }

    @Test
    void impossibleCreatesAreRefused() {
        long[] h = new long[1];
        int open = CreateParameters.FILE_OPEN_IF;
        assertEquals(STATUS_INVALID_PARAMETER, k.server("p", messagePipe(0), 3, open, true, h, null));
        assertEquals(STATUS_INVALID_PARAMETER, k.server("p", messagePipe(256), 3, open, true, h, null));
        assertEquals(STATUS_INVALID_PARAMETER, k.server("p", new NamedPipeCreate(false, true, false, 1, 0, 0, 0), 3,
                open, true, h, null), "message reads on a byte pipe");
        assertEquals(STATUS_INVALID_PARAMETER, k.server("p", messagePipe(1), 0, open, true, h, null), "no direction");
        assertEquals(STATUS_OBJECT_NAME_INVALID, k.server("", messagePipe(1), 3, open, true, h, null));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.client("p", GENERIC_READ, true, h), "nothing was created");
    }

    @Test
    void clientsNeedAListeningInstanceAndTheRightDirection() {
        long[] h = new long[1];
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.client("missing", GENERIC_READ, true, h));
        long[] server = new long[1];
        check(k.server("in", bytePipe(1, 0), SHARE_WRITE, CreateParameters.FILE_OPEN_IF, true, server, null));
        assertEquals(STATUS_ACCESS_DENIED, k.client("in", GENERIC_READ, true, h), "an inbound pipe's clients write");
        assertEquals(STATUS_ACCESS_DENIED, k.io.createFile(me, dev.kobj.api.object.ObjectAttributes.named(
                "\\??\\pipe\\in", 0x40), GENERIC_WRITE, 0, CreateParameters.FILE_CREATE, 0, 0, null, h, null));
        assertEquals(STATUS_SUCCESS, k.client("in", GENERIC_WRITE, true, h));
        assertEquals(STATUS_PIPE_NOT_AVAILABLE, k.client("in", GENERIC_WRITE, true, h), "its one instance is taken");
    }

    @Test
    void theNameGoesWithTheLastServerEnd() {
        long a = k.server("gone", messagePipe(2));
        long b = k.server("gone", messagePipe(2));
        k.close(a);
        long c = k.client("gone");
        k.close(b);
        long[] h = new long[1];
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.client("gone", GENERIC_READ, true, h));
        Block block = new Block();
        assertEquals(STATUS_PIPE_BROKEN, k.read(me, c, new byte[4], 4, block));
    }

    // ---- listen, connect, disconnect ----

    @Test
    void listenReportsEachStateWithItsStatus() throws Exception {
        long server = k.server("states", messagePipe(1));
        long client = k.client("states");
        Block block = new Block();
        assertEquals(STATUS_PIPE_CONNECTED, k.fsctl(me, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null, block));
        assertEquals(STATUS_INVALID_PARAMETER, k.fsctl(me, client, PipeControl.FSCTL_PIPE_LISTEN, null, null, null,
                block), "only a server end listens");
        assertEquals(STATUS_INVALID_DEVICE_REQUEST, k.fsctl(me, client, PipeControl.FSCTL_PIPE_DISCONNECT, null, null,
                null, block));
        k.close(client);
        assertEquals(STATUS_PIPE_CLOSING, k.fsctl(me, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null, block));
        assertEquals(STATUS_SUCCESS, k.fsctl(me, server, PipeControl.FSCTL_PIPE_DISCONNECT, null, null, null, block));
        assertEquals(STATUS_PIPE_DISCONNECTED, k.fsctl(me, server, PipeControl.FSCTL_PIPE_DISCONNECT, null, null, null,
                block));
        assertEquals(STATUS_PIPE_DISCONNECTED, k.read(me, server, new byte[1], 1, block));
        long[] h = new long[1];
        assertEquals(STATUS_PIPE_NOT_AVAILABLE, k.client("states", GENERIC_READ | GENERIC_WRITE, true, h),
                "a disconnected instance does not listen");
        Future<Integer> listen = k.other(t -> k.fsctl(t, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null,
                new Block()));
        PipeFixture.eventually(() -> k.client("states", GENERIC_READ | GENERIC_WRITE, true, h) == STATUS_SUCCESS);
        assertEquals(STATUS_SUCCESS, listen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aServerReadsAndWritesNothingWhileListening() {
        long server = k.server("quiet", messagePipe(1));
        Block block = new Block();
        assertEquals(STATUS_PIPE_LISTENING, k.read(me, server, new byte[1], 1, block));
        assertEquals(STATUS_PIPE_LISTENING, k.write(me, server, bytes("x"), block));
        Object[] out = new Object[1];
        assertEquals(STATUS_INVALID_PIPE_STATE, k.fsctl(me, server, PipeControl.FSCTL_PIPE_PEEK, null, null, out, block));
    }

    @Test
    void aNonBlockingServerDoesNotWaitForAClient() {
        long server = k.server("nowait", new NamedPipeCreate(true, true, true, 1, 0, 0, 0));
        Block block = new Block();
        assertEquals(STATUS_PIPE_LISTENING, k.fsctl(me, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null, block));
        long client = k.client("nowait");
        assertEquals(STATUS_PIPE_EMPTY, k.read(me, server, new byte[4], 4, block), "no data, no wait");
        assertEquals(STATUS_PIPE_CONNECTED, k.fsctl(me, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null, block));
        k.close(client);
    }

    @Test
    void aNonBlockingWriteWritesWhatFitsOrNoMessageAtAll() {
        long bytePipe = k.server("nowait-bytes", new NamedPipeCreate(false, false, true, 1, 4, 4, 0));
        long byteClient = k.client("nowait-bytes");
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, bytePipe, bytes("0123456789"), block));
        assertEquals(4, block.information, "a byte pipe takes what fits in its quota");
        assertEquals(STATUS_SUCCESS, k.write(me, bytePipe, bytes("x"), block));
        assertEquals(0, block.information);
        byte[] buffer = new byte[16];
        assertEquals(STATUS_SUCCESS, k.read(me, byteClient, buffer, 16, block));
        assertEquals("0123", new String(buffer, 0, (int) block.information, StandardCharsets.US_ASCII));

        long messagePipe = k.server("nowait-msg", new NamedPipeCreate(true, true, true, 1, 4, 4, 0));
        long messageClient = k.client("nowait-msg");
        assertEquals(STATUS_SUCCESS, k.write(me, messagePipe, bytes("0123456789"), block));
        assertEquals(0, block.information, "a message that does not fit is not written");
        assertEquals(STATUS_SUCCESS, k.write(me, messagePipe, bytes("abc"), block));
        assertEquals(3, block.information);
        assertEquals(STATUS_SUCCESS, k.read(me, messageClient, buffer, 16, block));
        assertEquals("abc", new String(buffer, 0, (int) block.information, StandardCharsets.US_ASCII));
    }

    @Test
    void anOverlappedListenPendsUntilAClientConnectsAndCanBeCancelled() {
        long server = overlappedServer("ovl", messagePipe(1));
        Block first = new Block();
        assertEquals(STATUS_PENDING, k.fsctl(me, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null, first));
        assertEquals(STATUS_SUCCESS, k.io.cancel(me, server, false, null));
        assertEquals(STATUS_CANCELLED, first.status);
        Block second = new Block();
        assertEquals(STATUS_PENDING, k.fsctl(me, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null, second));
        long client = k.client("ovl");
        assertEquals(STATUS_SUCCESS, second.status);
        k.close(client);
    }

    @Test
    void disconnectDropsDataFailsBothEndsAndTheInstanceServesANewClient() throws Exception {
        long server = k.server("disc", messagePipe(1));
        long client = k.client("disc");
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, server, bytes("unread"), block));
        Future<Integer> read = k.other(t -> k.read(t, server, new byte[8], 8, new Block()));
        Thread.sleep(50);
        assertEquals(STATUS_SUCCESS, k.fsctl(me, server, PipeControl.FSCTL_PIPE_DISCONNECT, null, null, null, block));
        assertEquals(STATUS_PIPE_DISCONNECTED, read.get(5, TimeUnit.SECONDS), "a waiting read fails");
        assertEquals(STATUS_PIPE_DISCONNECTED, k.read(me, client, new byte[8], 8, block));
        assertEquals(STATUS_PIPE_DISCONNECTED, k.write(me, client, bytes("x"), block));
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, k.fsctl(me, client, PipeControl.FSCTL_KOBJ_PIPE_QUERY, null, null, out, block));
        assertEquals(PipeControl.FILE_PIPE_DISCONNECTED_STATE, ((PipeInformation) out[0]).namedPipeState());
        Future<Integer> listen = k.other(t -> k.fsctl(t, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null,
                new Block()));
        long[] h = new long[1];
        PipeFixture.eventually(() -> k.client("disc", GENERIC_READ | GENERIC_WRITE, true, h) == STATUS_SUCCESS);
        assertEquals(STATUS_SUCCESS, listen.get(5, TimeUnit.SECONDS));
        byte[] buffer = new byte[8];
        assertEquals(STATUS_SUCCESS, k.write(me, h[0], bytes("new"), block));
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 8, block));
        assertEquals(3, block.information, "the old data is gone");
        k.close(client);
    }

    // ---- data ----

    @Test
    void messageReadsTakeOneMessageAndReportTheRestAsOverflow() {
        long server = k.server("msg", messagePipe(1));
        long client = k.client("msg");
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("hello world"), block));
        assertEquals(11, block.information);
        assertEquals(STATUS_SUCCESS, k.write(me, client, new byte[0], block));
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("next"), block));
        byte[] buffer = new byte[16];
        assertEquals(STATUS_BUFFER_OVERFLOW, k.read(me, server, buffer, 4, block));
        assertEquals(4, block.information);
        assertEquals("hell", new String(buffer, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 16, block));
        assertEquals(7, block.information);
        assertEquals("o world", new String(buffer, 0, 7, StandardCharsets.US_ASCII));
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 16, block));
        assertEquals(0, block.information, "a zero-length message");
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 16, block));
        assertEquals(4, block.information);
    }

    @Test
    void aByteModeClientReadsAcrossMessageBoundaries() {
        long server = k.server("bytes", messagePipe(1));
        long client = k.client("bytes");
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, server, bytes("abc"), block));
        assertEquals(STATUS_SUCCESS, k.write(me, server, bytes("defgh"), block));
        byte[] buffer = new byte[16];
        assertEquals(STATUS_SUCCESS, k.read(me, client, buffer, 16, block), "clients start in byte read mode");
        assertEquals(8, block.information);
        assertEquals("abcdefgh", new String(buffer, 0, 8, StandardCharsets.US_ASCII));
    }

    @Test
    void aWriteBeyondTheQuotaWaitsUntilReadThenCompletesWithAllItsBytes() throws Exception {
        long server = k.server("quota", bytePipe(1, 64));
        long client = k.client("quota");
        byte[] data = new byte[100];
        Arrays.fill(data, (byte) 7);
        data[99] = 9;
        Block writeBlock = new Block();
        AtomicReference<Thread> writer = new AtomicReference<>();
        Future<Integer> write = k.other(t -> {
            writer.set(Thread.currentThread());
            return k.write(t, client, data, writeBlock);
        });
        PipeFixture.eventually(() -> writer.get() != null && PipeFixture.parked(writer.get()));
        assertFalse(write.isDone());
        byte[] buffer = new byte[60];
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 60, block));
        assertEquals(60, block.information);
        assertEquals(STATUS_SUCCESS, write.get(5, TimeUnit.SECONDS), "the rest fits in the quota now");
        assertEquals(100, writeBlock.information);
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 60, block));
        assertEquals(40, block.information);
        assertEquals(9, buffer[39]);
    }

    @Test
    void aWaitingReadGetsTheWritersBytesDirectly() throws Exception {
        long server = k.server("direct", bytePipe(1, 16));
        long client = k.client("direct");
        byte[] buffer = new byte[1000];
        Block block = new Block();
        Future<Integer> read = k.other(t -> k.read(t, server, buffer, 1000, block));
        Thread.sleep(50);
        byte[] big = new byte[1000];
        Arrays.fill(big, (byte) 3);
        Block w = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, client, big, w), "more than the quota, but a reader takes it all");
        assertEquals(1000, w.information);
        assertEquals(STATUS_SUCCESS, read.get(5, TimeUnit.SECONDS));
        assertEquals(1000, block.information);
        assertArrayEquals(big, buffer);
    }

    @Test
    void aClosedClientLeavesItsDataThenABrokenPipe() throws Exception {
        long server = k.server("broken", bytePipe(1, 0));
        long client = k.client("broken");
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("abc"), block));
        k.close(client);
        byte[] buffer = new byte[8];
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 8, block));
        assertEquals(3, block.information);
        assertEquals(STATUS_PIPE_BROKEN, k.read(me, server, buffer, 8, block));
        assertEquals(STATUS_PIPE_CLOSING, k.write(me, server, bytes("x"), block));
    }

    @Test
    void closingOneEndWakesTheOthersWaitingReadAndWrite() throws Exception {
        long server = k.server("wake", bytePipe(1, 4));
        long client = k.client("wake");
        Future<Integer> read = k.other(t -> k.read(t, client, new byte[8], 8, new Block()));
        Block writeBlock = new Block();
        Future<Integer> write = k.other(t -> k.write(t, server, new byte[0], writeBlock)); // a zero-byte write
        assertEquals(STATUS_SUCCESS, write.get(5, TimeUnit.SECONDS));
        Thread.sleep(50);
        assertFalse(read.isDone());
        k.close(server);
        assertEquals(STATUS_PIPE_BROKEN, read.get(5, TimeUnit.SECONDS));
        Block block = new Block();
        assertEquals(STATUS_PIPE_CLOSING, k.write(me, client, bytes("x"), block));

        long server2 = k.server("wake2", bytePipe(1, 4));
        long client2 = k.client("wake2");
        Future<Integer> blockedWrite = k.other(t -> k.write(t, client2, new byte[10], new Block()));
        Thread.sleep(50);
        assertFalse(blockedWrite.isDone());
        k.close(server2);
        assertEquals(STATUS_PIPE_CLOSING, blockedWrite.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWaitingReadEndsByInterruptAndByTermination() throws Exception {
        long server = k.server("ends", bytePipe(1, 0));
        long client = k.client("ends");
        AtomicReference<Thread> reader = new AtomicReference<>();
        Future<Integer> read = k.other(t -> {
            reader.set(Thread.currentThread());
            return k.read(t, server, new byte[8], 8, new Block());
        });
        PipeFixture.eventually(() -> reader.get() != null && PipeFixture.parked(reader.get()));
        reader.get().interrupt();
        assertEquals(STATUS_CANCELLED, read.get(5, TimeUnit.SECONDS));

        AtomicReference<KThread> victim = new AtomicReference<>();
        Future<Integer> read2 = k.other(t -> {
            victim.set(t);
            return k.read(t, server, new byte[8], 8, new Block());
        });
        PipeFixture.eventually(() -> victim.get() != null && PipeFixture.parked(victim.get().javaThread()));
        k.kernel.processes().endThread(victim.get(), 1);
        assertEquals(STATUS_THREAD_IS_TERMINATING, read2.get(5, TimeUnit.SECONDS));
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("ok"), block), "the pipe still works");
        byte[] buffer = new byte[8];
        assertEquals(STATUS_SUCCESS, k.read(me, server, buffer, 8, block));
        assertEquals(2, block.information, "the cancelled reads took nothing");
    }

    @Test
    void flushWaitsUntilTheOtherEndHasReadEverything() throws Exception {
        long server = k.server("flush", bytePipe(1, 64));
        long client = k.client("flush");
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.io.flush(me, client, block), "nothing written, nothing to wait for");
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("abcdef"), block));
        Future<Integer> flush = k.other(t -> k.io.flush(t, client, new Block()));
        Thread.sleep(50);
        assertFalse(flush.isDone());
        assertEquals(STATUS_SUCCESS, k.read(me, server, new byte[4], 4, block));
        Thread.sleep(20);
        assertFalse(flush.isDone(), "two bytes are still unread");
        assertEquals(STATUS_SUCCESS, k.read(me, server, new byte[4], 4, block));
        assertEquals(STATUS_SUCCESS, flush.get(5, TimeUnit.SECONDS));
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("more"), block));
        Future<Integer> second = k.other(t -> k.io.flush(t, client, new Block()));
        Thread.sleep(50);
        k.close(server);
        assertEquals(STATUS_PIPE_CLOSING, second.get(5, TimeUnit.SECONDS), "the reader left");
    }

    // ---- peek, transact, state ----

    @Test
    void peekCopiesWithoutTakingAndReportsTheFirstMessage() {
        long server = k.server("peek", messagePipe(1));
        long client = k.client("peek");
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("abc"), block));
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("defgh"), block));
        Object[] out = new Object[1];
        byte[] buffer = new byte[2];
        assertEquals(STATUS_SUCCESS, k.fsctl(me, server, PipeControl.FSCTL_PIPE_PEEK, null, buffer, out, block));
        assertEquals(2, block.information);
        assertEquals(new PipePeekInformation(PipeControl.FILE_PIPE_CONNECTED_STATE, 8, 2, 3), out[0]);
        assertEquals("ab", new String(buffer, StandardCharsets.US_ASCII));
        k.close(client);
        byte[] all = new byte[16];
        assertEquals(STATUS_SUCCESS, k.read(me, server, all, 16, block));
        assertEquals(3, block.information);
        assertEquals(STATUS_SUCCESS, k.read(me, server, all, 16, block));
        assertEquals(STATUS_PIPE_BROKEN, k.fsctl(me, server, PipeControl.FSCTL_PIPE_PEEK, null, buffer, out, block));
    }

    @Test
    void transceiveNeedsMessageReadModeAndAnEmptyPipe() throws Exception {
        long server = k.server("tx", messagePipe(1));
        long client = k.client("tx");
        Block block = new Block();
        byte[] reply = new byte[3];
        assertEquals(STATUS_INVALID_READ_MODE, k.fsctl(me, client, PipeControl.FSCTL_PIPE_TRANSCEIVE, bytes("q"), reply,
                null, block));
        assertEquals(STATUS_SUCCESS, k.fsctl(me, client, PipeControl.FSCTL_KOBJ_PIPE_SET_STATE, null, null,
                new PipeHandleState(1, PipeHandleState.UNCHANGED), block));
        assertEquals(STATUS_SUCCESS, k.write(me, server, bytes("stale"), block));
        assertEquals(STATUS_PIPE_BUSY, k.fsctl(me, client, PipeControl.FSCTL_PIPE_TRANSCEIVE, bytes("q"), reply, null,
                block));
        assertEquals(STATUS_SUCCESS, k.read(me, client, new byte[8], 8, block));
        Future<Integer> answer = k.other(t -> {
            byte[] question = new byte[8];
            Block b = new Block();
            int status = k.read(t, server, question, 8, b);
            return status == STATUS_SUCCESS ? k.write(t, server, bytes("answer"), b) : status;
        });
        Block tx = new Block();
        assertEquals(STATUS_BUFFER_OVERFLOW, k.fsctl(me, client, PipeControl.FSCTL_PIPE_TRANSCEIVE, bytes("question"),
                reply, null, tx));
        assertEquals(3, tx.information);
        assertEquals("ans", new String(reply, StandardCharsets.US_ASCII));
        assertEquals(STATUS_SUCCESS, answer.get(5, TimeUnit.SECONDS));
        assertEquals(STATUS_SUCCESS, k.read(me, client, reply, 3, block));
        assertEquals("wer", new String(reply, StandardCharsets.US_ASCII));
    }

    @Test
    void handleStateAndInformation() {
        long server = k.server("info", bytePipe(NamedPipeCreate.UNLIMITED_INSTANCES, 100));
        long client = k.client("info");
        Block block = new Block();
        assertEquals(STATUS_INVALID_PARAMETER, k.fsctl(me, client, PipeControl.FSCTL_KOBJ_PIPE_SET_STATE, null, null,
                new PipeHandleState(1, 0), block), "message reads on a byte pipe");
        assertEquals(STATUS_INVALID_PARAMETER, k.fsctl(me, client, PipeControl.FSCTL_KOBJ_PIPE_SET_STATE, null, null,
                new PipeHandleState(2, 0), block));
        assertEquals(STATUS_SUCCESS, k.fsctl(me, client, PipeControl.FSCTL_KOBJ_PIPE_SET_STATE, null, null,
                new PipeHandleState(0, 1), block));
        assertEquals(STATUS_PIPE_EMPTY, k.read(me, client, new byte[1], 1, block), "nowait now");
        assertEquals(STATUS_SUCCESS, k.write(me, client, bytes("1234"), block));
        Object[] out = new Object[1];
        assertEquals(STATUS_SUCCESS, k.fsctl(me, server, PipeControl.FSCTL_KOBJ_PIPE_QUERY, null, null, out, block));
        assertEquals(new PipeInformation(0, 2, 255, 1, 100, 4, 100, 100, PipeControl.FILE_PIPE_CONNECTED_STATE,
                PipeControl.FILE_PIPE_SERVER_END, 0, 0), out[0]);
        assertEquals(STATUS_SUCCESS, k.fsctl(me, client, PipeControl.FSCTL_KOBJ_PIPE_QUERY, null, null, out, block));
        assertEquals(PipeControl.FILE_PIPE_CLIENT_END, ((PipeInformation) out[0]).namedPipeEnd());
        assertEquals(1, ((PipeInformation) out[0]).completionMode());
        assertEquals(96, ((PipeInformation) out[0]).writeQuotaAvailable());
    }

    // ---- waiting for an instance ----

    private long root() {
        long[] h = new long[1];
        check(k.io.createFile(me, dev.kobj.api.object.ObjectAttributes.named("\\Device\\NamedPipe", 0),
                SYNCHRONIZE | FILE_READ_ATTRIBUTES, 3, CreateParameters.FILE_OPEN, SYNC, 0, null, h, null));
        return h[0];
    }

    @Test
    void waitSucceedsAtOnceForAListeningInstanceAndTimesOutOtherwise() {
        long root = root();
        Block block = new Block();
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.fsctl(me, root, PipeControl.FSCTL_PIPE_WAIT, null, null,
                new PipeWait("w", 10_000), block));
        long server = k.server("w", messagePipe(1));
        assertEquals(STATUS_SUCCESS, k.fsctl(me, root, PipeControl.FSCTL_PIPE_WAIT, null, null,
                new PipeWait("W", 10_000), block));
        long client = k.client("w");
        long start = System.nanoTime();
        assertEquals(STATUS_IO_TIMEOUT, k.fsctl(me, root, PipeControl.FSCTL_PIPE_WAIT, null, null,
                new PipeWait("w", 500_000), block));
        assertTrue(System.nanoTime() - start >= 45_000_000L, "waited its 50 ms");
        assertEquals(STATUS_IO_TIMEOUT, k.fsctl(me, root, PipeControl.FSCTL_PIPE_WAIT, null, null,
                new PipeWait("w", PipeWait.DEFAULT), block), "the pipe's default of 50 ms");
        k.close(client);
        k.close(server);
    }

    @Test
    void aWaitEndsWhenAnInstanceListensAgain() throws Exception {
        long root = root();
        long server = k.server("again", messagePipe(1));
        long client = k.client("again");
        Future<Integer> wait = k.other(t -> k.fsctl(t, root, PipeControl.FSCTL_PIPE_WAIT, null, null,
                new PipeWait("again", dev.kobj.api.dispatch.WaitService.INFINITE), new Block()));
        Thread.sleep(50);
        assertFalse(wait.isDone());
        Block block = new Block();
        k.close(client);
        assertEquals(STATUS_SUCCESS, k.fsctl(me, server, PipeControl.FSCTL_PIPE_DISCONNECT, null, null, null, block));
        Future<Integer> listen = k.other(t -> k.fsctl(t, server, PipeControl.FSCTL_PIPE_LISTEN, null, null, null,
                new Block()));
        assertEquals(STATUS_SUCCESS, wait.get(5, TimeUnit.SECONDS));
        assertFalse(listen.isDone(), "the wait reserved nothing and connected nothing");
        long again = k.client("again");
        assertEquals(STATUS_SUCCESS, listen.get(5, TimeUnit.SECONDS));
        k.close(again);
    }
}
