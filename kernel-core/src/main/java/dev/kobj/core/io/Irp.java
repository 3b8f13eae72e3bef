package dev.kobj.core.io;

import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.Waiter;
import dev.kobj.api.io.CompletionPacket;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoApc;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.io.IoStatusSink;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;

/**
 * The I/O manager's request: what the caller asked to be told on completion (status sink, event, APC,
 * port packet, a synchronous waiter), and its places on the file's and the thread's pending lists.
 *
 * <pre>
 * Completion, once (IoRequest.complete): unlink from both lists; move a synchronous file's position;
 * write the status sink; set the caller's event or the file's; queue the port packet (unless skipped on
 * a success that completed inline) or the APC; wake the synchronous waiter. A synchronous waiter is
 * claimed only while it is registered here, under this object's monitor, which the waiter also takes
 * to deregister before it leaves: a late completion never reaches a later wait of that thread.
 * </pre>
 */
final class Irp extends IoRequest {
    private final ThreadIo threadIo;
    private final DispatcherEvent event;
    private final IoApc apc;
    private final Object context;
    private final IoStatusSink sink;
    private final String fileName;
    /** Set before completion is reported when the dispatch routine returned a final status. */
    volatile boolean inline;
    /** The caller asked for no completion packet (an event handle with bit 0 set). */
    boolean noPacket;
    private Waiter syncWaiter; // guarded by this
    /** Whether {@link #completed} has finished reporting (the position, the sink). */
    private volatile boolean reported;
    Irp prevThread;
    Irp nextThread;
    boolean onThreadList;

    Irp(int major, FileObject file, ThreadIo threadIo, byte[] buffer, int bufferOffset, int length, long byteOffset,
            int controlCode, byte[] input, int inputLength, Object argument, DispatcherEvent event, IoApc apc,
            Object context, IoStatusSink sink, String fileName) {
        super(major, file, threadIo.thread, buffer, bufferOffset, length, byteOffset, controlCode, input, inputLength,
                argument);
        this.threadIo = threadIo;
        this.event = event;
        this.apc = apc;
        this.context = context;
        this.sink = sink;
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    /** The caller's context (the OVERLAPPED of Win32), which CancelIoEx matches. */
    Object context() {
        return context;
    }

    KThread issuer() {
        return threadIo.thread;
    }

    @Override
    protected void completed(int status, long information) {
        FileObject file = file();
        if (major() != CREATE) {
            file.removePending(this);
            threadIo.remove(this);
        }
        if (file.isSynchronous() && (major() == READ || major() == WRITE) && NtStatus.isSuccess(status)) {
            file.setPosition(byteOffset() + information); // §8: synchronous I/O moves the file pointer
        }
        if (sink != null) {
            sink.ioCompleted(status, information);
        }
        if (event != null) {
            event.set();
        } else if ((file.completionModes() & FileObject.FILE_SKIP_SET_EVENT_ON_HANDLE) == 0) {
            file.dispatcherObject().set();
        }
        FileObject.Association association = file.association();
        if (association != null && !file.isSynchronous() && major() != CREATE) {
            boolean skip = inline && NtStatus.isSuccess(status)
                    && (file.completionModes() & FileObject.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) != 0;
            if (!skip && !noPacket && association.port() instanceof IoCompletionPort port) {
                port.post(new CompletionPacket(association.key(), context, 0, status, information));
            }
        } else if (apc != null) {
            IoApc routine = apc;
            Object argument = context;
            threadIo.thread.queueApc(() -> routine.completed(argument, status, information));
        }
        reported = true;
        synchronized (this) {
            Waiter waiter = syncWaiter;
            if (waiter != null && waiter.claim()) {
                waiter.complete(NtStatus.STATUS_SUCCESS);
            }
        }
    }

    /** After {@link #isCompleted()}: waits the moment until the completing thread has reported it. */
    void awaitReported() {
        while (!reported) {
            Thread.onSpinWait();
        }
    }

    /** Registers the issuing thread's armed waiter; false if the request has completed already. */
    synchronized boolean registerWaiter(Waiter waiter) {
        if (isCompleted()) {
            return false;
        }
        syncWaiter = waiter;
        return true;
    }

    synchronized void deregisterWaiter() {
        syncWaiter = null;
    }
}
