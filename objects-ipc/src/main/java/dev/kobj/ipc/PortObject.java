package dev.kobj.ipc;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherSemaphore;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.port.PortMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A Port: a server's connection port, or one end of an accepted connection (the server's or the
 * client's communication port). Ports that receive — the connection port for the server side, the
 * client's port for its side — keep a FIFO of messages counted by a dispatcher semaphore, so receivers
 * block in the wait engine, and the requests that await a reply, by message id. State is guarded by
 * the receiving port's monitor (never held while blocking).
 */
final class PortObject extends KernelObject {
    enum Kind { CONNECTION, SERVER, CLIENT }

    /** A message in a queue, with the communication port it came by (whose context the receiver gets). */
    record Queued(PortMessage message, PortObject from) {
    }

    final Kind kind;
    final PortServiceImpl owner;
    final int maxConnectionInfoLength;
    final int maxMessageLength;
    /** For communication ports: the server's connection port. */
    final PortObject connection;
    final long context;
    /** The other end of a connection; null before it is made. */
    volatile PortObject peer;
    volatile boolean disconnected;
    /** A server port accepted but not completed: the client waiting for NtCompleteConnectPort. */
    volatile Pending awaitingCompletion;

    // receiving ports only
    final DispatcherSemaphore available;
    private final ArrayDeque<Queued> queue;
    final Map<Integer, Pending> awaitingReply;

    PortObject(Kind kind, PortServiceImpl owner, DispatcherContext dispatcher, int maxConnectionInfoLength,
            int maxMessageLength, PortObject connection, long context) {
        super(IpcTypes.PORT);
        this.kind = kind;
        this.owner = owner;
        this.maxConnectionInfoLength = maxConnectionInfoLength;
        this.maxMessageLength = maxMessageLength;
        this.connection = connection;
        this.context = context;
        boolean receives = kind != Kind.SERVER;
        this.available = receives ? new DispatcherSemaphore(dispatcher, 0, Integer.MAX_VALUE) : null;
        this.queue = receives ? new ArrayDeque<>() : null;
        this.awaitingReply = receives ? new HashMap<>() : null;
    }

    /** Where messages sent through this port arrive: the server's connection port, or the client's port. */
    PortObject target() {
        return kind == Kind.CLIENT ? connection : peer;
    }

    /** Where this side receives: the connection port for the server's side, itself for a client. */
    PortObject receiver() {
        return kind == Kind.SERVER ? connection : this;
    }

    /** Queues a message and counts it; false if this port no longer receives. */
    boolean enqueue(PortMessage message, PortObject from) {
        synchronized (this) {
            if (disconnected && kind != Kind.CONNECTION) {
                return false;
            }
            queue.addLast(new Queued(message, from));
        }
        available.release(1, null);
        return true;
    }

    /** The next message; the caller has taken one count from {@link #available}. */
    synchronized Queued dequeue() {
        return queue.pollFirst();
    }
}
