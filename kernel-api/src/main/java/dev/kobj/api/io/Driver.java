package dev.kobj.api.io;

import dev.kobj.api.memory.BackingStore;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.status.NtStatus;

/**
 * A driver: it makes devices under {@code \Device} when the kernel boots and answers the requests made
 * on the file objects opened through them (NT's IRP major functions). Registered by a plugin with
 * {@link dev.kobj.api.KernelBinder#driver}; built once per kernel by constructor injection.
 *
 * <p>Every dispatch routine receives a fresh {@link IoRequest} and returns a status: a final one (the I/O
 * manager then completes the request with it and {@link IoRequest#information()}), or
 * {@link NtStatus#STATUS_PENDING}, in which case the driver completes the request later, from any
 * thread, with {@link IoRequest#complete}. A pending request should carry a cancel routine
 * ({@link IoRequest#setCancelRoutine}); cancellation (CancelIo, CancelIoEx, the last handle closed, the
 * issuing thread's end) calls it, and it must complete the request, normally with STATUS_CANCELLED.
 *
 * <p>The I/O manager calls drivers with none of its locks held, on the calling thread. Drivers must not
 * block in a dispatch routine for longer than their own state needs: waiting for data is done by
 * returning STATUS_PENDING, so that the caller's wait can be ended by cancellation, interrupts and
 * termination. Every method but {@link #load} has a default, so a driver overrides what it supports;
 * the defaults refuse with STATUS_INVALID_DEVICE_REQUEST.
 *
 * @since 0.1
 */
public interface Driver {
    /** Called once at boot: make the driver's devices (and their {@code \??} links). */
    void load(DeviceRegistry devices);

    /**
     * IRP_MJ_CREATE (and the pipe and mailslot creates, told apart by {@link CreateParameters#extra}):
     * a new file object is opened on {@code request.file().device()} for the name left after the device,
     * {@link IoRequest#fileName()} ("" for the device itself). The driver checks the name, the
     * disposition, share access, and stores its state with {@link FileObject#setContext}. It must not
     * return STATUS_PENDING. {@link IoRequest#information()} is the create disposition (FILE_OPENED ...).
     */
    default int create(IoRequest request) {
        return NtStatus.STATUS_SUCCESS;
    }

    /** IRP_MJ_READ into {@link IoRequest#buffer()} at {@link IoRequest#byteOffset()}; information = bytes read. */
    default int read(IoRequest request) {
        return NtStatus.STATUS_INVALID_DEVICE_REQUEST;
    }

    /** IRP_MJ_WRITE from {@link IoRequest#buffer()}; information = bytes written. */
    default int write(IoRequest request) {
        return NtStatus.STATUS_INVALID_DEVICE_REQUEST;
    }

    /** IRP_MJ_DEVICE_CONTROL and IRP_MJ_FILE_SYSTEM_CONTROL (FSCTL_PIPE_LISTEN ...), by control code. */
    default int deviceControl(IoRequest request) {
        return NtStatus.STATUS_INVALID_DEVICE_REQUEST;
    }

    /**
     * The bytes of the file open on {@code file} for a new section of {@code size} bytes (NtCreateSection
     * with a file handle; NT's section object pointers): {@code size} 0 is the file's size (an empty file
     * is STATUS_MAPPED_FILE_SIZE_ZERO); a larger size extends the file when the section is
     * {@code writable}, else STATUS_SECTION_TOO_BIG. The store stays coherent with the file's reads and writes
     * (a write through a view is read by ReadFile and the other way round), holds the file as mapped
     * until it is released (the file cannot be deleted or truncated below it meanwhile), and its
     * {@link BackingStore#flush} writes back. The section service has checked the handle's access.
     * Drivers whose files cannot be mapped (pipes) keep the default: STATUS_INVALID_FILE_FOR_SECTION.
     */
    default int sectionStore(FileObject file, long size, boolean writable, BackingStore[] store) {
        return NtStatus.STATUS_INVALID_FILE_FOR_SECTION;
    }

    /** IRP_MJ_FLUSH_BUFFERS. */
    default int flush(IoRequest request) {
        return NtStatus.STATUS_SUCCESS;
    }

    /**
     * IRP_MJ_CLEANUP: the last handle to {@code file} was closed. The I/O manager has already cancelled
     * the file's pending requests; the driver releases what handles held (share access, byte-range
     * locks, a pipe end's connection). Called once, on the closing thread.
     */
    default void cleanup(FileObject file) {
    }

    /**
     * {@code process} closed its last handle to {@code file} while another process still holds one (an
     * inherited or duplicated handle): what belongs to the file object and that process goes, as NT's
     * IopCloseFile sends IRP_MN_UNLOCK_ALL for the process's byte-range locks. (On a process's exit its
     * handles close, so this runs then too.) Called on the closing thread, with no I/O manager lock held.
     */
    default void unlockAll(FileObject file, KProcess process) {
    }

    /** IRP_MJ_CLOSE: the file object is being deleted (no handle and no reference left). Called once. */
    default void close(FileObject file) {
    }
}
