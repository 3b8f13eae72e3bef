package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.STATUS_BUFFER_OVERFLOW;
import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_BROKEN;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_CLOSING;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_EMPTY;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.io.IoRequest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a pipe instance (nt-semantics.md §7.1, §7.2): the data one end wrote and the other has
 * not read, the reads waiting for data, and the quota. Every method but the cancel routines is called
 * with the pipe's lock held; requests finished here are handed to a {@link Completions} to be completed
 * once the lock is released.
 *
 * <pre>
 * Data moves with one copy where the API allows it: a write first feeds the reads already waiting,
 * straight from the writer's buffer into the reader's. What is left is copied into the queue if it fits
 * in the quota (the write then completes); otherwise it stays in the writer's own buffer (a chunk that
 * references the pending request, as NPFS keeps it in the IRP) and the write pends until readers have
 * taken it or the quota has room for the rest. A chunk is one message on a message-type pipe; a
 * message-mode read takes from one chunk only, leaving the rest of it for the next read
 * (STATUS_BUFFER_OVERFLOW), a byte-mode read takes across chunks.
 * </pre>
 */
final class PipeQueue {
    /** Queued data: a copy the queue owns, or the remaining part of a pending write's own buffer. */
    private static final class Chunk {
        byte[] data;
        int offset;
        int remaining;
        final int total;
        boolean owned;
        IoRequest writer; // the pending write whose buffer this is, or null

        Chunk(byte[] data, int offset, int length, boolean owned) {
            this.data = data;
            this.offset = offset;
            this.remaining = length;
            this.total = length;
            this.owned = owned;
        }
    }

    private final ReentrantLock lock;
    private final boolean messageType;
    final int quota;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private final ArrayDeque<IoRequest> readers = new ArrayDeque<>();
    /** FlushFileBuffers calls waiting for the reader to take everything. */
    private final ArrayDeque<IoRequest> flushes = new ArrayDeque<>(0);
    /** The reading end's read mode (the pipe type's by default). */
    boolean messageRead;
    private int bytes;
    private int buffered;
    private boolean writerGone;
    private boolean readerGone;
    /** The bytes the last {@link #take} moved. */
    private int taken;

    PipeQueue(ReentrantLock lock, boolean messageType, boolean messageRead, int quota) {
        this.lock = lock;
        this.messageType = messageType;
        this.messageRead = messageRead;
        this.quota = quota;
    }

    /** Bytes queued for the reader (ReadDataAvailable). */
    int available() {
        return bytes;
    }

    int messages() {
        return messageType ? chunks.size() : 0;
    }

    /** The quota left for writes (WriteQuotaAvailable). */
    int writeQuotaAvailable() {
        return Math.max(0, quota - buffered);
    }

    boolean hasData() {
        return !chunks.isEmpty();
    }

    // ---- reads ----

    /** A read: queued data at once, STATUS_PIPE_BROKEN once drained after the writer left, else it waits. */
    int read(IoRequest request, boolean nonBlocking, Completions done) {
        if (!chunks.isEmpty()) {
            int status = take(request.buffer(), request.bufferOffset(), request.length(), done);
            request.setInformation(taken);
            settleWriters(done);
            drained(done);
            return status;
        }
        if (writerGone) {
            return STATUS_PIPE_BROKEN;
        }
        if (nonBlocking) {
            return STATUS_PIPE_EMPTY;
        }
        return waitForData(request);
    }

    /** Queues a read until data comes; STATUS_PENDING, or STATUS_CANCELLED if cancellation came first. */
    int waitForData(IoRequest request) {
        readers.add(request);
        if (!request.setCancelRoutine(this::cancelRead)) {
            readers.remove(request);
            return STATUS_CANCELLED;
        }
        return STATUS_PENDING;
    }

    /** PeekNamedPipe's copy: the first message of a message-type pipe, else as much as is queued. */
    int peek(byte[] buffer, int offset, int length) {
        int n = 0;
        for (Chunk c : chunks) {
            int k = Math.min(length - n, c.remaining);
            if (k > 0) {
                System.arraycopy(c.data, c.offset, buffer, offset + n, k);
                n += k;
            }
            if (messageType || n == length) {
                break;
            }
        }
        return n;
    }

    /** The remaining bytes of the first message (0 for a byte-type pipe or an empty queue). */
    int firstMessageLength() {
        Chunk c = chunks.peekFirst();
        return messageType && c != null ? c.remaining : 0;
    }

