package dev.kobj.core.io;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.core.dispatch.Parking;
import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_VIOLATION;
import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_FILE_CLOSED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.api.status.NtStatus.STATUS_UNSUCCESSFUL;
import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.KernelClock;
import dev.kobj.api.dispatch.Waiter;
import dev.kobj.api.io.CompletionPacket;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.DeviceRegistry;
import dev.kobj.api.io.Driver;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoApc;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.io.IoService;
import dev.kobj.api.io.IoStatusSink;
import dev.kobj.api.object.Access;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.core.CoreTypes;
import dev.kobj.core.process.ThreadRundown;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The I/O manager (architecture.md, "What the core owns"; nt-semantics.md §7.6, §8): loads the drivers
 * at boot, opens file objects through devices, issues requests and reports their completion, cancels,
 * and serves completion ports. Thread-safe; drivers are called with no I/O manager lock held.
 */
public final class IoManager implements IoService, ThreadRundown {
    /** EVENT_MODIFY_STATE: what a handle passed as an I/O's event must grant. */
    private static final int EVENT_MODIFY_STATE = 0x0002;
    private static final int VALID_SHARE = 0x7;
    private static final int VALID_COMPLETION_MODES = FileObject.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS
            | FileObject.FILE_SKIP_SET_EVENT_ON_HANDLE;
    private static final long FILE_WRITE_TO_END_OF_FILE = -1L;

    private final ObjectManager objects;
    private final com.google.inject.Provider<WaitService> waits;
    private final DispatcherContext dispatcher;
    private final KernelClock clock;
    private final Map<KThread, ThreadIo> threads = new ConcurrentHashMap<>();

