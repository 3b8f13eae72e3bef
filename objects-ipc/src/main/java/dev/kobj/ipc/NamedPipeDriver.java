package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_INSTANCE_NOT_AVAILABLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_DEVICE_REQUEST;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_IO_TIMEOUT;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_INVALID;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_NOT_AVAILABLE;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.DeviceRegistry;
import dev.kobj.api.io.Driver;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.pipe.NamedPipeCreate;
import dev.kobj.api.pipe.PipeControl;
import dev.kobj.api.pipe.PipeHandleState;
import dev.kobj.api.pipe.PipeInformation;
import dev.kobj.api.pipe.PipePeekInformation;
import dev.kobj.api.pipe.PipeWait;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The named-pipe file system (NPFS, nt-semantics.md §7.1, §7.2): the device {@code \Device\NamedPipe}
 * (Win32 {@code \\.\pipe\}), its pipe names and instances. A create with a {@link NamedPipeCreate} makes a
 * server end (a new instance); a plain open of a name connects a client end to a listening instance; an
 * open of the device itself is the file system's root, on which FSCTL_PIPE_WAIT waits for a name.
 * Thread-safe: a table lock for the names, then one lock per pipe name (see {@link NamedPipe}); requests
 * are completed after those locks are released.
 */
final class NamedPipeDriver implements Driver {
    /** What a file opened on the device itself holds. */
    private static final Object ROOT = new Object();
    private static final int FILE_READ_DATA = 0x0001;
    private static final int FILE_WRITE_DATA = 0x0002;
    private static final int FILE_READ_ATTRIBUTES = 0x0080;
    private static final int FILE_WRITE_ATTRIBUTES = 0x0100;
    private static final int FILE_SHARE_READ = 0x1;
    private static final int FILE_SHARE_WRITE = 0x2;
    /** Longest name below the file system (Win32's 256 characters less {@code \\.\pipe\}). */
    private static final int MAX_NAME = 256;

    private final TimerQueue timers;
    private final ReentrantLock tableLock = new ReentrantLock();
    private final Map<String, NamedPipe> names = new HashMap<>(); // guarded by tableLock

    @Inject
    NamedPipeDriver(TimerQueue timers) {
        this.timers = requireNonNull(timers, "timers is null");
    }

