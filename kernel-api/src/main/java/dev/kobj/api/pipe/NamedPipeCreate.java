package dev.kobj.api.pipe;

/**
 * The extra parameters of a named pipe's server create (NtCreateNamedPipeFile), passed as
 * {@link dev.kobj.api.io.CreateParameters#extra} to the named-pipe file system (nt-semantics.md §7.2).
 * As in NT, the pipe's direction is the create's share access (FILE_SHARE_WRITE: clients write, the
 * server reads — inbound; FILE_SHARE_READ: outbound; both: duplex), and FILE_CREATE as disposition
 * asks for the first instance (FILE_FLAG_FIRST_PIPE_INSTANCE), FILE_OPEN_IF for any.
 *
 * @param messageType     PIPE_TYPE_MESSAGE (writes are messages) rather than byte
 * @param messageRead     the server end reads messages
 * @param nonBlocking     PIPE_NOWAIT: reads, writes and listens of the server end never wait
 * @param maximumInstances 1..254, or {@link #UNLIMITED_INSTANCES}
 * @param inboundQuota    bytes buffered from clients to the server (0: the default)
 * @param outboundQuota   bytes buffered from the server to clients (0: the default)
 * @param defaultTimeout  WaitNamedPipe's default wait in 100 ns units (positive)
 * @since 0.1
 */
public record NamedPipeCreate(boolean messageType, boolean messageRead, boolean nonBlocking, int maximumInstances,
        int inboundQuota, int outboundQuota, long defaultTimeout) {
    /** PIPE_UNLIMITED_INSTANCES. */
    public static final int UNLIMITED_INSTANCES = 255;
    /** The buffer a quota of 0 gets (Wine's default). */
    public static final int DEFAULT_QUOTA = 4096;
}
