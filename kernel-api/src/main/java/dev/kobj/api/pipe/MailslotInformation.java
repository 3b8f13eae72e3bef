package dev.kobj.api.pipe;

/**
 * FILE_MAILSLOT_QUERY_INFORMATION: the maximum message size, the size of the next message
 * ({@link #NO_MESSAGE} when none), the messages queued, and the read timeout (100 ns units, or
 * {@link dev.kobj.api.dispatch.WaitService#INFINITE}).
 *
 * @since 0.1
 */
public record MailslotInformation(int maximumMessageSize, int nextMessageSize, int messageCount, long readTimeout) {
    /** MAILSLOT_NO_MESSAGE. */
    public static final int NO_MESSAGE = -1;
}
