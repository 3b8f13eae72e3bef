package dev.kobj.api.pipe;

/**
 * FILE_PIPE_PEEK_BUFFER without its data: the end's state, the bytes queued for it, the messages
 * queued, and the bytes of the first message (0 on a byte-type pipe).
 *
 * @since 0.1
 */
public record PipePeekInformation(int namedPipeState, int readDataAvailable, int numberOfMessages,
        int messageLength) {
}
