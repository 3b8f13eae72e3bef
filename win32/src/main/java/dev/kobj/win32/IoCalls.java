package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.CompletionPacket;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.io.IoService;
import dev.kobj.api.io.IoStatusSink;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;

/**
 * The Win32 and NT shapes of the I/O manager (nt-semantics.md §7.6, §8): CreateFile's name and
 * disposition rules, ReadFile / WriteFile with and without an OVERLAPPED, GetOverlappedResult, CancelIo,
 * GetFileType, FlushFileBuffers, and the completion port calls. Kernel32Impl and NtdllImpl delegate here.
 */
final class IoCalls {
    private final CallContext context;

    IoCalls(CallContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    private IoService io() {
        return context.io();
    }

    // ---- files ----

    /** CreateFile: a Win32 path as an NT path in {@code \??}, the Win32 dispositions and flags mapped (§8). */
    long createFile(String name, int access, int share, SecurityAttributes security, int disposition, int flags) {
        KThread thread = context.thread();
        int ntDisposition = switch (disposition) {
            case CREATE_NEW -> CreateParameters.FILE_CREATE;
            case CREATE_ALWAYS -> CreateParameters.FILE_OVERWRITE_IF;
            case OPEN_EXISTING -> CreateParameters.FILE_OPEN;
            case OPEN_ALWAYS -> CreateParameters.FILE_OPEN_IF;
            case TRUNCATE_EXISTING -> CreateParameters.FILE_OVERWRITE;
            default -> -1;
        };
        if (ntDisposition < 0) {
            return invalid(thread, ERROR_INVALID_PARAMETER);
        }
        String path = DosPaths.ntPath(name, context.currentDirectory());
        if (path == null) {
            return invalid(thread, name == null || name.isEmpty() ? ERROR_PATH_NOT_FOUND : ERROR_FILE_NOT_FOUND);
        }
        int options = (flags & FILE_FLAG_OVERLAPPED) != 0 ? 0 : CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT;
        int desired = access | SYNCHRONIZE | FILE_READ_ATTRIBUTES;
        if ((flags & FILE_FLAG_DELETE_ON_CLOSE) != 0) {
            options |= CreateParameters.FILE_DELETE_ON_CLOSE;
            desired |= DELETE;
        }
        if ((flags & FILE_FLAG_WRITE_THROUGH) != 0) {
            options |= CreateParameters.FILE_WRITE_THROUGH;
        }
        // A directory opens only with FILE_FLAG_BACKUP_SEMANTICS; without it, ERROR_ACCESS_DENIED (§8).
        options |= (flags & FileCalls.FILE_FLAG_BACKUP_SEMANTICS) != 0 ? CreateParameters.FILE_OPEN_FOR_BACKUP_INTENT
                : CreateParameters.FILE_NON_DIRECTORY_FILE;
        var attributes = new dev.kobj.api.object.ObjectAttributes(0, path,
                OBJ_CASE_INSENSITIVE | (security != null && security.inheritHandle() ? OBJ_INHERIT : 0));
        long[] handle = new long[1];
        long[] information = new long[1];
        int status = io().createFile(thread, attributes, desired, share, ntDisposition, options, flags & 0xFFFF,
                null, handle, information);
        if (status == STATUS_OBJECT_NAME_COLLISION && disposition == CREATE_NEW) {
            return invalid(thread, ERROR_FILE_EXISTS); // CreateFile's special case (§8)
        }
        if (!NtStatus.isSuccess(status)) {
            return invalid(thread, NtStatus.toDosError(status));
        }
        boolean existed = information[0] == CreateParameters.FILE_OPENED
                || information[0] == CreateParameters.FILE_OVERWRITTEN;
        thread.setLastError((disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS) && existed
                ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
        return handle[0];
    }

    boolean readFile(long file, byte[] buffer, int length, int[] transferred, Overlapped overlapped) {
        return transfer(false, file, buffer, length, transferred, overlapped);
    }

    boolean writeFile(long file, byte[] buffer, int length, int[] transferred, Overlapped overlapped) {
        return transfer(true, file, buffer, length, transferred, overlapped);
    }

    /**
     * ReadFile / WriteFile. Without an OVERLAPPED the call is synchronous at the file pointer, and a read
     * at end of file succeeds with 0 bytes. With one, its offset is used, Internal / InternalHigh report
     * the outcome (STATUS_PENDING until then), and a pending request is FALSE with ERROR_IO_PENDING.
     */
    private boolean transfer(boolean write, long file, byte[] buffer, int length, int[] transferred,
            Overlapped overlapped) {
        KThread thread = context.thread();
        if (transferred != null && transferred.length > 0) {
            transferred[0] = 0;
        }
        long[] information = new long[1];
        IoStatusSink sink;
        long event = 0;
        long at;
        if (overlapped == null) {
            sink = (status, info) -> information[0] = info;
            at = IoRequest.USE_FILE_POINTER_POSITION;
        } else {
            overlapped.internal = STATUS_PENDING;
            overlapped.internalHigh = 0;
            sink = (status, info) -> {
                information[0] = info;
                overlapped.internalHigh = info;
                overlapped.internal = status;
            };
            event = overlapped.hEvent; // bit 0 set: no completion packet (the I/O manager reads it)
            at = Integer.toUnsignedLong(overlapped.offset) | (long) overlapped.offsetHigh << 32;
        }
        int status = write
                ? io().write(thread, file, event, null, overlapped, sink, buffer, 0, length, at)
                : io().read(thread, file, event, null, overlapped, sink, buffer, 0, length, at);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_PENDING) {
            thread.setLastError(ERROR_IO_PENDING);
            return false;
        }
        if (!write && overlapped == null && status == STATUS_END_OF_FILE) {
            status = STATUS_SUCCESS; // a synchronous read at end of file is 0 bytes read (§8)
        }
        if (NtStatus.isError(status)) {
            thread.setLastError(NtStatus.toDosError(status));
            return false;
        }
        if (transferred != null && transferred.length > 0) {
            transferred[0] = (int) information[0];
        }
        if (NtStatus.isWarning(status)) { // STATUS_BUFFER_OVERFLOW: the bytes are there, and ERROR_MORE_DATA
            thread.setLastError(NtStatus.toDosError(status));
            return false;
        }
        return true;
    }

    /** GetOverlappedResult: the outcome in the OVERLAPPED, waiting for it on its event or the file when asked. */
    boolean getOverlappedResult(long file, Overlapped overlapped, int[] transferred, boolean wait) {
        KThread thread = context.thread();
        if (overlapped == null) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        if (overlapped.internal == STATUS_PENDING) {
            if (!wait) {
                thread.setLastError(ERROR_IO_INCOMPLETE);
                return false;
            }
            long handle = overlapped.hEvent != 0 ? overlapped.hEvent & ~1L : file;
            int status = context.waits().waitForSingleObject(thread, handle, false, WaitService.INFINITE);
            Win32ProcessImpl.fence(thread);
            if (status != STATUS_WAIT_0) {
                thread.setLastError(NtStatus.toDosError(status < 0 ? status : STATUS_UNSUCCESSFUL));
                return false;
            }
            while (overlapped.internal == STATUS_PENDING) {
                Thread.onSpinWait(); // an event shared with another request was set first: this one is close
            }
        }
        if (transferred != null && transferred.length > 0) {
            transferred[0] = (int) overlapped.internalHigh;
        }
        int status = (int) overlapped.internal;
        if (!NtStatus.isSuccess(status)) {
            thread.setLastError(NtStatus.toDosError(status));
            return false;
        }
        return true;
    }

    /** CancelIo: this thread's requests on the file; none is not an error. */
    boolean cancelIo(long file) {
        KThread thread = context.thread();
        int status = io().cancel(thread, file, true, null);
        return succeeded(thread, status == STATUS_NOT_FOUND ? STATUS_SUCCESS : status);
    }

    /** CancelIoEx: every request on the file, or those of one OVERLAPPED; none is ERROR_NOT_FOUND. */
    boolean cancelIoEx(long file, Overlapped overlapped) {
        KThread thread = context.thread();
        return succeeded(thread, io().cancel(thread, file, false, overlapped));
    }

    boolean flushFileBuffers(long file) {
        KThread thread = context.thread();
        return succeeded(thread, io().flush(thread, file, null));
    }

    /** GetFileType: the device's type; a handle that is not a file is ERROR_INVALID_HANDLE. */
    int getFileType(long file) {
        KThread thread = context.thread();
        int[] type = new int[1];
        int status = io().queryDeviceType(thread, file, type);
        if (status != STATUS_SUCCESS) {
            thread.setLastError(ERROR_INVALID_HANDLE);
            return FILE_TYPE_UNKNOWN;
        }
        thread.setLastError(ERROR_SUCCESS);
        return switch (type[0]) {
            case DeviceObject.FILE_DEVICE_DISK, DeviceObject.FILE_DEVICE_DISK_FILE_SYSTEM -> FILE_TYPE_DISK;
            case DeviceObject.FILE_DEVICE_NAMED_PIPE -> FILE_TYPE_PIPE;
            case DeviceObject.FILE_DEVICE_CONSOLE, DeviceObject.FILE_DEVICE_NULL -> FILE_TYPE_CHAR;
            default -> FILE_TYPE_UNKNOWN;
        };
    }

    // ---- completion ports ----

    /**
     * CreateIoCompletionPort (§7.6): {@code (INVALID_HANDLE_VALUE, NULL)} makes a port; {@code (file, NULL)}
     * makes one and associates the file; {@code (file, port)} associates and returns {@code port}.
     */
    long createIoCompletionPort(long file, long existing, long key, int concurrency) {
        KThread thread = context.thread();
        if (file == INVALID_HANDLE_VALUE) {
            if (existing != NULL) {
                return failed(thread, ERROR_INVALID_PARAMETER);
            }
            return newPort(thread, concurrency);
        }
        if (existing != NULL) {
            int status = io().associate(thread, file, existing, key);
            if (status != STATUS_SUCCESS) {
                return failed(thread, NtStatus.toDosError(status));
            }
            thread.setLastError(ERROR_SUCCESS);
            return existing;
        }
        long port = newPort(thread, concurrency);
        if (port == NULL) {
            return NULL;
        }
        int status = io().associate(thread, file, port, key);
        if (status != STATUS_SUCCESS) {
            context.objects().close(thread, port);
            return failed(thread, NtStatus.toDosError(status));
        }
        return port;
    }

    private long newPort(KThread thread, int concurrency) {
        long[] handle = new long[1];
        int threads = concurrency < 0 ? Integer.MAX_VALUE : concurrency; // a DWORD
        int status = io().createIoCompletion(thread, dev.kobj.api.object.ObjectAttributes.NONE, IO_COMPLETION_ALL_ACCESS,
                threads, handle);
        if (status != STATUS_SUCCESS) {
            return failed(thread, NtStatus.toDosError(status));
        }
        thread.setLastError(ERROR_SUCCESS);
        return handle[0];
    }

    boolean postQueuedCompletionStatus(long port, int bytes, long key, Overlapped overlapped) {
        KThread thread = context.thread();
        return succeeded(thread, io().setIoCompletion(thread, port, key, overlapped, 0, STATUS_SUCCESS,
                Integer.toUnsignedLong(bytes)));
    }

    /**
     * GetQueuedCompletionStatus: TRUE for a successful packet; FALSE with the OVERLAPPED and the I/O's
     * error for a failed one; FALSE with a null OVERLAPPED and WAIT_TIMEOUT, ERROR_ABANDONED_WAIT_0 (port
     * closed) or ERROR_OPERATION_ABORTED (interrupt) when no packet came.
     */
    boolean getQueuedCompletionStatus(long port, int[] bytes, long[] key, Overlapped[] overlapped, int milliseconds) {
        KThread thread = context.thread();
        if (bytes == null || bytes.length < 1 || key == null || key.length < 1 || overlapped == null
                || overlapped.length < 1) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        overlapped[0] = null;
        CompletionPacket[] packet = new CompletionPacket[1];
        int[] removed = new int[1];
        int status = io().removeIoCompletion(thread, port, packet, 1, removed, timeout(milliseconds), false);
        Win32ProcessImpl.fence(thread);
        if (status != STATUS_SUCCESS) {
            thread.setLastError(noPacketError(status));
            return false;
        }
        CompletionPacket p = packet[0];
        bytes[0] = (int) p.information();
        key[0] = p.key();
        overlapped[0] = overlapped(p);
        if (!NtStatus.isSuccess(p.status())) {
            thread.setLastError(NtStatus.toDosError(p.status()));
            return false;
        }
        return true;
    }

    /** GetQueuedCompletionStatusEx: up to {@code count} packets; an alertable wait ended by APCs is WAIT_IO_COMPLETION. */
    boolean getQueuedCompletionStatusEx(long port, OverlappedEntry[] entries, int count, int[] removed,
            int milliseconds, boolean alertable) {
        KThread thread = context.thread();
        if (entries == null || count < 1 || entries.length < count || removed == null || removed.length < 1) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        removed[0] = 0;
        CompletionPacket[] packets = new CompletionPacket[count];
        int[] n = new int[1];
        int status = io().removeIoCompletion(thread, port, packets, count, n, timeout(milliseconds), alertable);
        Win32ProcessImpl.fence(thread);
        if (status != STATUS_SUCCESS) {
            thread.setLastError(status == STATUS_USER_APC ? WAIT_IO_COMPLETION : noPacketError(status));
            return false;
        }
        for (int i = 0; i < n[0]; i++) {
            OverlappedEntry entry = entries[i] != null ? entries[i] : (entries[i] = new OverlappedEntry());
            CompletionPacket p = packets[i];
            entry.lpCompletionKey = p.key();
            entry.lpOverlapped = overlapped(p);
            entry.internal = p.status();
            entry.dwNumberOfBytesTransferred = (int) p.information();
        }
        removed[0] = n[0];
        return true;
    }

    private static int noPacketError(int status) {
        return switch (status) {
            case STATUS_TIMEOUT -> WAIT_TIMEOUT;
            case STATUS_ABANDONED_WAIT_0 -> ERROR_ABANDONED_WAIT_0;
            default -> NtStatus.toDosError(status);
        };
    }

    // ---- ntdll ----

    int ntCreateIoCompletion(long[] handle, int access, ObjectAttributes attributes, int concurrency) {
        return io().createIoCompletion(context.thread(), attributes == null ? dev.kobj.api.object.ObjectAttributes.NONE
                : Names.nt(attributes), access, concurrency < 0 ? Integer.MAX_VALUE : concurrency, handle);
    }

    int ntSetIoCompletion(long port, long key, long apcContext, int status, long information) {
        return io().setIoCompletion(context.thread(), port, key, null, apcContext, status, information);
    }

    int ntRemoveIoCompletion(long port, long[] key, long[] apcContext, IoStatusBlock ioStatus, Long timeout) {
        if (key == null || key.length < 1 || apcContext == null || apcContext.length < 1 || ioStatus == null) {
            return STATUS_ACCESS_VIOLATION;
        }
        KThread thread = context.thread();
        CompletionPacket[] packet = new CompletionPacket[1];
        int status = io().removeIoCompletion(thread, port, packet, 1, new int[1],
                timeout == null ? WaitService.INFINITE : timeout, false);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_SUCCESS) {
            CompletionPacket p = packet[0];
            key[0] = p.key();
            apcContext[0] = p.contextValue();
            ioStatus.status = p.status();
            ioStatus.information = p.information();
        }
        return status;
    }

    // ---- helpers ----

    /** Win32 milliseconds as an NT timeout: INFINITE, or relative in 100 ns units. */
    private static long timeout(int milliseconds) {
        return milliseconds == INFINITE ? WaitService.INFINITE : -Integer.toUnsignedLong(milliseconds) * 10_000L;
    }

    private static boolean succeeded(KThread thread, int status) {
        if (NtStatus.isSuccess(status)) {
            return true;
        }
        thread.setLastError(NtStatus.toDosError(status));
        return false;
    }

    private static long failed(KThread thread, int error) {
        thread.setLastError(error);
        return NULL;
    }

    private static long invalid(KThread thread, int error) {
        thread.setLastError(error);
        return INVALID_HANDLE_VALUE;
    }

    /**
     * The OVERLAPPED a packet hands back: the poster's own object, or for a value passed as a pointer (a
     * job message's process id, NtSetIoCompletion's ApcContext) a new one whose {@code internal} holds it.
     */
    private static Overlapped overlapped(CompletionPacket packet) {
        if (packet.context() instanceof Overlapped ov) {
            return ov;
        }
        if (packet.contextValue() == 0) {
            return null;
        }
        Overlapped value = new Overlapped();
        value.internal = packet.contextValue();
        return value;
    }
}