    /** Moves queued data into a reader's buffer per the read mode; {@link #taken} holds the count. */
    private int take(byte[] buffer, int offset, int length, Completions done) {
        int n = 0;
        if (messageRead && messageType) {
            Chunk c = chunks.peekFirst();
            int k = Math.min(length, c.remaining);
            copyOut(c, buffer, offset, k);
            taken = k;
            if (c.remaining > 0) {
                return STATUS_BUFFER_OVERFLOW; // the rest of the message stays first in the queue
            }
            chunks.pollFirst();
            finished(c, done);
            return STATUS_SUCCESS;
        }
        while (!chunks.isEmpty()) {
            Chunk c = chunks.peekFirst();
            int k = Math.min(length - n, c.remaining);
            copyOut(c, buffer, offset + n, k);
            n += k;
            if (c.remaining > 0) {
                break;
            }
            chunks.pollFirst();
            finished(c, done);
        }
        taken = n;
        return STATUS_SUCCESS;
    }

    private void copyOut(Chunk c, byte[] buffer, int offset, int k) {
        if (k == 0) {
            return;
        }
        System.arraycopy(c.data, c.offset, buffer, offset, k);
        c.offset += k;
        c.remaining -= k;
        bytes -= k;
        if (c.owned) {
            buffered -= k;
        }
    }

    /** A chunk fully read: its pending write, if any, completes with all its bytes. */
    private static void finished(Chunk c, Completions done) {
        IoRequest writer = c.writer;
        if (writer != null) {
            c.writer = null;
            if (writer.clearCancelRoutine()) {
                done.add(writer, STATUS_SUCCESS, c.total);
            }
        }
    }

    /** Pending writes whose rest now fits in the quota are copied in and complete, in order. */
    private void settleWriters(Completions done) {
        for (Chunk c : chunks) {
            if (c.writer == null) {
                continue;
            }
            if (buffered + c.remaining > quota || !c.writer.clearCancelRoutine()) {
                return;
            }
            own(c);
            IoRequest writer = c.writer;
            c.writer = null;
            done.add(writer, STATUS_SUCCESS, c.total);
        }
    }

    private void own(Chunk c) {
        c.data = Arrays.copyOfRange(c.data, c.offset, c.offset + c.remaining);
        c.offset = 0;
        c.owned = true;
        buffered += c.remaining;
    }

    /** Feeds waiting reads from the queue, in order. */
    private void feedReaders(Completions done) {
        while (!readers.isEmpty() && !chunks.isEmpty()) {
            IoRequest reader = readers.pollFirst();
            if (!reader.clearCancelRoutine()) {
                continue; // its cancel routine completes it
            }
            int status = take(reader.buffer(), reader.bufferOffset(), reader.length(), done);
            done.add(reader, status, taken);
        }
        drained(done);
    }

    /** FlushFileBuffers: done once the reader has taken everything queued (nt-semantics.md §7.2). */
    int flush(IoRequest request) {
        if (readerGone) {
            return STATUS_PIPE_CLOSING;
        }
        if (chunks.isEmpty()) {
            return STATUS_SUCCESS;
        }
        flushes.add(request);
        if (!request.setCancelRoutine(this::cancelFlush)) {
            flushes.remove(request);
            return STATUS_CANCELLED;
        }
        return STATUS_PENDING;
    }

    private void drained(Completions done) {
        if (chunks.isEmpty()) {
            finishFlushes(STATUS_SUCCESS, done);
        }
    }

    private void finishFlushes(int status, Completions done) {
        while (!flushes.isEmpty()) {
            IoRequest flush = flushes.pollFirst();
            if (flush.clearCancelRoutine()) {
                done.add(flush, status, 0);
            }
        }
    }

    // ---- writes ----

