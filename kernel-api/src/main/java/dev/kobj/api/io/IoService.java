package dev.kobj.api.io;

import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;

/**
 * The I/O manager's Java API (nt-semantics.md §7.6, §8): file objects opened through drivers, reads,
 * writes, controls, cancellation, and I/O completion ports. Thread-safe; every call acts for
 * {@code caller} and returns an NTSTATUS; bad input gets its status and changes nothing.
 *
 * <p>I/O calls take NtReadFile's arguments: an optional event handle (0 for none) set on completion, an
 * optional completion routine queued as an APC to the caller, a context that rides along (the APC's
 * argument and, on a file associated with a port, the packet's context), and a status sink. On a
 * synchronous file object the call waits for a pending request inside it and returns the final status;
 * that wait is ended by completion, a Java interrupt (STATUS_CANCELLED, the request cancelled), and
 * termination. On an overlapped one it returns STATUS_PENDING and the completion is reported later.
 * An event handle with bit 0 set (Win32's {@code hEvent | 1}) asks for no completion packet for that I/O.
 *
 * @since 0.1
 */
public interface IoService {
    /** IO_COMPLETION_QUERY_STATE, IO_COMPLETION_MODIFY_STATE, IO_COMPLETION_ALL_ACCESS. */
    int IO_COMPLETION_QUERY_STATE = 0x0001;
    int IO_COMPLETION_MODIFY_STATE = 0x0002;
    int IO_COMPLETION_ALL_ACCESS = 0x001F_0003;

    /** File rights (nt-semantics.md §4.2). */
    int FILE_READ_DATA = 0x0001;
    int FILE_WRITE_DATA = 0x0002;
    int FILE_APPEND_DATA = 0x0004;

    /**
     * NtCreateFile: the name is resolved in the namespace until it reaches a device, whose driver opens a
     * new file object for the rest of the name. {@code information[0]} (may be null) gets the create
     * disposition the driver reported (FILE_OPENED ...).
     */
    int createFile(KThread caller, ObjectAttributes attributes, int desiredAccess, int shareAccess,
            int disposition, int createOptions, int fileAttributes, Object extra, long[] handle,
            long[] information);

    /** NtReadFile; {@code byteOffset} is {@link IoRequest#USE_FILE_POINTER_POSITION} for the current position. */
    int read(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status, byte[] buffer,
            int offset, int length, long byteOffset);

    /** NtWriteFile. */
    int write(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status, byte[] buffer,
            int offset, int length, long byteOffset);

    /**
     * NtDeviceIoControlFile / NtFsControlFile ({@code fileSystem}): {@code input[0..inputLength)} in,
     * {@code output[0..outputLength)} out, {@code argument} for family-specific parameters.
     */
    int deviceControl(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status,
            boolean fileSystem, int controlCode, byte[] input, int inputLength, byte[] output, int outputLength,
            Object argument);

    /** NtFlushBuffersFile: needs FILE_WRITE_DATA or FILE_APPEND_DATA. */
    int flush(KThread caller, long file, IoStatusSink status);

    /**
     * Cancels pending requests on a file: CancelIo ({@code thisThreadOnly}: the caller's requests) or
     * CancelIoEx (all requests, or with a non-null {@code context} only those issued with it). Returns
     * STATUS_SUCCESS if some were asked to cancel, STATUS_NOT_FOUND if none matched.
     */
    int cancel(KThread caller, long file, boolean thisThreadOnly, Object context);

    /** The FILE_DEVICE_* type of the device the file was opened on. */
    int queryDeviceType(KThread caller, long file, int[] deviceType);

    /** SetFileCompletionNotificationModes. */
    int setCompletionModes(KThread caller, long file, int modes);

    // ---- completion ports ----

    /** NtCreateIoCompletion; {@code concurrency} 0 means the number of processors. */
    int createIoCompletion(KThread caller, ObjectAttributes attributes, int desiredAccess, int concurrency,
            long[] handle);

    /** NtOpenIoCompletion. */
    int openIoCompletion(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /**
     * NtSetInformationFile(FileCompletionInformation): associates a file with a port and key, once
     * (a second association is STATUS_INVALID_PARAMETER).
     */
    int associate(KThread caller, long file, long port, long key);

    /** Whether {@code object} is a completion port (an IoCompletion object). */
    boolean isCompletionPort(KernelObject object);

    /**
     * Queues a packet to a port the kernel holds by reference rather than by handle (a job's port);
     * false if the port is closed. The packet's context is null and {@code contextValue} the value to
     * pass (a job's process id).
     */
    boolean post(KernelObject port, long key, long contextValue, int status, long information);

    /** NtSetIoCompletion: queues a packet (IO_COMPLETION_MODIFY_STATE). */
    int setIoCompletion(KThread caller, long port, long key, Object context, long contextValue, int status,
            long information);

    /**
     * NtRemoveIoCompletion(Ex): up to {@code count} packets into {@code packets} (FIFO), at least one,
     * waiting up to {@code timeout} (NT units, {@link dev.kobj.api.dispatch.WaitService#INFINITE}) for
     * the first; {@code removed[0]} is how many. STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_USER_APC (an
     * alertable wait ended by APCs, which have run), STATUS_ABANDONED_WAIT_0 (the port's last handle
     * closed while waiting), STATUS_CANCELLED (interrupt), STATUS_THREAD_IS_TERMINATING. Waiting threads
     * are woken last-in first-out.
     */
    int removeIoCompletion(KThread caller, long port, CompletionPacket[] packets, int count, int[] removed,
            long timeout, boolean alertable);

    /** NtQueryIoCompletion(IoCompletionBasicInformation): the queued packets (IO_COMPLETION_QUERY_STATE). */
    int queryIoCompletion(KThread caller, long port, int[] depth);
}
