package dev.kobj.api.port;

/**
 * PORT_VIEW: a client's section for messages too large for a port message, given to NtConnectPort; it is
 * mapped into the client's process and, once the server accepts, into the server's (64 KiB-aligned
 * offset; size 0 means to the end of the section).
 *
 * @since 0.1
 */
public record PortView(long sectionHandle, long sectionOffset, long viewSize) {
}
