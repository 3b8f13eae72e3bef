package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.IoService;
import dev.kobj.api.io.IoStatusSink;
import dev.kobj.api.pipe.MailslotCreate;
import dev.kobj.api.pipe.MailslotInformation;
import dev.kobj.api.pipe.NamedPipeCreate;
import dev.kobj.api.pipe.PipeControl;
import dev.kobj.api.pipe.PipeHandleState;
import dev.kobj.api.pipe.PipeInformation;
import dev.kobj.api.pipe.PipePeekInformation;
import dev.kobj.api.pipe.PipeWait;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipe and mailslot calls of Kernel32 (nt-semantics.md §7.1–§7.3) on the I/O manager and the IPC
 * family's file systems: creates with their {@link NamedPipeCreate} / {@link MailslotCreate} records, and
 * the FSCTL_PIPE_* controls. CreateFile, ReadFile and WriteFile on pipe and mailslot names are IoCalls'.
 * Without the family (no {@code \Device\NamedPipe} or {@code \Device\Mailslot}) the creates fail with
 * ERROR_CALL_NOT_IMPLEMENTED.
 */
final class PipeCalls {
    private static final String PIPE_PREFIX = "\\\\.\\pipe\\";
    private static final String MAILSLOT_PREFIX = "\\\\.\\mailslot\\";
    private static final String NPFS = "\\Device\\NamedPipe";
    private static final String MSFS = "\\Device\\Mailslot";
    private static final int ACCESS_SYSTEM_SECURITY = 0x0100_0000;
    private static final int MAX_PIPE_NAME = 256;
    /** What an anonymous pipe's default timeout is (kernel32's 120 s). */
    private static final long ANONYMOUS_TIMEOUT = 120L * 10_000_000L;
    private static final long DEFAULT_WAIT = 50L * 10_000L;

    private final CallContext context;
    /** Numbers anonymous pipes' internal names in this process (Win32Pipes.pid.n). */
    private final AtomicInteger anonymous = new AtomicInteger();

