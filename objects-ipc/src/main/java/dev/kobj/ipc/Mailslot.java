package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.STATUS_BUFFER_TOO_SMALL;
import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_IO_TIMEOUT;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_BROKEN;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.pipe.MailslotInformation;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One mailslot (nt-semantics.md §7.3): the messages clients wrote, FIFO, and the server's reads waiting
 * for one with their timers. Writes never wait; a message goes straight into a waiting read whose buffer
 * holds it, else it is copied into the queue. Thread-safe under its own lock; requests are completed
 * after it is released.
 */
final class Mailslot {
    /** A read waiting with its timeout. */
    private record Waiting(IoRequest request, TimerQueue.Scheduled timer) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    final String name;
    final int maximumMessageSize;
    private final ArrayDeque<byte[]> messages = new ArrayDeque<>(); // guarded by lock
    private final ArrayDeque<Waiting> readers = new ArrayDeque<>(); // guarded by lock
    private long readTimeout; // guarded by lock
    private boolean closed; // guarded by lock

    Mailslot(String name, int maximumMessageSize, long readTimeout) {
        this.name = name;
        this.maximumMessageSize = maximumMessageSize;
        this.readTimeout = readTimeout;
    }

    /** A client's write: one message, never waiting. */
    int write(IoRequest request) {
        int length = request.length();
        if (maximumMessageSize != 0 && length > maximumMessageSize) {
            return STATUS_INVALID_PARAMETER; // (unverified status, §7.3)
        }
        IoRequest reader = null;
        lock.lock();
        try {
            if (closed) {
                return STATUS_PIPE_BROKEN; // the server is gone (unverified status)
            }
            if (messages.isEmpty() && !readers.isEmpty()) {
                Waiting w = readers.peekFirst();
                if (w.request().length() >= length && w.request().clearCancelRoutine()) {
                    readers.pollFirst();
                    w.timer().cancel();
                    reader = w.request();
                    if (length > 0) {
                        System.arraycopy(request.buffer(), request.bufferOffset(), reader.buffer(),
                                reader.bufferOffset(), length);
                    }
                }
            }
            if (reader == null) {
                messages.addLast(Arrays.copyOfRange(request.buffer() == null ? new byte[0] : request.buffer(),
                        request.bufferOffset(), request.bufferOffset() + length));
                // a waiting read too small for it fails now (STATUS_BUFFER_TOO_SMALL) and the message stays
                reader = tooSmallReader();
            }
        } finally {
            lock.unlock();
        }
        if (reader != null) {
            boolean tooSmall = reader.length() < length;
            reader.complete(tooSmall ? STATUS_BUFFER_TOO_SMALL : STATUS_SUCCESS, tooSmall ? 0 : length);
        }
        request.setInformation(length);
        return STATUS_SUCCESS;
    }

    private IoRequest tooSmallReader() {
        if (messages.size() != 1 || readers.isEmpty()) {
            return null;
        }
        Waiting w = readers.peekFirst();
        if (w.request().length() >= messages.peekFirst().length || !w.request().clearCancelRoutine()) {
            return null;
        }
        readers.pollFirst();
        w.timer().cancel();
        return w.request();
    }

    /** The server's read: one whole message, or a wait up to the read timeout (STATUS_IO_TIMEOUT). */
    int read(IoRequest request, TimerQueue timers) {
        lock.lock();
        try {
            byte[] next = messages.peekFirst();
            if (next != null) {
                if (next.length > request.length()) {
                    return STATUS_BUFFER_TOO_SMALL; // the message stays queued
                }
                messages.pollFirst();
                if (next.length > 0) {
                    System.arraycopy(next, 0, request.buffer(), request.bufferOffset(), next.length);
                }
                request.setInformation(next.length);
                return STATUS_SUCCESS;
            }
            if (readTimeout == 0) {
                return STATUS_IO_TIMEOUT;
            }
            TimerQueue.Scheduled timer = readTimeout == WaitService.INFINITE ? () -> true
                    : timers.schedule(readTimeout * 100, 0, () -> finishWaiting(request, STATUS_IO_TIMEOUT));
            readers.addLast(new Waiting(request, timer));
            if (!request.setCancelRoutine(r -> finishWaiting(r, STATUS_CANCELLED))) {
                remove(request);
                return STATUS_CANCELLED;
            }
            return STATUS_PENDING;
        } finally {
            lock.unlock();
        }
    }

    /** A waiting read ends by its timer or its cancellation. */
    private void finishWaiting(IoRequest request, int status) {
        boolean mine;
        lock.lock();
        try {
            mine = remove(request) && (status == STATUS_CANCELLED || request.clearCancelRoutine());
        } finally {
            lock.unlock();
        }
        if (mine || status == STATUS_CANCELLED) {
            request.complete(status, 0);
        }
    }

    private boolean remove(IoRequest request) {
        for (var it = readers.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (w.request() == request) {
                it.remove();
                w.timer().cancel();
                return true;
            }
        }
        return false;
    }

    MailslotInformation information() {
        lock.lock();
        try {
            byte[] next = messages.peekFirst();
            return new MailslotInformation(maximumMessageSize,
                    next == null ? MailslotInformation.NO_MESSAGE : next.length, messages.size(), readTimeout);
        } finally {
            lock.unlock();
        }
    }

    void setReadTimeout(long timeout) {
        lock.lock();
        try {
            readTimeout = timeout;
        } finally {
            lock.unlock();
        }
    }

    /** The server's last handle closed: the messages go, later writes fail. */
    void close() {
        lock.lock();
        try {
            closed = true;
            messages.clear();
        } finally {
            lock.unlock();
        }
    }
}
