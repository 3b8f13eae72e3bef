package dev.kobj.api.io;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.process.KThread;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * One I/O request (NT's IRP): what was asked (the major function, the file object, the caller's buffer,
 * the byte offset, a control code), and how it ends. Made by the I/O manager for each call and handed to
 * a {@link Driver} dispatch routine; a driver that returns STATUS_PENDING keeps it and completes it later.
 * Thread-safe: {@link #complete} may be called from any thread, once.
 *
 * <pre>
 * state (one CAS decides):       ACTIVE → COMPLETED
 * cancel routine slot:           null ⇄ routine (setCancelRoutine / clearCancelRoutine)
 *                                null | routine → CANCELLED (cancel: a routine found there is run, once)
 * </pre>
 *
 * A driver installs a cancel routine while it holds a request pending; the routine must complete the
 * request (STATUS_CANCELLED and the bytes moved so far). Before it completes a request itself the driver
 * calls {@link #clearCancelRoutine()}: false means the cancel routine owns the completion now.
 *
 * @since 0.1
 */
public abstract class IoRequest {
    /** IRP_MJ_* major function codes. */
    public static final int CREATE = 0x00;
    public static final int CREATE_NAMED_PIPE = 0x01;
    public static final int READ = 0x03;
    public static final int WRITE = 0x04;
    public static final int FLUSH_BUFFERS = 0x09;
    public static final int FILE_SYSTEM_CONTROL = 0x0D;
    public static final int DEVICE_CONTROL = 0x0E;
    public static final int CREATE_MAILSLOT = 0x13;

    /** {@link #byteOffset()} when the request uses the file object's current position. */
    public static final long USE_FILE_POINTER_POSITION = -2L;

    private static final VarHandle STATE;
    private static final VarHandle CANCEL_ROUTINE;
    private static final Consumer<IoRequest> CANCELLED = request -> { };

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(IoRequest.class, "state", int.class);
            CANCEL_ROUTINE = lookup.findVarHandle(IoRequest.class, "cancelRoutine", Consumer.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int major;
    private final FileObject file;
    private final KThread thread;
    private final byte[] buffer;
    private final int bufferOffset;
    private final int length;
    private long byteOffset; // set once more by a driver that wrote elsewhere, before it completes
    private final int controlCode;
    private final byte[] inputBuffer;
    private final int inputLength;
    private final Object argument;
    private volatile int state;
    private volatile Consumer<IoRequest> cancelRoutine;
    private volatile int status;
    private volatile long information;
    /** The file's list of pending requests, guarded by the file object's pending lock. */
    IoRequest prevPending;
    IoRequest nextPending;
    boolean linked;

    /**
     * A request of {@code major} on {@code file} issued by {@code thread}: {@code buffer[bufferOffset ..
     * bufferOffset + length)} is the data (read into, written from, or a control's output), and
     * {@code inputBuffer[0 .. inputLength)} a control's input. Made by the I/O manager only.
     */
    @KernelInternal
    protected IoRequest(int major, FileObject file, KThread thread, byte[] buffer, int bufferOffset, int length,
            long byteOffset, int controlCode, byte[] inputBuffer, int inputLength, Object argument) {
        this.major = major;
        this.file = file;
        this.thread = thread;
        this.buffer = buffer;
        this.bufferOffset = bufferOffset;
        this.length = length;
        this.byteOffset = byteOffset;
        this.controlCode = controlCode;
        this.inputBuffer = inputBuffer;
        this.inputLength = inputLength;
        this.argument = argument;
    }

    /** The IRP_MJ_* code. */
    public final int major() {
        return major;
    }

    public final FileObject file() {
        return file;
    }

    /** The thread that issued the request. */
    public final KThread thread() {
        return thread;
    }

    /** The caller's data buffer (read target, write source, control output); may be null when length is 0. */
    public final byte[] buffer() {
        return buffer;
    }

    public final int bufferOffset() {
        return bufferOffset;
    }

    /** Bytes to read or write, or the control's output length. */
    public final int length() {
        return length;
    }

    /**
     * The file offset of a read or write: the one the caller gave (OVERLAPPED.Offset), or for a
     * synchronous file object without one, the current position (already resolved here).
     */
    public final long byteOffset() {
        return byteOffset;
    }

    /**
     * Where a read or write really took place, when the driver chose (an append-only open, or
     * FILE_WRITE_TO_END_OF_FILE, writes at the end of file): set before completing, so that a synchronous
     * file object's position moves past the bytes transferred, as NT's file systems move it.
     */
    public final void setByteOffset(long byteOffset) {
        this.byteOffset = byteOffset;
    }

    /** The IOCTL or FSCTL code of a control request. */
    public final int controlCode() {
        return controlCode;
    }

    /** A control's input bytes, or {@code null}. */
    public final byte[] inputBuffer() {
        return inputBuffer;
    }

    public final int inputLength() {
        return inputLength;
    }

    /** A family-specific argument of a control or create (e.g. {@link CreateParameters}), or {@code null}. */
    public final Object argument() {
        return argument;
    }

    /** The name left after the device in a create ("" for the device itself), or {@code null}. */
    public String fileName() {
        return null;
    }

    /** The information to report with a final status returned by the dispatch routine. */
    public final long information() {
        return information;
    }

    public final void setInformation(long information) {
        this.information = information;
    }

    /** Whether the request has completed. */
    public final boolean isCompleted() {
        return state != 0;
    }

    /** The final status once completed. */
    public final int status() {
        return status;
    }

    /** Whether cancellation has been asked for. */
    public final boolean isCancelled() {
        return cancelRoutine == CANCELLED;
    }

    /**
     * Completes the request once: the caller's status block, event, completion port or APC, per the
     * file object's mode. Called by the driver (and by the I/O manager for final statuses returned by a
     * dispatch routine). Takes no driver lock; may run a completion port hand-off and a waiter wake-up.
     *
     * @return false if it had already completed
     */
    public final boolean complete(int status, long information) {
        if (!STATE.compareAndSet(this, 0, 1)) {
            return false;
        }
        this.information = information;
        this.status = status;
        completed(status, information);
        return true;
    }

    /**
     * Installs {@code routine}, run once if the request is cancelled while it is installed. False if
     * cancellation was already asked for: the driver must then complete the request with STATUS_CANCELLED.
     */
    public final boolean setCancelRoutine(Consumer<IoRequest> routine) {
        java.util.Objects.requireNonNull(routine, "routine is null");
        Consumer<IoRequest> current;
        do {
            current = cancelRoutine;
            if (current == CANCELLED) {
                return false;
            }
        } while (!CANCEL_ROUTINE.compareAndSet(this, current, routine));
        return true;
    }

    /**
     * Removes the cancel routine before the driver completes the request itself. False if cancellation
     * took it first: the cancel routine now owns completing the request.
     */
    public final boolean clearCancelRoutine() {
        Consumer<IoRequest> current;
        do {
            current = cancelRoutine;
            if (current == CANCELLED) {
                return false;
            }
        } while (!CANCEL_ROUTINE.compareAndSet(this, current, null));
        return true;
    }

    /**
     * Asks for cancellation (IoCancelIrp): marks the request and runs its cancel routine if one is
     * installed. A request without one runs on until its driver completes it.
     *
     * @return whether a cancel routine was run
     */
    @KernelInternal
    public final boolean cancel() {
        if (isCompleted()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Consumer<IoRequest> routine = (Consumer<IoRequest>) CANCEL_ROUTINE.getAndSet(this, CANCELLED);
        if (routine != null && routine != CANCELLED) {
            routine.accept(this);
            return true;
        }
        return false;
    }

    /** The I/O manager's completion: status block, events, port packet or APC. Runs once. */
    @KernelInternal
    protected abstract void completed(int status, long information);
}
