package dev.kobj.api.port;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;
import dev.kobj.api.section.SectionView;

/**
 * LPC ports (nt-semantics.md §7.5): a server's named connection port, a pair of communication ports per
 * accepted client, datagrams and request/reply pairs matched by message id. The caller first, an
 * NTSTATUS back, outputs through one-element arrays. Blocking calls end on their event, on a Java
 * interrupt (STATUS_CANCELLED), on the caller's termination, and with STATUS_PORT_DISCONNECTED when the
 * other side goes. Thread-safe.
 *
 * @since 0.1
 */
public interface PortService {
    int PORT_CONNECT = 0x0001;
    int PORT_ALL_ACCESS = 0x001F_0001;

    /**
     * NtCreatePort: a connection port; 0 lengths take the maxima, larger ones are
     * STATUS_INVALID_PARAMETER_3 (connection information) and _4 (message).
     */
    int createPort(KThread caller, ObjectAttributes attributes, int maxConnectionInfoLength, int maxMessageLength,
            long[] portHandle);

    /**
     * NtConnectPort: sends {@code connectionInfo} to the server named {@code portName} (needs PORT_CONNECT)
     * and blocks until it accepts and completes the connection (the client's communication port handle in
     * {@code portHandle[0]}, the server's reply data in {@code connectionInfoOut[0]}) or refuses it
     * (STATUS_PORT_CONNECTION_REFUSED). A {@code clientView} maps the client's section into the client
     * (its view in {@code mappedView[0]}) and, on acceptance, into the server, for large data.
     */
    int connectPort(KThread caller, String portName, PortView clientView, byte[] connectionInfo,
            int[] maxMessageLength, byte[][] connectionInfoOut, SectionView[] mappedView, long[] portHandle);

    /** NtListenPort: blocks for the next connection request on a connection port. */
    int listenPort(KThread caller, long portHandle, PortMessage[] connectionRequest);

    /**
     * NtAcceptConnectPort: answers the connection request {@code request} (by its message id). Accepting
     * makes the server's communication port (its handle in {@code portHandle[0]}) carrying
     * {@code portContext}; the client is released by {@link #completeConnectPort}. {@code request.data()}
     * goes back to the client as connection information. If the client gave a section, accepting maps it
     * into the server's process too ({@code clientView[0]}, when the array is given).
     */
    int acceptConnectPort(KThread caller, long portContext, PortMessage request, boolean accept,
            SectionView[] clientView, long[] portHandle);

    /** NtCompleteConnectPort: releases the client of an accepted connection. */
    int completeConnectPort(KThread caller, long portHandle);

    /** NtRequestPort: a datagram to the other side; no reply. */
    int requestPort(KThread caller, long portHandle, PortMessage message);

    /** NtRequestWaitReplyPort: a request to the other side, blocking until its reply. */
    int requestWaitReplyPort(KThread caller, long portHandle, PortMessage request, PortMessage[] reply);

    /** NtReplyPort: the reply to the request with {@code reply.messageId()} (else STATUS_REPLY_MESSAGE_MISMATCH). */
    int replyPort(KThread caller, long portHandle, PortMessage reply);

    /**
     * NtReplyWaitReceivePort: replies if {@code reply} is not null, then blocks for the next message; the
     * context of the communication port it came by goes to {@code portContext[0]}.
     */
    int replyWaitReceivePort(KThread caller, long portHandle, long[] portContext, PortMessage reply,
            PortMessage[] message);
}
