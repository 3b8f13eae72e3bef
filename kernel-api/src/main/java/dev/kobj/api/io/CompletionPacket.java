package dev.kobj.api.io;

/**
 * One I/O completion packet (§7.6): the key of the file's association (or the poster's), the caller's
 * context passed through unchanged ({@code context}: the OVERLAPPED object of Win32; {@code contextValue}:
 * NT's ApcContext as a number), and the I/O's status and information. Immutable: the one allocation a
 * post makes.
 *
 * @since 0.1
 */
public record CompletionPacket(long key, Object context, long contextValue, int status, long information) {
}
