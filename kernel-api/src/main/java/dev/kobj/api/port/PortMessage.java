package dev.kobj.api.port;

import static java.util.Objects.requireNonNull;

/**
 * An LPC message (PORT_MESSAGE and its data): the type, the id that pairs a reply with its request,
 * the sender's client id (process and thread) and the data, at most
 * {@link #MAX_MESSAGE_LENGTH} - {@link #HEADER_LENGTH} bytes. The data array is the caller's; the
 * kernel copies it when the message is sent.
 *
 * @since 0.1
 */
public record PortMessage(int type, int messageId, int clientProcessId, int clientThreadId, byte[] data) {
    public static final int LPC_REQUEST = 1;
    public static final int LPC_REPLY = 2;
    public static final int LPC_DATAGRAM = 3;
    public static final int LPC_LOST_REPLY = 4;
    public static final int LPC_PORT_CLOSED = 5;
    public static final int LPC_CLIENT_DIED = 6;
    public static final int LPC_CONNECTION_REQUEST = 10;

    /** sizeof(PORT_MESSAGE) on x64. */
    public static final int HEADER_LENGTH = 40;
    /** PORT_MAXIMUM_MESSAGE_LENGTH on x64, header included. */
    public static final int MAX_MESSAGE_LENGTH = 512;
    /** The largest connection information a port accepts. */
    public static final int MAX_CONNECTION_INFO_LENGTH = 256;

    public PortMessage {
        requireNonNull(data, "data is null");
    }

    /** A message to send: the kernel fills in the type, id and client id. */
    public static PortMessage of(byte[] data) {
        return new PortMessage(0, 0, 0, 0, data);
    }
}