    @Inject
    public IoManager(ObjectManager objects, DispatcherContext dispatcher, KernelClock clock,
            dev.kobj.core.process.ProcessManager processes, Map<String, Driver> drivers,
            com.google.inject.Provider<WaitService> waits) {
        this.objects = requireNonNull(objects, "objects is null");
        this.waits = requireNonNull(waits, "waits is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.clock = requireNonNull(clock, "clock is null");
        requireNonNull(drivers, "drivers is null");
        processes.addRundown(this);
        drivers.forEach((name, driver) -> driver.load(registry(name, driver)));
    }

    /** The devices a driver makes while it loads: {@code \Device\name}, and {@code \??\dosName}. */
    private DeviceRegistry registry(String driverName, Driver driver) {
        return (name, deviceType, dosName) -> {
            requireNonNull(name, "name is null");
            DeviceObject device = new DeviceObject(CoreTypes.DEVICE, driver, deviceType);
            int status = objects.insertPermanent("\\Device", name, device);
            if (status != STATUS_SUCCESS) {
                throw new IllegalStateException("driver " + driverName + " cannot make \\Device\\" + name + ": "
                        + dev.kobj.api.status.NtStatus.name(status));
            }
            if (dosName != null) {
                status = objects.createPermanentLink("\\??", dosName, "\\Device\\" + name);
                if (status != STATUS_SUCCESS) {
                    throw new IllegalStateException("driver " + driverName + " cannot make \\??\\" + dosName + ": "
                            + dev.kobj.api.status.NtStatus.name(status));
                }
            }
            return device;
        };
    }

    /** The thread's I/O state: kept on the thread (as its blocking hook), and here for the rundown. */
    private ThreadIo threadIo(KThread thread) {
        if (thread instanceof dev.kobj.core.process.CoreThread core && core.blocking() instanceof ThreadIo io) {
            return io;
        }
        return threads.computeIfAbsent(thread, ThreadIo::new);
    }

    // ---- files ----

    @Override
    public int createFile(KThread caller, ObjectAttributes attributes, int desiredAccess, int shareAccess,
            int disposition, int createOptions, int fileAttributes, Object extra, long[] handle,
            long[] information) {
        if (handle == null || attributes == null) {
            return STATUS_INVALID_PARAMETER;
        }
        handle[0] = 0;
        int access = CoreTypes.FILE.mapAccess(desiredAccess);
        boolean alert = (createOptions & CreateParameters.FILE_SYNCHRONOUS_IO_ALERT) != 0;
        boolean nonAlert = (createOptions & CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT) != 0;
        if (disposition < 0 || disposition > CreateParameters.FILE_MAXIMUM_DISPOSITION
                || (shareAccess & ~VALID_SHARE) != 0 || (alert && nonAlert)
                || ((alert || nonAlert) && (access & Access.SYNCHRONIZE) == 0)) {
            return STATUS_INVALID_PARAMETER;
        }
        CreateParameters parameters = new CreateParameters(access, shareAccess, disposition, createOptions,
                fileAttributes, extra);
        OpenPacket packet = new OpenPacket(parameters, dispatcher, threadIo(caller));
        int status = objects.openParsed(caller, attributes, CoreTypes.FILE, desiredAccess, packet, handle);
        if (information != null && information.length > 0) {
            information[0] = packet.information;
        }
        return status;
    }

    @Override
    public int read(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status,
            byte[] buffer, int offset, int length, long byteOffset) {
        return issue(caller, file, IoRequest.READ, FILE_READ_DATA, event, apc, context, status, buffer, offset,
                length, byteOffset, 0, null, 0, null);
    }

    @Override
    public int write(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status,
            byte[] buffer, int offset, int length, long byteOffset) {
        return issue(caller, file, IoRequest.WRITE, FILE_WRITE_DATA | FILE_APPEND_DATA, event, apc, context, status,
                buffer, offset, length, byteOffset, 0, null, 0, null);
    }

    @Override
    public int deviceControl(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status,
            boolean fileSystem, int controlCode, byte[] input, int inputLength, byte[] output, int outputLength,
            Object argument) {
        if (inputLength < 0 || (inputLength > 0 && (input == null || input.length < inputLength))) {
            return STATUS_ACCESS_VIOLATION;
        }
        // METHOD_* aside, an IOCTL names the access it needs in bits 14–15 (FILE_READ_ACCESS, FILE_WRITE_ACCESS).
        int required = ((controlCode >>> 14) & 1) != 0 ? FILE_READ_DATA : 0;
        required |= ((controlCode >>> 15) & 1) != 0 ? FILE_WRITE_DATA : 0;
        return issue(caller, file, fileSystem ? IoRequest.FILE_SYSTEM_CONTROL : IoRequest.DEVICE_CONTROL, required,
                event, apc, context, status, output, 0, outputLength, 0, controlCode, input, inputLength, argument);
    }

    @Override
    public int flush(KThread caller, long file, IoStatusSink status) {
        return issue(caller, file, IoRequest.FLUSH_BUFFERS, FILE_WRITE_DATA | FILE_APPEND_DATA, 0, null, null, status,
                null, 0, 0, 0, 0, null, 0, null);
    }

    /**
     * One request: checks (handle, type, access, buffer, event, offset), then the driver, then the report
     * of a final status, or — on a synchronous file object — the wait for a pending one.
     */
    private int issue(KThread caller, long handle, int major, int anyOf, long eventHandle, IoApc apc, Object context,
            IoStatusSink sink, byte[] buffer, int offset, int length, long byteOffset, int controlCode, byte[] input,
            int inputLength, Object argument) {
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(entry.object() instanceof FileObject file)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if (anyOf != 0 && (entry.grantedAccess() & anyOf) == 0) {
            return STATUS_ACCESS_DENIED;
        }
        if (length < 0 || offset < 0 || (length > 0 && (buffer == null || buffer.length - offset < length))) {
            return STATUS_ACCESS_VIOLATION;
        }
        if (apc != null && file.completionPort() != null) {
            return STATUS_INVALID_PARAMETER; // a file on a port reports there, not by APC
        }
        // Reads and writes only: they use and move the position. NT serialises every synchronous call,
        // controls included; kobj lets a control (a pipe's disconnect, say) through while a read waits.
        DispatcherEvent lock = major == IoRequest.READ || major == IoRequest.WRITE ? file.synchronousLock() : null;
        if (lock != null) {
            int locked = lockFile(caller, file, lock);
            if (locked != STATUS_SUCCESS) {
                return locked;
            }
            try {
                return issueOn(caller, file, major, eventHandle, apc, context, sink, buffer, offset, length, byteOffset,
                        controlCode, input, inputLength, argument);
            } finally {
                lock.set();
            }
        }
        return issueOn(caller, file, major, eventHandle, apc, context, sink, buffer, offset, length, byteOffset,
                controlCode, input, inputLength, argument);
    }

    /**
     * Takes a synchronous file object's lock (§8: one synchronous call at a time per file object, so
     * that two threads never read the same position); a wait for it ends as every wait does.
     */
    private int lockFile(KThread caller, FileObject file, DispatcherEvent lock) {
        if (lock.tryAcquire(caller) != DispatcherObject.NOT_SIGNALLED) {
            return STATUS_SUCCESS;
        }
        int status = waits.get().waitForObjects(caller, new DispatcherObject[] {lock}, 1, false, file.isAlertable(),
                WaitService.INFINITE);
        return status == 0 ? STATUS_SUCCESS : status;
    }

    /** The rest of a request, once checked (and, on a synchronous file object, with its lock held). */
    private int issueOn(KThread caller, FileObject file, int major, long eventHandle, IoApc apc, Object context,
            IoStatusSink sink, byte[] buffer, int offset, int length, long byteOffset, int controlCode, byte[] input,
            int inputLength, Object argument) {
        long at = byteOffset;
        if (major == IoRequest.READ || major == IoRequest.WRITE) {
            if (at == IoRequest.USE_FILE_POINTER_POSITION) {
                if (!file.isSynchronous()) {
                    return STATUS_INVALID_PARAMETER;
                }
                at = file.position();
            } else if (at < 0 && !(major == IoRequest.WRITE && at == FILE_WRITE_TO_END_OF_FILE)) {
                return STATUS_INVALID_PARAMETER;
            }
        }
        DispatcherEvent event = null;
        boolean noPacket = (eventHandle & 1) != 0; // Win32's hEvent | 1: no completion packet for this I/O
        if ((eventHandle & ~1L) != 0) {
            HandleEntry eventEntry = objects.lookup(caller, eventHandle & ~1L);
            if (eventEntry == null) {
                return STATUS_INVALID_HANDLE;
            }
            if (!(eventEntry.dispatcherObject() instanceof DispatcherEvent userEvent)
                    || !"Event".equals(eventEntry.object().type().name())) {
                return STATUS_OBJECT_TYPE_MISMATCH;
            }
            if ((eventEntry.grantedAccess() & EVENT_MODIFY_STATE) == 0) {
                return STATUS_ACCESS_DENIED;
            }
            event = userEvent;
            event.reset();
        }
        if (event == null || file.isSynchronous()) {
            file.dispatcherObject().reset();
        }
        ThreadIo io = threadIo(caller);
        Irp irp = new Irp(major, file, io, buffer, offset, length, at, controlCode, input, inputLength, argument,
                event, apc, context, sink, null);
        irp.noPacket = noPacket;
        io.add(irp);
        if (!file.addPending(irp)) {
            irp.complete(STATUS_FILE_CLOSED, 0); // the last handle closed while this call was on its way
            return STATUS_FILE_CLOSED;
        }
        int status = dispatch(file.device().driver(), irp);
        if (status != STATUS_PENDING) {
            irp.inline = true;
            irp.complete(status, irp.information());
        }
        if (!file.isSynchronous()) {
            return status;
        }
        return awaitSynchronous(caller, irp);
    }

    private static int dispatch(Driver driver, Irp irp) {
        try {
            return switch (irp.major()) {
                case IoRequest.READ -> driver.read(irp);
                case IoRequest.WRITE -> driver.write(irp);
                case IoRequest.FLUSH_BUFFERS -> driver.flush(irp);
                default -> driver.deviceControl(irp);
            };
        } catch (RuntimeException | Error e) {
            irp.complete(STATUS_UNSUCCESSFUL, 0); // a faulty driver: the caller is never left waiting
            throw e;
        }
    }

    /**
     * A synchronous file object's call waits for its request (§8), ended by completion, an interrupt or
     * termination; the last two cancel the request. A completion racing them wins if it got there first.
     */
    private int awaitSynchronous(KThread caller, Irp irp) {
        if (!irp.isCompleted()) {
            Waiter waiter = caller.waiter();
            waiter.arm(NO_OBJECTS, 0, false);
            if (irp.registerWaiter(waiter)) {
                ThreadIo io = threadIo(caller);
                io.blocked();
                int result;
                try {
                    result = Parking.park(waiter, Parking.NO_DEADLINE, clock);
                } finally {
                    io.unblocked();
                }
                irp.deregisterWaiter();
                if (result != STATUS_SUCCESS) {
                    irp.cancel();
                    if (!irp.isCompleted() || irp.status() == STATUS_CANCELLED) {
                        return result; // STATUS_CANCELLED (interrupt) or STATUS_THREAD_IS_TERMINATING
                    }
                }
            }
        }
        irp.awaitReported();
        return irp.status();
    }

    private static final dev.kobj.api.dispatch.DispatcherObject[] NO_OBJECTS = {};

    @Override
    public int cancel(KThread caller, long handle, boolean thisThreadOnly, Object context) {
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(entry.object() instanceof FileObject file)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        List<IoRequest> matched = file.pending(request -> (!thisThreadOnly || request.thread() == caller)
                && (context == null || ((Irp) request).context() == context));
        if (matched.isEmpty()) {
            return STATUS_NOT_FOUND;
        }
        matched.forEach(IoRequest::cancel);
        return STATUS_SUCCESS;
    }

    @Override
    public int queryDeviceType(KThread caller, long handle, int[] deviceType) {
        if (deviceType == null || deviceType.length < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(entry.object() instanceof FileObject file)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        deviceType[0] = file.device().deviceType();
        return STATUS_SUCCESS;
    }

    @Override
    public int setCompletionModes(KThread caller, long handle, int modes) {
        if ((modes & ~VALID_COMPLETION_MODES) != 0) {
            return STATUS_INVALID_PARAMETER;
        }
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(entry.object() instanceof FileObject file)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        file.setCompletionModes(modes);
        return STATUS_SUCCESS;
    }

    // ---- completion ports ----

    @Override
    public int createIoCompletion(KThread caller, ObjectAttributes attributes, int desiredAccess, int concurrency,
            long[] handle) {
        if (concurrency < 0) {
            return STATUS_INVALID_PARAMETER;
        }
        int threads = concurrency == 0 ? Runtime.getRuntime().availableProcessors() : concurrency;
        return objects.create(caller, attributes, CoreTypes.IO_COMPLETION, desiredAccess,
                () -> new IoCompletionPort(CoreTypes.IO_COMPLETION, dispatcher, threads), handle);
    }

    @Override
    public int openIoCompletion(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return objects.open(caller, attributes, CoreTypes.IO_COMPLETION, desiredAccess, handle);
    }

    @Override
    public int associate(KThread caller, long file, long port, long key) {
        HandleEntry fileEntry = objects.lookup(caller, file);
        HandleEntry portEntry = objects.lookup(caller, port);
        if (fileEntry == null || portEntry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(fileEntry.object() instanceof FileObject fileObject)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        int status = portEntry.check(CoreTypes.IO_COMPLETION, IO_COMPLETION_MODIFY_STATE);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        return fileObject.associate(portEntry.object(), key) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
    }

    @Override
    public boolean isCompletionPort(KernelObject object) {
        return object instanceof IoCompletionPort;
    }

    @Override
    public boolean post(KernelObject port, long key, long contextValue, int status, long information) {
        if (!(port instanceof IoCompletionPort completionPort) || port.handleCount() == 0) {
            return false; // a port whose last handle closed drops its packets
        }
        completionPort.post(new CompletionPacket(key, null, contextValue, status, information));
        return true;
    }

    @Override
    public int setIoCompletion(KThread caller, long port, long key, Object context, long contextValue, int status,
            long information) {
        HandleEntry entry = objects.lookup(caller, port);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int check = entry.check(CoreTypes.IO_COMPLETION, IO_COMPLETION_MODIFY_STATE);
        if (check != STATUS_SUCCESS) {
            return check;
        }
        ((IoCompletionPort) entry.object()).post(new CompletionPacket(key, context, contextValue, status, information));
        return STATUS_SUCCESS;
    }

    @Override
    public int removeIoCompletion(KThread caller, long port, CompletionPacket[] packets, int count, int[] removed,
            long timeout, boolean alertable) {
        if (packets == null || removed == null || removed.length < 1 || count < 1 || packets.length < count) {
            return STATUS_INVALID_PARAMETER;
        }
        removed[0] = 0;
        HandleEntry entry = objects.lookup(caller, port);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int check = entry.check(CoreTypes.IO_COMPLETION, IO_COMPLETION_MODIFY_STATE);
        if (check != STATUS_SUCCESS) {
            return check;
        }
        return ((IoCompletionPort) entry.object()).remove(threadIo(caller), packets, count, removed, timeout,
                alertable, clock);
    }

    @Override
    public int queryIoCompletion(KThread caller, long port, int[] depth) {
        if (depth == null || depth.length < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        HandleEntry entry = objects.lookup(caller, port);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int check = entry.check(CoreTypes.IO_COMPLETION, IO_COMPLETION_QUERY_STATE);
        if (check != STATUS_SUCCESS) {
            return check;
        }
        depth[0] = ((IoCompletionPort) entry.object()).depth();
        return STATUS_SUCCESS;
    }

    // ---- rundown ----

    /** IoCancelThreadIo, and the thread stops counting on its port. */
    @Override
    public void threadEnded(KThread thread) {
        ThreadIo io = threads.remove(thread);
        if (io == null) {
            return;
        }
        for (Irp irp : io.pending()) {
            irp.cancel();
        }
        IoCompletionPort port = io.port;
        if (port != null) {
            port.threadLeft(io);
        }
    }
}
