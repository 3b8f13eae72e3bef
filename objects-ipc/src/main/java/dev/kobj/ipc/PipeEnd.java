package dev.kobj.ipc;

/**
 * One end of a pipe instance as a file object holds it (its FsContext): server or client, the end's
 * completion mode, and its instance — which a client end loses when the server disconnects it. The
 * end's read mode lives in the queue it reads. Guarded by its pipe's lock.
 */
final class PipeEnd {
    final NamedPipe pipe;
    final boolean server;
    PipeInstance instance;
    /** PIPE_NOWAIT. */
    boolean nonBlocking;
    /** The read mode this end asked for (kept across a server's reconnections). */
    boolean messageRead;

    PipeEnd(NamedPipe pipe, boolean server, PipeInstance instance, boolean nonBlocking, boolean messageRead) {
        this.pipe = pipe;
        this.server = server;
        this.instance = instance;
        this.nonBlocking = nonBlocking;
        this.messageRead = messageRead;
    }

    PipeQueue readQueue() {
        return server ? instance.inbound : instance.outbound;
    }

    PipeQueue writeQueue() {
        return server ? instance.outbound : instance.inbound;
    }

    /** FILE_PIPE_*_STATE as this end sees it. */
    int state() {
        return instance == null ? PipeInstance.DISCONNECTED : instance.state;
    }
}
