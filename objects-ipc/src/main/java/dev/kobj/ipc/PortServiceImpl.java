package dev.kobj.ipc;

import static dev.kobj.api.port.PortMessage.HEADER_LENGTH;
import static dev.kobj.api.port.PortMessage.LPC_CONNECTION_REQUEST;
import static dev.kobj.api.port.PortMessage.LPC_DATAGRAM;
import static dev.kobj.api.port.PortMessage.LPC_PORT_CLOSED;
import static dev.kobj.api.port.PortMessage.LPC_REPLY;
import static dev.kobj.api.port.PortMessage.LPC_REQUEST;
import static dev.kobj.api.port.PortMessage.MAX_CONNECTION_INFO_LENGTH;
import static dev.kobj.api.port.PortMessage.MAX_MESSAGE_LENGTH;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_3;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_4;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_PORT_CONNECTION_REFUSED;
import static dev.kobj.api.status.NtStatus.STATUS_PORT_DISCONNECTED;
import static dev.kobj.api.status.NtStatus.STATUS_PORT_MESSAGE_TOO_LONG;
import static dev.kobj.api.status.NtStatus.STATUS_REPLY_MESSAGE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.port.PortMessage;
import dev.kobj.api.port.PortService;
import dev.kobj.api.port.PortView;
import dev.kobj.api.section.SectionService;
import dev.kobj.api.section.SectionView;
import dev.kobj.api.process.KThread;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LPC on the wait engine. A request's journey: the sender's communication port, the receiving port's
 * queue (the server's connection port, or the client's port), a receiver's NtReplyWaitReceivePort,
 * and for a request awaiting a reply, a {@link Pending} filed under its message id in the receiving
 * port until NtReplyPort completes it. Every blocked caller waits on a dispatcher object, so the wait
 * engine's wake sources (interrupt, termination) end it; closing a port completes what waits on it.
 */
final class PortServiceImpl implements PortService {
    private final ObjectManager objects;
    private final SectionServiceImpl sections;
    private final WaitService waits;
    private final DispatcherContext context;
    private final AtomicInteger nextMessageId = new AtomicInteger();
    /** Connection requests not yet answered, by message id (NtAcceptConnectPort names no port). */
    private final Map<Integer, Pending> connecting = new ConcurrentHashMap<>();
    /** The connection port each received connection request came by, by message id. */
    private final Map<Integer, PortObject> connectionByRequest = new ConcurrentHashMap<>();

    @Inject
    PortServiceImpl(ObjectManager objects, WaitService waits, SectionService sections) {
        this.objects = requireNonNull(objects, "objects is null");
        this.sections = (SectionServiceImpl) requireNonNull(sections, "sections is null");
        this.waits = requireNonNull(waits, "waits is null");
        this.context = waits.context();
    }

    @Override
    public int createPort(KThread caller, ObjectAttributes attributes, int maxConnectionInfoLength,
            int maxMessageLength, long[] portHandle) {
        if (maxConnectionInfoLength < 0 || maxConnectionInfoLength > MAX_CONNECTION_INFO_LENGTH) {
            return STATUS_INVALID_PARAMETER_3;
        }
        if (maxMessageLength < 0 || maxMessageLength > MAX_MESSAGE_LENGTH
                || (maxMessageLength > 0 && maxMessageLength < HEADER_LENGTH)) {
            return STATUS_INVALID_PARAMETER_4;
        }
        int info = maxConnectionInfoLength == 0 ? MAX_CONNECTION_INFO_LENGTH : maxConnectionInfoLength;
        int message = maxMessageLength == 0 ? MAX_MESSAGE_LENGTH : maxMessageLength;
        return objects.create(caller, attributes, IpcTypes.PORT, PORT_ALL_ACCESS,
                () -> new PortObject(PortObject.Kind.CONNECTION, this, context, info, message, null, 0), portHandle);
    }

    // ---- connections ----