    /**
     * A write of {@code buffer[offset, offset + length)}: to waiting reads first, the rest into the quota,
     * else it pends holding its buffer. STATUS_PIPE_CLOSING once the reader has left. On success the
     * request's information is the bytes written.
     */
    int write(IoRequest request, byte[] buffer, int offset, int length, boolean nonBlocking, Completions done) {
        if (readerGone) {
            return STATUS_PIPE_CLOSING;
        }
        if (length == 0 && !messageType) {
            request.setInformation(0);
            return STATUS_SUCCESS;
        }
        Chunk c = new Chunk(buffer, offset, length, false);
        chunks.addLast(c);
        bytes += length;
        feedReaders(done);
        if (c.remaining == 0) {
            request.setInformation(length);
            settleWriters(done);
            return STATUS_SUCCESS;
        }
        if (buffered + c.remaining <= quota) {
            own(c);
            request.setInformation(length);
            return STATUS_SUCCESS;
        }
        if (nonBlocking) {
            // PIPE_NOWAIT: a message that does not fit is not written; bytes are written as far as they fit
            int fit = messageType ? (c.remaining == length ? 0 : c.remaining) : Math.max(0, quota - buffered);
            int dropped = c.remaining - fit;
            c.remaining = fit;
            bytes -= dropped;
            if (fit == 0) {
                chunks.removeLastOccurrence(c);
            } else {
                own(c);
            }
            request.setInformation(length - dropped);
            return STATUS_SUCCESS;
        }
        c.writer = request;
        if (!request.setCancelRoutine(this::cancelWrite)) {
            c.writer = null;
            chunks.removeLastOccurrence(c);
            bytes -= c.remaining;
            request.setInformation(length - c.remaining);
            return STATUS_CANCELLED;
        }
        return STATUS_PENDING;
    }

    /** TransactNamedPipe's write: one message the queue owns at once (it never waits for the quota). */
    int writeMessage(byte[] buffer, int length, Completions done) {
        if (readerGone) {
            return STATUS_PIPE_CLOSING;
        }
        Chunk c = new Chunk(Arrays.copyOf(buffer == null ? new byte[0] : buffer, length), 0, length, true);
        chunks.addLast(c);
        bytes += length;
        buffered += length;
        feedReaders(done);
        return STATUS_SUCCESS;
    }

    // ---- ends leaving ----

    /** The writing end closed: once drained, reads fail with STATUS_PIPE_BROKEN; waiting ones now. */
    void writerClosed(Completions done) {
        writerGone = true;
        failReaders(STATUS_PIPE_BROKEN, done);
    }

    /** The reading end closed: the data is dropped and writes fail with STATUS_PIPE_CLOSING. */
    void readerClosed(Completions done) {
        readerGone = true;
        failReaders(STATUS_PIPE_BROKEN, done);
        drop(STATUS_PIPE_CLOSING, done);
        finishFlushes(STATUS_PIPE_CLOSING, done);
    }

    /** DisconnectNamedPipe: data dropped, every waiting read and write fails with {@code status}. */
    void disconnect(int status, Completions done) {
        failReaders(status, done);
        drop(status, done);
        finishFlushes(status, done);
    }

    /** A new connection on a reused instance. */
    void reset(boolean messageReadMode) {
        writerGone = false;
        readerGone = false;
        messageRead = messageReadMode;
    }

    private void failReaders(int status, Completions done) {
        while (!readers.isEmpty()) {
            IoRequest reader = readers.pollFirst();
            if (reader.clearCancelRoutine()) {
                done.add(reader, status, 0);
            }
        }
    }

    private void drop(int status, Completions done) {
        for (Chunk c : chunks) {
            IoRequest writer = c.writer;
            if (writer != null && writer.clearCancelRoutine()) {
                done.add(writer, status, c.total - c.remaining);
            }
        }
        chunks.clear();
        bytes = 0;
        buffered = 0;
    }

    // ---- cancel routines (called with no lock held) ----

    private void cancelRead(IoRequest request) {
        lock.lock();
        try {
            readers.remove(request);
        } finally {
            lock.unlock();
        }
        request.complete(STATUS_CANCELLED, 0);
    }

    private void cancelFlush(IoRequest request) {
        lock.lock();
        try {
            flushes.remove(request);
        } finally {
            lock.unlock();
        }
        request.complete(STATUS_CANCELLED, 0);
    }

    private void cancelWrite(IoRequest request) {
        long written = 0;
        lock.lock();
        try {
            for (Iterator<Chunk> it = chunks.iterator(); it.hasNext(); ) {
                Chunk c = it.next();
                if (c.writer == request) {
                    c.writer = null;
                    written = c.total - c.remaining;
                    bytes -= c.remaining;
                    it.remove(); // a message cut short by cancellation is dropped with it
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        request.complete(STATUS_CANCELLED, written);
    }
}
