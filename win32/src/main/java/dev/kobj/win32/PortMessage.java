package dev.kobj.win32;

/**
 * PORT_MESSAGE with its data, for the LPC calls of {@link Ntdll}: the message type ({@code LPC_*}), the
 * id that pairs a reply with its request, the sender's client id, and up to
 * {@code PORT_MAXIMUM_MESSAGE_LENGTH - 40} data bytes. To send, only {@code data} (and for a reply,
 * {@code messageId}) matters: the kernel fills in the rest. A kobj addition to the contract.
 */
public record PortMessage(int type, int messageId, int clientProcessId, int clientThreadId, byte[] data) {
    /** A message to send. */
    public static PortMessage of(byte[] data) {
        return new PortMessage(0, 0, 0, 0, data);
    }

    /** A reply to {@code request}. */
    public static PortMessage replyTo(PortMessage request, byte[] data) {
        return new PortMessage(0, request.messageId(), 0, 0, data);
    }
}
