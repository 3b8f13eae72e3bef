package dev.kobj.api.pipe;

/**
 * The file-system control codes the named-pipe and mailslot file systems answer through
 * {@link dev.kobj.api.io.IoService#deviceControl} with {@code fileSystem} true. The FSCTL_PIPE_* codes are
 * NT's; the kobj ones stand for the NtQueryInformationFile / NtSetInformationFile classes kobj's I/O
 * manager has no call for, and carry records through the control's {@code argument}.
 *
 * @since 0.1
 */
public final class PipeControl {
    /** DisconnectNamedPipe (server end). */
    public static final int FSCTL_PIPE_DISCONNECT = 0x0011_0004;
    /** ConnectNamedPipe (server end): pends until a client connects. */
    public static final int FSCTL_PIPE_LISTEN = 0x0011_0008;
    /**
     * PeekNamedPipe: the output buffer gets a copy of queued data, the argument (an {@code Object[1]})
     * a {@link PipePeekInformation}; needs FILE_READ_DATA.
     */
    public static final int FSCTL_PIPE_PEEK = 0x0011_400C;
    /** TransactNamedPipe: input written as one message, one message read into the output. */
    public static final int FSCTL_PIPE_TRANSCEIVE = 0x0011_C017;
    /** WaitNamedPipe, on the file system's root (a file opened on the device itself): a {@link PipeWait}. */
    public static final int FSCTL_PIPE_WAIT = 0x0011_0018;
    /** FilePipeLocalInformation + FilePipeInformation: a {@link PipeInformation} into the {@code Object[1]}. */
    public static final int FSCTL_KOBJ_PIPE_QUERY = 0x0011_2000;
    /** FilePipeInformation set: a {@link PipeHandleState} argument. */
    public static final int FSCTL_KOBJ_PIPE_SET_STATE = 0x0011_2004;
    /** FileMailslotQueryInformation: a {@link MailslotInformation} into the {@code Object[1]}. */
    public static final int FSCTL_KOBJ_MAILSLOT_QUERY = 0x000C_2000;
    /** FileMailslotSetInformation: the new read timeout as a {@code Long} argument (100 ns, or INFINITE). */
    public static final int FSCTL_KOBJ_MAILSLOT_SET_TIMEOUT = 0x000C_2004;

    /** FilePipeLocalInformation.NamedPipeState values. */
    public static final int FILE_PIPE_DISCONNECTED_STATE = 1;
    public static final int FILE_PIPE_LISTENING_STATE = 2;
    public static final int FILE_PIPE_CONNECTED_STATE = 3;
    public static final int FILE_PIPE_CLOSING_STATE = 4;
    /** NamedPipeEnd values. */
    public static final int FILE_PIPE_CLIENT_END = 0;
    public static final int FILE_PIPE_SERVER_END = 1;

    private PipeControl() {
    }
}
