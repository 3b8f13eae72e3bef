package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PIPE_STATE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_READ_MODE;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_BROKEN;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_BUSY;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_CLOSING;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_CONNECTED;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_DISCONNECTED;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_LISTENING;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.io.IoRequest;
import dev.kobj.api.pipe.PipeControl;
import java.util.ArrayDeque;

/**
 * One instance of a named pipe (NPFS's CCB, nt-semantics.md §7.2): its state, its two ends, a queue per
 * direction, and the ConnectNamedPipe calls waiting for a client. Every method is called with the pipe's
 * lock held.
 *
 * <pre>
 * state (FILE_PIPE_*_STATE):
 *   LISTENING     → CONNECTED      a client opens the name (waiting listens complete)
 *   CONNECTED     → CLOSING        either end closes (the other drains, then STATUS_PIPE_BROKEN /
 *                                  STATUS_PIPE_CLOSING)
 *   CONNECTED | CLOSING | LISTENING → DISCONNECTED   DisconnectNamedPipe (data dropped, the client end
 *                                  detached: its calls fail with STATUS_PIPE_DISCONNECTED)
 *   DISCONNECTED  → LISTENING      ConnectNamedPipe
 *   any           → (gone)         the server end closes
 * </pre>
 */
final class PipeInstance {
    static final int DISCONNECTED = PipeControl.FILE_PIPE_DISCONNECTED_STATE;
    static final int LISTENING = PipeControl.FILE_PIPE_LISTENING_STATE;
    static final int CONNECTED = PipeControl.FILE_PIPE_CONNECTED_STATE;
    static final int CLOSING = PipeControl.FILE_PIPE_CLOSING_STATE;

    final NamedPipe pipe;
    /** Client to server. */
    final PipeQueue inbound;
    /** Server to client. */
    final PipeQueue outbound;
    int state = LISTENING;
    PipeEnd server;
    PipeEnd client;
    private final ArrayDeque<IoRequest> listens = new ArrayDeque<>(1);

    PipeInstance(NamedPipe pipe, boolean serverMessageRead) {
        this.pipe = pipe;
        this.inbound = new PipeQueue(pipe.lock, pipe.messageType, serverMessageRead, pipe.inboundQuota);
        this.outbound = new PipeQueue(pipe.lock, pipe.messageType, false, pipe.outboundQuota);
    }

    /** A client end connects to this listening instance. */
    void connect(PipeEnd clientEnd, Completions done) {
        state = CONNECTED;
        client = clientEnd;
        inbound.reset(server.messageRead);
        outbound.reset(clientEnd.messageRead);
        while (!listens.isEmpty()) {
            IoRequest listen = listens.pollFirst();
            if (listen.clearCancelRoutine()) {
                done.add(listen, STATUS_SUCCESS, 0);
            }
        }
    }

    /** FSCTL_PIPE_LISTEN on the server end (ConnectNamedPipe). */
    int listen(IoRequest request, Completions done) {
        switch (state) {
            case CONNECTED:
                return STATUS_PIPE_CONNECTED;
            case CLOSING:
                return STATUS_PIPE_CLOSING;
            case DISCONNECTED:
                state = LISTENING;
                pipe.wakeWaiting(STATUS_SUCCESS, done);
                break;
            default:
                break;
        }
        if (server.nonBlocking) {
            return STATUS_PIPE_LISTENING;
        }
        listens.add(request);
        if (!request.setCancelRoutine(this::cancelListen)) {
            listens.remove(request);
            return STATUS_CANCELLED;
        }
        return STATUS_PENDING;
    }

    private void cancelListen(IoRequest request) {
        pipe.lock.lock();
        try {
            listens.remove(request);
        } finally {
            pipe.lock.unlock();
        }
        request.complete(STATUS_CANCELLED, 0);
    }

    /** FSCTL_PIPE_DISCONNECT on the server end. */
    int disconnect(Completions done) {
        if (state == DISCONNECTED) {
            return STATUS_PIPE_DISCONNECTED;
        }
        while (!listens.isEmpty()) {
            IoRequest listen = listens.pollFirst();
            if (listen.clearCancelRoutine()) {
                done.add(listen, STATUS_PIPE_DISCONNECTED, 0);
            }
        }
        inbound.disconnect(STATUS_PIPE_DISCONNECTED, done);
        outbound.disconnect(STATUS_PIPE_DISCONNECTED, done);
        if (client != null) {
            client.instance = null;
            client = null;
        }
        state = DISCONNECTED;
        return STATUS_SUCCESS;
    }

    /** Why an end cannot move data now, or STATUS_SUCCESS. */
    static int usable(PipeEnd end, boolean write) {
        return switch (end.state()) {
            case LISTENING -> STATUS_PIPE_LISTENING;
            case DISCONNECTED -> STATUS_PIPE_DISCONNECTED;
            case CLOSING -> write ? STATUS_PIPE_CLOSING : STATUS_SUCCESS;
            default -> STATUS_SUCCESS;
        };
    }

    static int read(PipeEnd end, IoRequest request, Completions done) {
        int status = usable(end, false);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        return end.readQueue().read(request, end.nonBlocking, done);
    }

    static int write(PipeEnd end, IoRequest request, Completions done) {
        int status = usable(end, true);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        return end.writeQueue().write(request, request.buffer(), request.bufferOffset(), request.length(),
                end.nonBlocking, done);
    }

    /** FSCTL_PIPE_TRANSCEIVE: one message out, one reply in (nt-semantics.md §7.2). */
    static int transceive(PipeEnd end, IoRequest request, Completions done) {
        int status = usable(end, true);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        PipeQueue in = end.readQueue();
        if (!end.messageRead) {
            return STATUS_INVALID_READ_MODE;
        }
        if (in.hasData()) {
            return STATUS_PIPE_BUSY;
        }
        status = end.writeQueue().writeMessage(request.inputBuffer(), request.inputLength(), done);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        return in.read(request, false, done);
    }

    /** PeekNamedPipe's state check: data or broken is answered, a listening or disconnected end is not. */
    static int peekable(PipeEnd end) {
        return switch (end.state()) {
            case LISTENING -> STATUS_INVALID_PIPE_STATE;
            case DISCONNECTED -> STATUS_PIPE_DISCONNECTED;
            case CLOSING -> end.readQueue().hasData() ? STATUS_SUCCESS : STATUS_PIPE_BROKEN;
            default -> STATUS_SUCCESS;
        };
    }

    /** The client end closed: the server drains what is left, then sees a broken pipe. */
    void clientClosed(Completions done) {
        if (state == CONNECTED) {
            state = CLOSING;
        }
        client = null;
        inbound.writerClosed(done);
        outbound.readerClosed(done);
    }

    /** The server end closed: the client drains what is left, then sees a broken pipe. */
    void serverClosed(Completions done) {
        state = CLOSING;
        while (!listens.isEmpty()) {
            IoRequest listen = listens.pollFirst();
            if (listen.clearCancelRoutine()) {
                done.add(listen, STATUS_PIPE_BROKEN, 0);
            }
        }
        outbound.writerClosed(done);
        inbound.readerClosed(done);
    }
}