    PipeCalls(CallContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    private IoService io() {
        return context.io();
    }

    /** The part of a Win32 name after its prefix (case-insensitive), or null. */
    private static String below(String name, String prefix) {
        if (name == null || name.length() <= prefix.length()
                || !name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        return name.substring(prefix.length());
    }

    // ---- creates ----

    /** CreatePipe: a one-instance inbound byte pipe under a unique name, and a client end to write (§7.1). */
    boolean createPipe(long[] read, long[] write, SecurityAttributes security, int size) {
        KThread thread = context.thread();
        if (read == null || read.length < 1 || write == null || write.length < 1) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        int quota = size <= 0 ? NamedPipeCreate.DEFAULT_QUOTA : size;
        var create = new NamedPipeCreate(false, false, false, 1, quota, quota, ANONYMOUS_TIMEOUT);
        long[] server = new long[1];
        int status;
        String name;
        int attempts = 0;
        do { // another Kernel32 of this process may have taken the name: FILE_CREATE refuses it, take the next
            name = String.format(Locale.ROOT, "Win32Pipes.%08x.%08x", context.processId(), anonymous.incrementAndGet());
            status = io().createFile(thread, attributes(NPFS + "\\" + name, security), GENERIC_READ | SYNCHRONIZE
                    | FILE_WRITE_ATTRIBUTES, FILE_SHARE_WRITE, CreateParameters.FILE_CREATE,
                    CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT, 0, create, server, null);
        } while (status == STATUS_ACCESS_DENIED && ++attempts < 16);
        if (!NtStatus.isSuccess(status)) {
            return failure(thread, status);
        }
        long[] client = new long[1];
        status = io().createFile(thread, attributes(NPFS + "\\" + name, security), GENERIC_WRITE | SYNCHRONIZE
                | FILE_READ_ATTRIBUTES, FILE_SHARE_READ, CreateParameters.FILE_OPEN,
                CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT, 0, null, client, null);
        if (!NtStatus.isSuccess(status)) {
            context.objects().close(thread, server[0]);
            return failure(thread, status);
        }
        read[0] = server[0];
        write[0] = client[0];
        thread.setLastError(ERROR_SUCCESS);
        return true;
    }

    /** CreateNamedPipe (§7.2): a new instance, ERROR_ALREADY_EXISTS when the name had one already. */
    long createNamedPipe(String name, int openMode, int pipeMode, int maxInstances, int outSize, int inSize,
            int defaultTimeout, SecurityAttributes security) {
        KThread thread = context.thread();
        String rest = below(name, PIPE_PREFIX);
        if (rest == null || name.length() > MAX_PIPE_NAME) {
            return invalid(thread, name == null ? ERROR_PATH_NOT_FOUND : ERROR_INVALID_NAME);
        }
        boolean inbound = (openMode & PIPE_ACCESS_INBOUND) != 0;
        boolean outbound = (openMode & PIPE_ACCESS_OUTBOUND) != 0;
        boolean messageType = (pipeMode & PIPE_TYPE_MESSAGE) != 0;
        boolean messageRead = (pipeMode & PIPE_READMODE_MESSAGE) != 0;
        int knownModes = PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_NOWAIT | PIPE_REJECT_REMOTE_CLIENTS;
        if ((!inbound && !outbound) || (pipeMode & ~knownModes) != 0 || (messageRead && !messageType)
                || maxInstances < 1 || maxInstances > PIPE_UNLIMITED_INSTANCES || outSize < 0 || inSize < 0) {
            return invalid(thread, ERROR_INVALID_PARAMETER);
        }
        int access = (inbound ? GENERIC_READ : 0) | (outbound ? GENERIC_WRITE : 0) | SYNCHRONIZE
                | (openMode & (WRITE_DAC | WRITE_OWNER | ACCESS_SYSTEM_SECURITY));
        int share = (inbound ? FILE_SHARE_WRITE : 0) | (outbound ? FILE_SHARE_READ : 0);
        int disposition = (openMode & FILE_FLAG_FIRST_PIPE_INSTANCE) != 0 ? CreateParameters.FILE_CREATE
                : CreateParameters.FILE_OPEN_IF;
        int options = ((openMode & FILE_FLAG_OVERLAPPED) != 0 ? 0 : CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT)
                | ((openMode & FILE_FLAG_WRITE_THROUGH) != 0 ? CreateParameters.FILE_WRITE_THROUGH : 0);
        long timeout = (defaultTimeout == 0 ? DEFAULT_WAIT : Integer.toUnsignedLong(defaultTimeout) * 10_000L);
        var create = new NamedPipeCreate(messageType, messageRead, (pipeMode & PIPE_NOWAIT) != 0, maxInstances,
                inSize, outSize, timeout);
        long[] handle = new long[1];
        long[] information = new long[1];
        int status = io().createFile(thread, attributes(NPFS + "\\" + rest, security), access, share, disposition,
                options, 0, create, handle, information);
        if (!NtStatus.isSuccess(status)) {
            return invalid(thread, missingDevice(status) ? ERROR_CALL_NOT_IMPLEMENTED : NtStatus.toDosError(status));
        }
        thread.setLastError(information[0] == CreateParameters.FILE_CREATED ? ERROR_SUCCESS : ERROR_ALREADY_EXISTS);
        return handle[0];
    }

    /** CreateMailslot (§7.3): an existing name is INVALID_HANDLE_VALUE with ERROR_ALREADY_EXISTS. */
    long createMailslot(String name, int maxMessageSize, int readTimeout, SecurityAttributes security) {
        KThread thread = context.thread();
        String rest = below(name, MAILSLOT_PREFIX);
        if (rest == null) {
            return invalid(thread, name == null ? ERROR_PATH_NOT_FOUND : ERROR_INVALID_NAME);
        }
        if (maxMessageSize < 0) {
            return invalid(thread, ERROR_INVALID_PARAMETER);
        }
        var create = new MailslotCreate(maxMessageSize, mailslotTimeout(readTimeout));
        long[] handle = new long[1];
        int status = io().createFile(thread, attributes(MSFS + "\\" + rest, security), GENERIC_READ | SYNCHRONIZE
                | WRITE_DAC, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, CreateParameters.FILE_CREATE,
                CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT | CreateParameters.FILE_WRITE_THROUGH, 0, create,
                handle, null);
        if (!NtStatus.isSuccess(status)) {
            return invalid(thread, missingDevice(status) ? ERROR_CALL_NOT_IMPLEMENTED : NtStatus.toDosError(status));
        }
        thread.setLastError(ERROR_SUCCESS);
        return handle[0];
    }

    private static long mailslotTimeout(int milliseconds) {
        return milliseconds == MAILSLOT_WAIT_FOREVER ? WaitService.INFINITE
                : Integer.toUnsignedLong(milliseconds) * 10_000L;
    }

    /** A name the object manager cannot even reach: the kernel has no IPC family. */
    private static boolean missingDevice(int status) {
        return status == STATUS_OBJECT_PATH_NOT_FOUND || status == STATUS_OBJECT_NAME_NOT_FOUND;
    }

    private static dev.kobj.api.object.ObjectAttributes attributes(String path, SecurityAttributes security) {
        return new dev.kobj.api.object.ObjectAttributes(0, path, OBJ_CASE_INSENSITIVE
                | (security != null && security.inheritHandle() ? OBJ_INHERIT : 0),
                security == null ? null : Win32Descriptor.kernel(security.descriptor()));
    }

    // ---- named-pipe controls ----

    /** ConnectNamedPipe: TRUE once a client connects; ERROR_PIPE_CONNECTED if one already has (§7.2). */
    boolean connectNamedPipe(long pipe, Overlapped overlapped) {
        return finish(context.thread(), control(pipe, PipeControl.FSCTL_PIPE_LISTEN, null, 0, null, 0, null,
                overlapped, null));
    }

    boolean disconnectNamedPipe(long pipe) {
        return finish(context.thread(), control(pipe, PipeControl.FSCTL_PIPE_DISCONNECT, null, 0, null, 0, null,
                null, null));
    }

    /** WaitNamedPipe: an FSCTL_PIPE_WAIT on the file system's root; the timeout is ERROR_SEM_TIMEOUT. */
    boolean waitNamedPipe(String name, int milliseconds) {
        KThread thread = context.thread();
        String rest = below(name, PIPE_PREFIX);
        if (rest == null) {
            thread.setLastError(name == null ? ERROR_PATH_NOT_FOUND : ERROR_INVALID_NAME);
            return false;
        }
        long[] root = new long[1];
        int status = io().createFile(thread, attributes(NPFS, null), SYNCHRONIZE | FILE_READ_ATTRIBUTES,
                FILE_SHARE_READ | FILE_SHARE_WRITE, CreateParameters.FILE_OPEN,
                CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT, 0, null, root, null);
        if (!NtStatus.isSuccess(status)) {
            thread.setLastError(missingDevice(status) ? ERROR_CALL_NOT_IMPLEMENTED : NtStatus.toDosError(status));
            return false;
        }
        long timeout = switch (milliseconds) {
            case NMPWAIT_USE_DEFAULT_WAIT -> PipeWait.DEFAULT;
            case NMPWAIT_WAIT_FOREVER -> WaitService.INFINITE;
            default -> Integer.toUnsignedLong(milliseconds) * 10_000L;
        };
        try {
            return finish(thread, control(root[0], PipeControl.FSCTL_PIPE_WAIT, null, 0, null, 0,
                    new PipeWait(rest, timeout), null, null));
        } finally {
            context.objects().close(thread, root[0]);
        }
    }

    /** PeekNamedPipe: copies without removing, never waits (§7.2). */
    boolean peekNamedPipe(long pipe, byte[] buffer, int size, int[] read, int[] available, int[] leftThisMessage) {
        KThread thread = context.thread();
        Object[] out = new Object[1];
        long[] information = new long[1];
        int status = control(pipe, PipeControl.FSCTL_PIPE_PEEK, null, 0, buffer, buffer == null ? 0 : size, out,
                null, information);
        if (!NtStatus.isSuccess(status)) {
            thread.setLastError(NtStatus.toDosError(status));
            return false;
        }
        PipePeekInformation peek = (PipePeekInformation) out[0];
        int copied = (int) information[0];
        set(read, copied);
        set(available, peek.readDataAvailable());
        set(leftThisMessage, peek.messageLength() == 0 ? 0 : peek.messageLength() - copied);
        return true;
    }

    /** TransactNamedPipe: one message out, one back; ERROR_MORE_DATA when the reply is longer (§7.2). */
    boolean transactNamedPipe(long pipe, byte[] in, int inSize, byte[] out, int outSize, int[] read,
            Overlapped overlapped) {
        long[] information = new long[1];
        set(read, 0);
        int status = control(pipe, PipeControl.FSCTL_PIPE_TRANSCEIVE, in, inSize, out, outSize, null, overlapped,
                information);
        if (status != STATUS_PENDING && !NtStatus.isError(status)) {
            set(read, (int) information[0]);
        }
        return finish(context.thread(), status);
    }

    /** SetNamedPipeHandleState: read mode and wait mode; the collection values are for remote pipes. */
    boolean setNamedPipeHandleState(long pipe, int[] mode, int[] maxCollectionCount, int[] collectDataTimeout) {
        KThread thread = context.thread();
        int readMode = PipeHandleState.UNCHANGED;
        int completion = PipeHandleState.UNCHANGED;
        if (mode != null) {
            if (mode.length < 1 || (mode[0] & ~(PIPE_READMODE_MESSAGE | PIPE_NOWAIT)) != 0) {
                thread.setLastError(ERROR_INVALID_PARAMETER);
                return false;
            }
            readMode = (mode[0] & PIPE_READMODE_MESSAGE) != 0 ? 1 : 0;
            completion = (mode[0] & PIPE_NOWAIT) != 0 ? 1 : 0;
        }
        return finish(thread, control(pipe, PipeControl.FSCTL_KOBJ_PIPE_SET_STATE, null, 0, null, 0,
                new PipeHandleState(readMode, completion), null, null));
    }

    /** GetNamedPipeInfo: which end, the type, the buffer sizes and the instance limit. */
    boolean getNamedPipeInfo(long pipe, int[] flags, int[] outSize, int[] inSize, int[] maxInstances) {
        KThread thread = context.thread();
        Object[] out = new Object[1];
        int status = control(pipe, PipeControl.FSCTL_KOBJ_PIPE_QUERY, null, 0, null, 0, out, null, null);
        if (!NtStatus.isSuccess(status)) {
            thread.setLastError(NtStatus.toDosError(status));
            return false;
        }
        PipeInformation info = (PipeInformation) out[0];
        set(flags, (info.namedPipeEnd() == PipeControl.FILE_PIPE_SERVER_END ? PIPE_SERVER_END : PIPE_CLIENT_END)
                | (info.namedPipeType() == 1 ? PIPE_TYPE_MESSAGE : 0));
        set(outSize, info.outboundQuota());
        set(inSize, info.inboundQuota());
        set(maxInstances, info.maximumInstances());
        return true;
    }

    // ---- mailslots ----

    boolean getMailslotInfo(long slot, int[] maxMessageSize, int[] nextSize, int[] messageCount, int[] readTimeout) {
        KThread thread = context.thread();
        Object[] out = new Object[1];
        int status = control(slot, PipeControl.FSCTL_KOBJ_MAILSLOT_QUERY, null, 0, null, 0, out, null, null);
        if (!NtStatus.isSuccess(status)) {
            thread.setLastError(NtStatus.toDosError(status));
            return false;
        }
        MailslotInformation info = (MailslotInformation) out[0];
        set(maxMessageSize, info.maximumMessageSize());
        set(nextSize, info.nextMessageSize());
        set(messageCount, info.messageCount());
        set(readTimeout, info.readTimeout() == WaitService.INFINITE ? MAILSLOT_WAIT_FOREVER
                : (int) (info.readTimeout() / 10_000L));
        return true;
    }

    boolean setMailslotInfo(long slot, int readTimeout) {
        return finish(context.thread(), control(slot, PipeControl.FSCTL_KOBJ_MAILSLOT_SET_TIMEOUT, null, 0, null, 0,
                mailslotTimeout(readTimeout), null, null));
    }

    // ---- helpers ----

    /**
     * One FSCTL as NtFsControlFile: with an OVERLAPPED its Internal / InternalHigh report the outcome and
     * its event is set; without one the call waits inside (a synchronous handle) for the result.
     */
    private int control(long file, int code, byte[] in, int inLength, byte[] out, int outLength, Object argument,
            Overlapped overlapped, long[] information) {
        KThread thread = context.thread();
        IoStatusSink sink;
        long event = 0;
        var outcome = new java.util.concurrent.atomic.AtomicLongArray(new long[] {STATUS_PENDING, 0});
        if (overlapped == null) {
            sink = (status, info) -> {
                if (information != null) {
                    information[0] = info;
                }
                outcome.set(1, info);
                outcome.set(0, status);
            };
        } else {
            overlapped.internal = STATUS_PENDING;
            overlapped.internalHigh = 0;
            sink = (status, info) -> {
                if (information != null) {
                    information[0] = info;
                }
                overlapped.internalHigh = info;
                overlapped.internal = status;
            };
            event = overlapped.hEvent;
        }
        int status = io().deviceControl(thread, file, event, null, overlapped, sink, true, code, in, inLength, out,
                outLength, argument);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_PENDING && overlapped == null) {
            // an overlapped handle without an OVERLAPPED: kernel32 waits on the handle itself (its event)
            int wait = context.waits().waitForSingleObject(thread, file, false, WaitService.INFINITE);
            Win32ProcessImpl.fence(thread);
            if (wait != STATUS_WAIT_0) {
                io().cancel(thread, file, true, null);
                return wait < 0 ? wait : STATUS_CANCELLED;
            }
            while (outcome.get(0) == STATUS_PENDING) {
                Thread.onSpinWait(); // the file's event is set after the status is written: a moment at most
            }
            status = (int) outcome.get(0);
        }
        return status;
    }

    /** A BOOL result: TRUE on success; FALSE with ERROR_IO_PENDING, ERROR_MORE_DATA or the error. */
    private static boolean finish(KThread thread, int status) {
        if (status == STATUS_SUCCESS) {
            return true;
        }
        thread.setLastError(status == STATUS_PENDING ? ERROR_IO_PENDING : NtStatus.toDosError(status));
        return false;
    }

    private static boolean failure(KThread thread, int status) {
        thread.setLastError(missingDevice(status) ? ERROR_CALL_NOT_IMPLEMENTED : NtStatus.toDosError(status));
        return false;
    }

    private static long invalid(KThread thread, int error) {
        thread.setLastError(error);
        return INVALID_HANDLE_VALUE;
    }

    private static void set(int[] out, int value) {
        if (out != null && out.length > 0) {
            out[0] = value;
        }
    }
}