    @Override
    public void load(DeviceRegistry devices) {
        devices.createDevice("NamedPipe", DeviceObject.FILE_DEVICE_NAMED_PIPE, "PIPE");
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT); // pipe names are case-insensitive
    }

    // ---- create ----

    @Override
    public int create(IoRequest request) {
        String name = request.fileName();
        CreateParameters parameters = request.file().parameters();
        if (parameters.extra() instanceof NamedPipeCreate create) {
            return createServer(request, name, parameters, create);
        }
        if (parameters.extra() != null) {
            return STATUS_INVALID_PARAMETER;
        }
        if (name.isEmpty()) {
            request.file().setContext(ROOT);
            request.setInformation(CreateParameters.FILE_OPENED);
            return STATUS_SUCCESS;
        }
        return openClient(request, name, parameters);
    }

    private int createServer(IoRequest request, String name, CreateParameters parameters, NamedPipeCreate create) {
        int share = parameters.shareAccess() & (FILE_SHARE_READ | FILE_SHARE_WRITE);
        int disposition = parameters.disposition();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return STATUS_OBJECT_NAME_INVALID;
        }
        if (share == 0 || create.maximumInstances() < 1
                || create.maximumInstances() > NamedPipeCreate.UNLIMITED_INSTANCES
                || (create.messageRead() && !create.messageType()) || create.inboundQuota() < 0
                || create.outboundQuota() < 0 || create.defaultTimeout() < 0
                || (disposition != CreateParameters.FILE_CREATE && disposition != CreateParameters.FILE_OPEN_IF
                        && disposition != CreateParameters.FILE_OPEN)) {
            return STATUS_INVALID_PARAMETER;
        }
        // As in NT, the share access names what clients may do: write (inbound), read (outbound) or both.
        int configuration = share == FILE_SHARE_WRITE ? NamedPipe.INBOUND
                : share == FILE_SHARE_READ ? NamedPipe.OUTBOUND : NamedPipe.DUPLEX;
        Completions done = new Completions();
        int status;
        tableLock.lock();
        try {
            NamedPipe pipe = names.get(key(name));
            boolean created = pipe == null;
            if (created) {
                if (disposition == CreateParameters.FILE_OPEN) {
                    return STATUS_OBJECT_NAME_NOT_FOUND;
                }
                pipe = new NamedPipe(name, create.messageType(), configuration, create.maximumInstances(),
                        quota(create.inboundQuota()), quota(create.outboundQuota()), create.defaultTimeout());
                names.put(key(name), pipe);
            } else if (disposition == CreateParameters.FILE_CREATE || pipe.configuration != configuration) {
                return STATUS_ACCESS_DENIED; // FILE_FLAG_FIRST_PIPE_INSTANCE, or another direction (§7.2)
            }
            pipe.lock.lock();
            try {
                if (pipe.maximumInstances != NamedPipeCreate.UNLIMITED_INSTANCES
                        && pipe.instances.size() >= pipe.maximumInstances) {
                    return STATUS_INSTANCE_NOT_AVAILABLE;
                }
                PipeInstance instance = new PipeInstance(pipe, create.messageRead());
                instance.server = new PipeEnd(pipe, true, instance, create.nonBlocking(), create.messageRead());
                pipe.instances.add(instance);
                pipe.wakeWaiting(STATUS_SUCCESS, done);
                request.file().setContext(instance.server);
                request.setInformation(created ? CreateParameters.FILE_CREATED : CreateParameters.FILE_OPENED);
                status = STATUS_SUCCESS;
            } finally {
                pipe.lock.unlock();
            }
        } finally {
            tableLock.unlock();
        }
        done.run();
        return status;
    }

    private static int quota(int requested) {
        return requested == 0 ? NamedPipeCreate.DEFAULT_QUOTA : requested;
    }

    private int openClient(IoRequest request, String name, CreateParameters parameters) {
        if (parameters.disposition() != CreateParameters.FILE_OPEN
                && parameters.disposition() != CreateParameters.FILE_OPEN_IF) {
            return STATUS_ACCESS_DENIED; // a client cannot create a pipe (unverified status)
        }
        Completions done = new Completions();
        tableLock.lock();
        try {
            NamedPipe pipe = names.get(key(name));
            if (pipe == null) {
                return STATUS_OBJECT_NAME_NOT_FOUND;
            }
            int access = parameters.desiredAccess();
            if (((access & FILE_WRITE_DATA) != 0 && !pipe.clientsWrite())
                    || ((access & FILE_READ_DATA) != 0 && !pipe.clientsRead())) {
                return STATUS_ACCESS_DENIED;
            }
            pipe.lock.lock();
            try {
                PipeInstance instance = pipe.listening();
                if (instance == null) {
                    return STATUS_PIPE_NOT_AVAILABLE;
                }
                PipeEnd client = new PipeEnd(pipe, false, instance, false, false); // clients start in byte mode
                instance.connect(client, done);
                request.file().setContext(client);
                request.setInformation(CreateParameters.FILE_OPENED);
            } finally {
                pipe.lock.unlock();
            }
        } finally {
            tableLock.unlock();
        }
        done.run();
        return STATUS_SUCCESS;
    }

    // ---- data ----

    @Override
    public int read(IoRequest request) {
        return dataCall(request, false);
    }

    @Override
    public int write(IoRequest request) {
        return dataCall(request, true);
    }

    private static int dataCall(IoRequest request, boolean write) {
        if (!(request.file().context() instanceof PipeEnd end)) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        Completions done = new Completions();
        int status;
        end.pipe.lock.lock();
        try {
            status = write ? PipeInstance.write(end, request, done) : PipeInstance.read(end, request, done);
        } finally {
            end.pipe.lock.unlock();
        }
        done.run();
        return status;
    }

    /** FlushFileBuffers: waits until the other end has read everything this end wrote (§7.2). */
    @Override
    public int flush(IoRequest request) {
        if (!(request.file().context() instanceof PipeEnd end)) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        end.pipe.lock.lock();
        try {
            int status = PipeInstance.usable(end, true);
            return status != STATUS_SUCCESS ? status : end.writeQueue().flush(request);
        } finally {
            end.pipe.lock.unlock();
        }
    }

    // ---- controls ----

    @Override
    public int deviceControl(IoRequest request) {
        if (request.major() != IoRequest.FILE_SYSTEM_CONTROL) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        Object context = request.file().context();
        if (context == ROOT) {
            return request.controlCode() == PipeControl.FSCTL_PIPE_WAIT ? waitForPipe(request)
                    : STATUS_INVALID_DEVICE_REQUEST;
        }
        if (!(context instanceof PipeEnd end)) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        Completions done = new Completions();
        int status;
        end.pipe.lock.lock();
        try {
            status = control(end, request, done);
        } finally {
            end.pipe.lock.unlock();
        }
        done.run();
        return status;
    }

    private static int control(PipeEnd end, IoRequest request, Completions done) {
        return switch (request.controlCode()) {
            case PipeControl.FSCTL_PIPE_LISTEN -> end.server ? end.instance.listen(request, done)
                    : STATUS_INVALID_PARAMETER;
            case PipeControl.FSCTL_PIPE_DISCONNECT -> end.server ? end.instance.disconnect(done)
                    : STATUS_INVALID_DEVICE_REQUEST;
            case PipeControl.FSCTL_PIPE_TRANSCEIVE -> PipeInstance.transceive(end, request, done);
            case PipeControl.FSCTL_PIPE_PEEK -> peek(end, request);
            case PipeControl.FSCTL_KOBJ_PIPE_QUERY -> query(end, request);
            case PipeControl.FSCTL_KOBJ_PIPE_SET_STATE -> setState(end, request);
            default -> STATUS_INVALID_DEVICE_REQUEST;
        };
    }

    private static int peek(PipeEnd end, IoRequest request) {
        if (!(request.argument() instanceof Object[] out) || out.length < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        int status = PipeInstance.peekable(end);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        PipeQueue queue = end.readQueue();
        int n = queue.peek(request.buffer(), request.bufferOffset(), request.length());
        out[0] = new PipePeekInformation(end.state(), queue.available(), queue.messages(), queue.firstMessageLength());
        request.setInformation(n);
        return STATUS_SUCCESS;
    }

    private static int query(PipeEnd end, IoRequest request) {
        if (!(request.argument() instanceof Object[] out) || out.length < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        if ((request.file().access() & FILE_READ_ATTRIBUTES) == 0) {
            return STATUS_ACCESS_DENIED;
        }
        NamedPipe pipe = end.pipe;
        PipeInstance instance = end.instance;
        int readable = instance == null ? 0 : end.readQueue().available();
        int writable = instance == null ? 0 : end.writeQueue().writeQuotaAvailable();
        out[0] = new PipeInformation(pipe.messageType ? 1 : 0, pipe.configuration, pipe.maximumInstances,
                pipe.instances.size(), pipe.inboundQuota, readable, pipe.outboundQuota, writable, end.state(),
                end.server ? PipeControl.FILE_PIPE_SERVER_END : PipeControl.FILE_PIPE_CLIENT_END,
                end.messageRead ? 1 : 0, end.nonBlocking ? 1 : 0);
        return STATUS_SUCCESS;
    }

    private static int setState(PipeEnd end, IoRequest request) {
        if (!(request.argument() instanceof PipeHandleState state)) {
            return STATUS_INVALID_PARAMETER;
        }
        if ((request.file().access() & FILE_WRITE_ATTRIBUTES) == 0) {
            return STATUS_ACCESS_DENIED;
        }
        int readMode = state.readMode();
        int completion = state.completionMode();
        if ((readMode != PipeHandleState.UNCHANGED && readMode != 0 && readMode != 1)
                || (completion != PipeHandleState.UNCHANGED && completion != 0 && completion != 1)
                || (readMode == 1 && !end.pipe.messageType)) {
            return STATUS_INVALID_PARAMETER; // message reads need a message-type pipe (§7.2)
        }
        if (readMode != PipeHandleState.UNCHANGED) {
            end.messageRead = readMode == 1;
            if (end.instance != null) {
                end.readQueue().messageRead = end.messageRead;
            }
        }
        if (completion != PipeHandleState.UNCHANGED) {
            end.nonBlocking = completion == 1;
        }
        return STATUS_SUCCESS;
    }

    /** FSCTL_PIPE_WAIT: done at once if an instance listens, else when one does or the timeout ends. */
    private int waitForPipe(IoRequest request) {
        if (!(request.argument() instanceof PipeWait wait) || wait.name() == null) {
            return STATUS_INVALID_PARAMETER;
        }
        NamedPipe pipe;
        tableLock.lock();
        try {
            pipe = names.get(key(wait.name()));
        } finally {
            tableLock.unlock();
        }
        if (pipe == null) {
            return STATUS_OBJECT_NAME_NOT_FOUND;
        }
        pipe.lock.lock();
        try {
            if (pipe.deleted) {
                return STATUS_OBJECT_NAME_NOT_FOUND;
            }
            if (pipe.listening() != null) {
                return STATUS_SUCCESS;
            }
            long timeout = wait.timeout() == PipeWait.DEFAULT ? pipe.defaultTimeout : wait.timeout();
            if (timeout == 0) {
                return STATUS_IO_TIMEOUT;
            }
            TimerQueue.Scheduled timer = timeout == WaitService.INFINITE ? () -> true
                    : timers.schedule(Math.abs(timeout) * 100, 0, () -> waitTimedOut(pipe, request));
            pipe.waiting.add(new NamedPipe.Waiting(request, timer));
            if (!request.setCancelRoutine(r -> waitCancelled(pipe, r))) {
                pipe.removeWaiting(request);
                return STATUS_CANCELLED;
            }
            return STATUS_PENDING;
        } finally {
            pipe.lock.unlock();
        }
    }

    private static void waitTimedOut(NamedPipe pipe, IoRequest request) {
        boolean mine;
        pipe.lock.lock();
        try {
            mine = pipe.removeWaiting(request) && request.clearCancelRoutine();
        } finally {
            pipe.lock.unlock();
        }
        if (mine) {
            request.complete(STATUS_IO_TIMEOUT, 0);
        }
    }

    private static void waitCancelled(NamedPipe pipe, IoRequest request) {
        pipe.lock.lock();
        try {
            pipe.removeWaiting(request);
        } finally {
            pipe.lock.unlock();
        }
        request.complete(STATUS_CANCELLED, 0);
    }

    // ---- closing ----

    /** The last handle of an end closed: the other end sees it (§7.2); a server end's instance goes. */
    @Override
    public void cleanup(FileObject file) {
        if (!(file.context() instanceof PipeEnd end)) {
            return;
        }
        NamedPipe pipe = end.pipe;
        Completions done = new Completions();
        tableLock.lock();
        try {
            pipe.lock.lock();
            try {
                PipeInstance instance = end.instance;
                if (instance == null) {
                    return; // a client end already disconnected by the server
                }
                if (!end.server) {
                    instance.clientClosed(done);
                    end.instance = null;
                    return;
                }
                instance.serverClosed(done);
                pipe.instances.remove(instance);
                if (pipe.instances.isEmpty()) {
                    pipe.deleted = true;
                    names.remove(key(pipe.name));
                    pipe.wakeWaiting(STATUS_OBJECT_NAME_NOT_FOUND, done); // the name is gone
                }
            } finally {
                pipe.lock.unlock();
            }
        } finally {
            tableLock.unlock();
            done.run();
        }
    }
}
