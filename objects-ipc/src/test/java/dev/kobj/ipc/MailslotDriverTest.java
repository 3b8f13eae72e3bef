package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.ipc.PipeFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.pipe.MailslotCreate;
import dev.kobj.api.pipe.MailslotInformation;
import dev.kobj.api.pipe.PipeControl;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The mailslot file system at NT level (nt-semantics.md §7.3). */
@Timeout(20)
class MailslotDriverTest {
    private final PipeFixture k = new PipeFixture();

    @AfterEach
    void close() {
        Thread.interrupted();
        k.close();
    }

    private int createSlot(String name, int max, long timeout, long[] h) {
        return k.io.createFile(k.me, ObjectAttributes.named("\\Device\\Mailslot\\" + name, 0x40),
                GENERIC_READ | SYNCHRONIZE, 7, CreateParameters.FILE_CREATE, SYNC, 0, new MailslotCreate(max, timeout),
                h, null);
    }

    private long slot(String name, int max, long timeout) {
        long[] h = new long[1];
        check(createSlot(name, max, timeout, h));
        return h[0];
    }

    private int openClient(String name, long[] h) {
        return k.io.createFile(k.me, ObjectAttributes.named("\\??\\MAILSLOT\\" + name, 0x40),
                GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, 3, CreateParameters.FILE_OPEN, SYNC, 0, null, h, null);
    }

    private long client(String name) {
        long[] h = new long[1];
        check(openClient(name, h));
        return h[0];
    }

    private MailslotInformation info(long slot) {
        Object[] out = new Object[1];
        check(k.fsctl(k.me, slot, PipeControl.FSCTL_KOBJ_MAILSLOT_QUERY, null, null, out, new Block()));
        return (MailslotInformation) out[0];
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aNameIsOneMailslotAndClientsNeedIt() {
        long[] h = new long[1];
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openClient("slot", h));
        long slot = slot("slot", 0, 0);
        assertEquals(STATUS_OBJECT_NAME_COLLISION, createSlot("SLOT", 0, 0, h));
        assertEquals(STATUS_INVALID_PARAMETER, createSlot("bad", -1, 0, h));
        assertEquals(STATUS_INVALID_PARAMETER, createSlot("bad", 0, -5, h));
        assertEquals(STATUS_SUCCESS, openClient("Slot", h));
        k.close(slot);
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openClient("slot", new long[1]), "gone with its server");
        assertEquals(STATUS_PIPE_BROKEN, k.write(k.me, h[0], bytes("late"), new Block()));
        assertEquals(STATUS_SUCCESS, createSlot("slot", 0, 0, new long[1]), "the name is free again");
    }

    @Test
    void messagesComeWholeInOrderAndATooSmallBufferLeavesThemQueued() {
        long slot = slot("fifo", 0, 0);
        long client = client("fifo");
        assertEquals(new MailslotInformation(0, MailslotInformation.NO_MESSAGE, 0, 0), info(slot));
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.write(k.me, client, bytes("first"), block));
        assertEquals(5, block.information);
        assertEquals(STATUS_SUCCESS, k.write(k.me, client, bytes("2nd"), block));
        assertEquals(new MailslotInformation(0, 5, 2, 0), info(slot));
        byte[] buffer = new byte[16];
        assertEquals(STATUS_BUFFER_TOO_SMALL, k.read(k.me, slot, buffer, 4, block));
        assertEquals(STATUS_SUCCESS, k.read(k.me, slot, buffer, 16, block));
        assertEquals("first", new String(buffer, 0, (int) block.information, StandardCharsets.US_ASCII));
        assertEquals(STATUS_SUCCESS, k.read(k.me, slot, buffer, 16, block));
        assertEquals("2nd", new String(buffer, 0, (int) block.information, StandardCharsets.US_ASCII));
        assertEquals(STATUS_IO_TIMEOUT, k.read(k.me, slot, buffer, 16, block), "a zero timeout does not wait");
        assertEquals(STATUS_ACCESS_DENIED, k.read(k.me, client, buffer, 16, block), "clients only write");
        assertEquals(STATUS_INVALID_PARAMETER, k.fsctl(k.me, client, PipeControl.FSCTL_KOBJ_MAILSLOT_QUERY, null, null,
                new Object[1], block));
    }

    @Test
    void theMaximumMessageSizeIsEnforced() {
        long slot = slot("max", 4, 0);
        long client = client("max");
        Block block = new Block();
        assertEquals(STATUS_INVALID_PARAMETER, k.write(k.me, client, bytes("12345"), block));
        assertEquals(STATUS_SUCCESS, k.write(k.me, client, bytes("1234"), block));
        assertEquals(1, info(slot).messageCount());
    }

    @Test
    void aReadWaitsUpToItsTimeoutAndIsSatisfiedByAWrite() throws Exception {
        long slot = slot("wait", 0, 50 * 10_000L);
        long client = client("wait");
        long start = System.nanoTime();
        assertEquals(STATUS_IO_TIMEOUT, k.read(k.me, slot, new byte[8], 8, new Block()));
        assertTrue(System.nanoTime() - start >= 45_000_000L);
        check(k.fsctl(k.me, slot, PipeControl.FSCTL_KOBJ_MAILSLOT_SET_TIMEOUT, null, null, WaitService.INFINITE,
                new Block()));
        assertEquals(WaitService.INFINITE, info(slot).readTimeout());
        byte[] buffer = new byte[8];
        Block readBlock = new Block();
        Future<Integer> read = k.other(t -> k.read(t, slot, buffer, 8, readBlock));
        Thread.sleep(50);
        assertFalse(read.isDone());
        assertEquals(STATUS_SUCCESS, k.write(k.me, client, bytes("hi"), new Block()));
        assertEquals(STATUS_SUCCESS, read.get(5, TimeUnit.SECONDS));
        assertEquals(2, readBlock.information);
        assertEquals(0, info(slot).messageCount(), "handed straight to the reader");
    }

    @Test
    void aWaitingReadTooSmallForTheMessageFailsAndTheMessageStays() throws Exception {
        long slot = slot("small", 0, WaitService.INFINITE);
        long client = client("small");
        Future<Integer> read = k.other(t -> k.read(t, slot, new byte[2], 2, new Block()));
        Thread.sleep(50);
        assertEquals(STATUS_SUCCESS, k.write(k.me, client, bytes("long"), new Block()));
        assertEquals(STATUS_BUFFER_TOO_SMALL, read.get(5, TimeUnit.SECONDS));
        assertEquals(4, info(slot).nextMessageSize());
    }

    @Test
    void aWaitingReadEndsByInterrupt() throws Exception {
        long slot = slot("intr", 0, WaitService.INFINITE);
        java.util.concurrent.atomic.AtomicReference<Thread> reader = new java.util.concurrent.atomic.AtomicReference<>();
        Future<Integer> read = k.other(t -> {
            reader.set(Thread.currentThread());
            return k.read(t, slot, new byte[2], 2, new Block());
        });
        PipeFixture.eventually(() -> reader.get() != null && PipeFixture.parked(reader.get()));
        reader.get().interrupt();
        assertEquals(STATUS_CANCELLED, read.get(5, TimeUnit.SECONDS));
        long client = client("intr");
        assertEquals(STATUS_SUCCESS, k.write(k.me, client, bytes("x"), new Block()));
        assertEquals(1, info(slot).messageCount(), "the cancelled read took nothing");
    }
}
