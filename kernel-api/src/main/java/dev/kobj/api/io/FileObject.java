package dev.kobj.api.io;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KProcess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A file object (type File, nt-semantics.md §8): one open of something a driver serves — a file, a
 * pipe end, a mailslot. Handles refer to it; duplicated and inherited handles share it, and with it the
 * current position. Thread-safe.
 *
 * <p>It holds what the open fixed (device, name, access, share access, synchronous or overlapped mode),
 * the driver's context, the current byte offset, the completion port association, and the file's event
 * (signalled when an I/O on it completes; a wait on the file handle waits for it). Pending requests are
 * kept on an intrusive list so that CancelIo, CancelIoEx and cleanup can find them.
 *
 * @since 0.1
 */
public final class FileObject extends KernelObject implements Waitable {
    /** SetFileCompletionNotificationModes flags. */
    public static final int FILE_SKIP_COMPLETION_PORT_ON_SUCCESS = 0x1;
    public static final int FILE_SKIP_SET_EVENT_ON_HANDLE = 0x2;

    private static final VarHandle PORT;

    static {
        try {
            PORT = MethodHandles.lookup().findVarHandle(FileObject.class, "association", Association.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeviceObject device;
    private final String fileName;
    private final CreateParameters parameters;
    private final DispatcherEvent event;
    /** NT's file object lock: synchronous I/O on one file object runs one call at a time. */
    private final DispatcherEvent synchronousLock;
    private final ReentrantLock pendingLock = new ReentrantLock();
    private IoRequest pendingHead; // guarded by pendingLock
    private volatile Object context;
    private volatile Object context2;
    private volatile long position;
    private volatile Association association;
    private volatile int completionModes;
    private volatile boolean cleanedUp;
    /** Handles per process (what IopCloseFile reads): the first process's in two fields, others in a map. */
    private KProcess firstProcess; // guarded by pendingLock
    private int firstHandles; // guarded by pendingLock
    private Map<KProcess, Integer> otherHandles; // guarded by pendingLock

    @KernelInternal
    public FileObject(ObjectType type, DispatcherContext dispatcher, DeviceObject device, String fileName,
            CreateParameters parameters) {
        super(type);
        this.device = requireNonNull(device, "device is null");
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.event = new DispatcherEvent(dispatcher, true, false);
        this.synchronousLock = parameters.synchronous() ? new DispatcherEvent(dispatcher, false, true) : null;
    }

    /**
     * The lock a synchronous call holds from reading the position to its completion (an auto-reset
     * event, set when free); {@code null} on an overlapped file object.
     */
    @KernelInternal
    public DispatcherEvent synchronousLock() {
        return synchronousLock;
    }

    public DeviceObject device() {
        return device;
    }

    /** The name after the device, as opened ("" for the device itself). */
    public String fileName() {
        return fileName;
    }

    /** The access granted to the open (what share access counts), generic rights mapped. */
    public int access() {
        return parameters.desiredAccess();
    }

    /** FILE_SHARE_* of the open. */
    public int shareAccess() {
        return parameters.shareAccess();
    }

    public CreateParameters parameters() {
        return parameters;
    }

    /** Synchronous mode: every I/O waits inside the call, and uses and moves the current position. */
    public boolean isSynchronous() {
        return parameters.synchronous();
    }

    /** Synchronous waits of FILE_SYNCHRONOUS_IO_ALERT opens are alertable. */
    public boolean isAlertable() {
        return (parameters.createOptions() & CreateParameters.FILE_SYNCHRONOUS_IO_ALERT) != 0;
    }

    /** The driver's state for the file (FsContext), or {@code null}. */
    public Object context() {
        return context;
    }

    public void setContext(Object context) {
        this.context = context;
    }

    /** The driver's state for this open (FsContext2), or {@code null}. */
    public Object context2() {
        return context2;
    }

    public void setContext2(Object context2) {
        this.context2 = context2;
    }

    /** The current byte offset (CurrentByteOffset). */
    public long position() {
        return position;
    }

    public void setPosition(long position) {
        this.position = position;
    }

    /** The file's event, set when an I/O on it completes. */
    @Override
    public DispatcherEvent dispatcherObject() {
        return event;
    }

    /** The completion port the file is associated with, or {@code null}. */
    public KernelObject completionPort() {
        Association a = association;
        return a == null ? null : a.port();
    }

    public long completionKey() {
        Association a = association;
        return a == null ? 0 : a.key();
    }

    /** The port and key together, or {@code null}: what a completion reads once. */
    public Association association() {
        return association;
    }

    /** Associates the file with a port once; false if it already has one (§7.6). */
    @KernelInternal
    public boolean associate(KernelObject port, long key) {
        return PORT.compareAndSet(this, null, new Association(port, key));
    }

    /** A completion port association (FILE_COMPLETION_INFORMATION). */
    public record Association(KernelObject port, long key) {
    }

    public int completionModes() {
        return completionModes;
    }

    @KernelInternal
    public void setCompletionModes(int modes) {
        this.completionModes |= modes; // the modes cannot be turned off again, as in Windows
    }

    /** Whether the last handle has closed (IRP_MJ_CLEANUP ran or is running). */
    public boolean isCleanedUp() {
        return cleanedUp;
    }

    @KernelInternal
    public boolean markCleanedUp() {
        pendingLock.lock();
        try {
            if (cleanedUp) {
                return false;
            }
            cleanedUp = true;
            return true;
        } finally {
            pendingLock.unlock();
        }
    }

    // ---- handles per process, for the I/O manager ----

    /** A handle to this file object was made in {@code process}. */
    @KernelInternal
    public void handleOpened(KProcess process) {
        pendingLock.lock();
        try {
            if (firstProcess == null || firstProcess == process) {
                firstProcess = process;
                firstHandles++;
            } else {
                if (otherHandles == null) {
                    otherHandles = new HashMap<>();
                }
                otherHandles.merge(process, 1, Integer::sum);
            }
        } finally {
            pendingLock.unlock();
        }
    }

    /** A handle of {@code process} was closed: how many it still has. */
    @KernelInternal
    public int handleClosed(KProcess process) {
        pendingLock.lock();
        try {
            if (firstProcess == process) {
                int left = --firstHandles;
                if (left == 0) {
                    firstProcess = null;
                }
                return Math.max(left, 0);
            }
            Integer count = otherHandles == null ? null : otherHandles.get(process);
            if (count == null || count <= 1) {
                if (otherHandles != null) {
                    otherHandles.remove(process);
                }
                return 0;
            }
            otherHandles.put(process, count - 1);
            return count - 1;
        } finally {
            pendingLock.unlock();
        }
    }

    // ---- pending requests, for the I/O manager ----

    /** Links a request that went pending; false (not linked) once the file is cleaned up. */
    @KernelInternal
    public boolean addPending(IoRequest request) {
        pendingLock.lock();
        try {
            if (cleanedUp || request.isCompleted()) {
                return !cleanedUp;
            }
            request.prevPending = null;
            request.nextPending = pendingHead;
            if (pendingHead != null) {
                pendingHead.prevPending = request;
            }
            pendingHead = request;
            request.linked = true;
            return true;
        } finally {
            pendingLock.unlock();
        }
    }

    @KernelInternal
    public void removePending(IoRequest request) {
        pendingLock.lock();
        try {
            if (!request.linked) {
                return;
            }
            if (request.prevPending == null) {
                pendingHead = request.nextPending;
            } else {
                request.prevPending.nextPending = request.nextPending;
            }
            if (request.nextPending != null) {
                request.nextPending.prevPending = request.prevPending;
            }
            request.prevPending = null;
            request.nextPending = null;
            request.linked = false;
        } finally {
            pendingLock.unlock();
        }
    }

    /** The pending requests that {@code filter} accepts, oldest first (cancel runs outside the lock). */
    @KernelInternal
    public List<IoRequest> pending(Predicate<IoRequest> filter) {
        List<IoRequest> matched = new ArrayList<>();
        pendingLock.lock();
        try {
            for (IoRequest r = pendingHead; r != null; r = r.nextPending) {
                if (filter.test(r)) {
                    matched.add(r);
                }
            }
        } finally {
            pendingLock.unlock();
        }
        return matched.reversed();
    }
}