    @Override
    public int connectPort(KThread caller, String portName, PortView clientView, byte[] connectionInfo,
            int[] maxMessageLength, byte[][] connectionInfoOut, SectionView[] mappedView, long[] portHandle) {
        if (portHandle == null || portHandle.length == 0 || portName == null) {
            return STATUS_INVALID_PARAMETER;
        }
        portHandle[0] = 0;
        long[] temporary = new long[1];
        int status = objects.open(caller, ObjectAttributes.named(portName, 0), IpcTypes.PORT, PORT_CONNECT, temporary);
        if (status < 0) {
            return status;
        }
        HandleEntry opened = objects.lookup(caller, temporary[0]); // another thread may have closed it at once
        if (opened == null || !(opened.object() instanceof PortObject server) || !objects.reference(server)) {
            return STATUS_INVALID_HANDLE;
        }
        objects.close(caller, temporary[0]);
        try {
            if (server.kind != PortObject.Kind.CONNECTION) {
                return STATUS_OBJECT_TYPE_MISMATCH;
            }
            byte[] info = connectionInfo == null ? new byte[0] : connectionInfo.clone();
            if (info.length > server.maxConnectionInfoLength) {
                return STATUS_INVALID_PARAMETER;
            }
            Pending pending = new Pending(context, null);
            SectionView[] view = new SectionView[1];
            if (clientView != null) {
                status = sections.mapView(caller, clientView.sectionHandle(), SectionService.FILE_MAP_WRITE,
                        clientView.sectionOffset(), clientView.viewSize(), view);
                if (status < 0) {
                    return status;
                }
                pending.section = sections.sectionAt(caller.process(), view[0].baseAddress());
                pending.viewOffset = clientView.sectionOffset();
                pending.viewSize = view[0].size();
            }
            status = connect(caller, server, info, pending, maxMessageLength, connectionInfoOut, portHandle);
            if (status < 0 && view[0] != null) {
                sections.unmap(caller.process(), view[0].baseAddress()); // no connection, no view
            } else if (view[0] != null && mappedView != null && mappedView.length > 0) {
                mappedView[0] = view[0];
            }
            return status;
        } finally {
            objects.dereference(server);
        }
    }

    /** Queues the connection request and waits for the server's answer. */
    private int connect(KThread caller, PortObject server, byte[] info, Pending pending, int[] maxMessageLength,
            byte[][] connectionInfoOut, long[] portHandle) {
        int id = messageId();
        connecting.put(id, pending);
        PortMessage request = new PortMessage(LPC_CONNECTION_REQUEST, id, caller.process().id(), caller.id(), info);
        server.enqueue(request, null);
        int status = await(caller, pending);
        connecting.remove(id);
        connectionByRequest.remove(id);
        if (status != STATUS_SUCCESS) {
            abandon(pending, status); // interrupted or terminated while the server answered
            return status;
        }
        status = pending.status;
        PortObject client = pending.clientPort;
        if (status < 0 || client == null) {
            return status < 0 ? status : STATUS_PORT_CONNECTION_REFUSED;
        }
        status = objects.insert(caller.process(), client, PORT_ALL_ACCESS, 0, portHandle);
        objects.dereference(client); // the handle holds it now
        if (status < 0) {
            return status;
        }
        if (maxMessageLength != null && maxMessageLength.length > 0) {
            maxMessageLength[0] = client.maxMessageLength;
        }
        if (connectionInfoOut != null && connectionInfoOut.length > 0) {
            connectionInfoOut[0] = pending.result == null ? new byte[0] : pending.result.data();
        }
        return STATUS_SUCCESS;
    }

    @Override
    public int listenPort(KThread caller, long portHandle, PortMessage[] connectionRequest) {
        PortObject[] port = new PortObject[1];
        int status = port(caller, portHandle, port);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (port[0].kind != PortObject.Kind.CONNECTION || connectionRequest == null || connectionRequest.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        while (true) { // as NT's NtListenPort: other messages are passed over
            PortObject.Queued[] next = new PortObject.Queued[1];
            status = receive(caller, port[0], next);
            if (status != STATUS_SUCCESS) {
                return status;
            }
            if (next[0].message().type() == LPC_CONNECTION_REQUEST) {
                connectionRequest[0] = next[0].message();
                return STATUS_SUCCESS;
            }
        }
    }

    @Override
    public int acceptConnectPort(KThread caller, long portContext, PortMessage request, boolean accept,
            SectionView[] clientView, long[] portHandle) {
        if (request == null || portHandle == null || portHandle.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        portHandle[0] = 0;
        Pending pending = connecting.remove(request.messageId());
        if (pending == null) {
            return STATUS_REPLY_MESSAGE_MISMATCH;
        }
        if (!accept) {
            pending.complete(STATUS_PORT_CONNECTION_REFUSED, null);
            return STATUS_SUCCESS;
        }
        PortObject connection = connectionByRequest.remove(request.messageId()); // where the request was queued
        if (connection == null) {
            pending.complete(STATUS_PORT_DISCONNECTED, null);
            return STATUS_PORT_DISCONNECTED;
        }
        if (pending.section != null) { // the client's view, mapped into the server too
            SectionView[] view = new SectionView[1];
            int mapped = sections.mapShared(caller.process(), pending.section, pending.viewOffset, pending.viewSize,
                    view);
            if (mapped < 0) {
                pending.complete(STATUS_PORT_CONNECTION_REFUSED, null);
                return mapped;
            }
            if (clientView != null && clientView.length > 0) {
                clientView[0] = view[0];
            }
        }
        PortObject server = new PortObject(PortObject.Kind.SERVER, this, context, 0, connection.maxMessageLength,
                connection, portContext);
        PortObject client = new PortObject(PortObject.Kind.CLIENT, this, context, 0, connection.maxMessageLength,
                connection, 0);
        server.peer = client;
        client.peer = server;
        objects.reference(connection); // both ends keep the connection port's queue
        objects.reference(connection);
        int status = objects.insert(caller.process(), server, PORT_ALL_ACCESS, 0, portHandle);
        objects.dereference(server);
        if (status < 0) {
            objects.dereference(client);
            pending.complete(STATUS_PORT_CONNECTION_REFUSED, null);
            return status;
        }
        pending.clientPort = client; // its creator's reference goes to the client's handle
        pending.result = new PortMessage(LPC_REPLY, request.messageId(), request.clientProcessId(),
                request.clientThreadId(), request.data().clone());
        server.awaitingCompletion = pending;
        return STATUS_SUCCESS;
    }

    @Override
    public int completeConnectPort(KThread caller, long portHandle) {
        PortObject[] port = new PortObject[1];
        int status = port(caller, portHandle, port);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        Pending pending = port[0].awaitingCompletion;
        if (port[0].kind != PortObject.Kind.SERVER || pending == null) {
            return STATUS_INVALID_PARAMETER;
        }
        port[0].awaitingCompletion = null;
        if (!pending.complete(STATUS_SUCCESS, pending.result)) {
            return STATUS_PORT_DISCONNECTED; // the client gave up waiting
        }
        return STATUS_SUCCESS;
    }

    // ---- messages ----

    @Override
    public int requestPort(KThread caller, long portHandle, PortMessage message) {
        PortObject[] port = new PortObject[1];
        int status = sendable(caller, portHandle, message, port, false);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        PortObject target = port[0].target();
        PortMessage datagram = new PortMessage(LPC_DATAGRAM, messageId(), caller.process().id(), caller.id(),
                message.data().clone());
        return target != null && !port[0].disconnected && target.enqueue(datagram, port[0]) ? STATUS_SUCCESS
                : STATUS_PORT_DISCONNECTED;
    }

    @Override
    public int requestWaitReplyPort(KThread caller, long portHandle, PortMessage request, PortMessage[] reply) {
        PortObject[] port = new PortObject[1];
        int status = sendable(caller, portHandle, request, port, false);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (reply == null || reply.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        PortObject from = port[0];
        PortObject target = from.target();
        if (target == null || from.disconnected) {
            return STATUS_PORT_DISCONNECTED;
        }
        Pending pending = new Pending(context, from);
        int id = messageId();
        synchronized (target) {
            target.awaitingReply.put(id, pending);
        }
        PortMessage message = new PortMessage(LPC_REQUEST, id, caller.process().id(), caller.id(),
                request.data().clone());
        if (!target.enqueue(message, from) || from.disconnected) {
            forget(target, id);
            return STATUS_PORT_DISCONNECTED;
        }
        status = await(caller, pending);
        if (status != STATUS_SUCCESS) {
            forget(target, id);
            return status;
        }
        if (pending.status == STATUS_SUCCESS) {
            reply[0] = pending.result;
        }
        return pending.status;
    }

    @Override
    public int replyPort(KThread caller, long portHandle, PortMessage reply) {
        PortObject[] port = new PortObject[1];
        int status = sendable(caller, portHandle, reply, port, true);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        PortObject receiver = port[0].receiver();
        Pending pending;
        synchronized (receiver) {
            pending = receiver.awaitingReply.remove(reply.messageId());
        }
        if (pending == null) {
            return STATUS_REPLY_MESSAGE_MISMATCH;
        }
        pending.complete(STATUS_SUCCESS, new PortMessage(LPC_REPLY, reply.messageId(), caller.process().id(),
                caller.id(), reply.data().clone()));
        return STATUS_SUCCESS;
    }

    @Override
    public int replyWaitReceivePort(KThread caller, long portHandle, long[] portContext, PortMessage reply,
            PortMessage[] message) {
        if (message == null || message.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        if (reply != null) {
            int status = replyPort(caller, portHandle, reply);
            if (status != STATUS_SUCCESS) {
                return status;
            }
        }
        PortObject[] port = new PortObject[1];
        int status = port(caller, portHandle, port);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        PortObject.Queued[] next = new PortObject.Queued[1];
        status = receive(caller, port[0].receiver(), next);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        message[0] = next[0].message();
        if (portContext != null && portContext.length > 0) {
            PortObject from = next[0].from();
            // the context of the server's end of the connection it came by
            portContext[0] = from == null ? 0 : from.kind == PortObject.Kind.CLIENT && from.peer != null
                    ? from.peer.context : from.context;
        }
        return STATUS_SUCCESS;
    }

    // ---- closing ----

    /**
     * The Port type's close procedure with no handle left: a connection port refuses the clients still
     * connecting and disconnects every connection; a communication port disconnects its connection,
     * failing what waits on the other side and telling a server of a client's going (LPC_PORT_CLOSED).
     */
    void lastHandleClosed(PortObject port) {
        port.disconnected = true;
        if (port.kind == PortObject.Kind.CONNECTION) {
            connectionByRequest.entrySet().removeIf(entry -> {
                if (entry.getValue() == port) {
                    Pending pending = connecting.remove(entry.getKey());
                    if (pending != null) {
                        pending.complete(STATUS_PORT_DISCONNECTED, null);
                    }
                    return true;
                }
                return false;
            });
            failAwaiting(port, null);
            return;
        }
        PortObject peer = port.peer;
        if (peer != null) {
            peer.disconnected = true;
            failAwaiting(port.receiver(), port);
            failAwaiting(peer.receiver(), peer);
            if (port.kind == PortObject.Kind.CLIENT && !port.connection.disconnected) {
                port.connection.enqueue(new PortMessage(LPC_PORT_CLOSED, messageId(), 0, 0, new byte[0]), peer);
            }
        }
        Pending connect = port.awaitingCompletion;
        if (connect != null) {
            connect.complete(STATUS_PORT_DISCONNECTED, null);
        }
    }

    /** The Port type's delete procedure: a communication port lets go of the connection port. */
    void deleted(PortObject port) {
        if (port.connection != null) {
            objects.dereference(port.connection);
        }
    }

    /** A connecting client gave up: a connection the server made meanwhile is closed again. */
    private void abandon(Pending pending, int status) {
        pending.complete(status, null);
        PortObject client = pending.clientPort;
        if (client != null) {
            lastHandleClosed(client);
            objects.dereference(client);
        }
    }

    /** Fails the replies awaited in {@code receiver} by requests that came by {@code from} (null: all). */
    private static void failAwaiting(PortObject receiver, PortObject from) {
        List<Pending> failed = new ArrayList<>();
        synchronized (receiver) {
            receiver.awaitingReply.values().removeIf(pending -> {
                if (from == null || pending.from == from || pending.from == from.peer) {
                    failed.add(pending);
                    return true;
                }
                return false;
            });
        }
        failed.forEach(pending -> pending.complete(STATUS_PORT_DISCONNECTED, null));
    }

    // ---- helpers ----

    private int messageId() {
        int id;
        do {
            id = nextMessageId.incrementAndGet();
        } while (id == 0);
        return id;
    }

    /** Blocks on {@code pending}; STATUS_SUCCESS once it is completed, else the wait's status. */
    private int await(KThread caller, Pending pending) {
        int status = waits.waitForObjects(caller, new DispatcherObject[] {pending.done}, 1, false, false,
                WaitService.INFINITE);
        return status == 0 ? STATUS_SUCCESS : status;
    }

    /** Blocks for the next message of a receiving port. */
    private int receive(KThread caller, PortObject receiver, PortObject.Queued[] next) {
        int status = waits.waitForObjects(caller, new DispatcherObject[] {receiver.available}, 1, false, false,
                WaitService.INFINITE);
        if (status != 0) {
            return status;
        }
        next[0] = receiver.dequeue();
        if (next[0].message().type() == LPC_CONNECTION_REQUEST) {
            connectionByRequest.put(next[0].message().messageId(), receiver);
        }
        return STATUS_SUCCESS;
    }

    private int port(KThread caller, long handle, PortObject[] port) {
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (entry.object().type() != IpcTypes.PORT) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        port[0] = (PortObject) entry.object();
        return STATUS_SUCCESS;
    }

    /** A communication port and a message that fits it. */
    private int sendable(KThread caller, long handle, PortMessage message, PortObject[] port, boolean replying) {
        int status = port(caller, handle, port);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (message == null) {
            return STATUS_INVALID_PARAMETER;
        }
        if (port[0].kind == PortObject.Kind.CONNECTION && !replying) {
            return STATUS_INVALID_PARAMETER;
        }
        int limit = (port[0].kind == PortObject.Kind.CONNECTION ? port[0] : port[0].connection).maxMessageLength;
        return message.data().length > limit - HEADER_LENGTH ? STATUS_PORT_MESSAGE_TOO_LONG : STATUS_SUCCESS;
    }

    private static void forget(PortObject target, int id) {
        synchronized (target) {
            target.awaitingReply.remove(id);
        }
    }
}
