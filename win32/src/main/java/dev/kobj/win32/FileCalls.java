package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.fs.FileService;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;

/**
 * The Win32 file calls beyond CreateFile / ReadFile / WriteFile (nt-semantics.md §8), on the I/O manager
 * and the file-system family's {@link FileService}: file pointer, size, end of file, delete, directories,
 * attributes and byte-range locks. The by-name calls open the file as kernel32 does (NtOpenFile with the
 * right they need and every share mode), act on it, and close it. Without the family they fail with
 * ERROR_CALL_NOT_IMPLEMENTED. Kernel32Impl delegates here.
 */
final class FileCalls {
    /** CreateFile flag: directories may be opened (NT's FILE_OPEN_FOR_BACKUP_INTENT). */
    static final int FILE_FLAG_BACKUP_SEMANTICS = 0x0200_0000;
    private static final int SHARE_ALL = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    private static final int FILE_LIST_DIRECTORY = 0x0001;
    private static final int DELETE_RIGHT = 0x0001_0000;

    private final CallContext context;
    private final FileService files;

    FileCalls(CallContext context, FileService files) {
        this.context = requireNonNull(context, "context is null");
        this.files = files;
    }

    // ---- by handle ----

    /**
     * SetFilePointer: with {@code high} null the distance is a signed 32-bit value; the new low DWORD is
     * returned (and the high one in {@code high[0]}); on error INVALID_SET_FILE_POINTER with the last
     * error, which is NO_ERROR on success so that a real low part of 0xFFFFFFFF can be told apart.
     */
    int setFilePointer(long file, int low, int[] high, int method) {
        KThread thread = context.thread();
        long distance = high == null ? low : (long) high[0] << 32 | Integer.toUnsignedLong(low);
        long[] position = new long[1];
        if (!move(thread, file, distance, method, position)) {
            return INVALID_SET_FILE_POINTER;
        }
        if (high != null) {
            high[0] = (int) (position[0] >>> 32);
        }
        thread.setLastError(ERROR_SUCCESS);
        return (int) position[0];
    }

    boolean setFilePointerEx(long file, long distance, long[] newPosition, int method) {
        KThread thread = context.thread();
        long[] position = new long[1];
        if (!move(thread, file, distance, method, position)) {
            return false;
        }
        if (newPosition != null && newPosition.length > 0) {
            newPosition[0] = position[0];
        }
        return true;
    }

    private boolean move(KThread thread, long file, long distance, int method, long[] position) {
        if (files == null) {
            return notImplemented(thread);
        }
        if (method < FILE_BEGIN || method > FILE_END) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        int status = files.setPosition(thread, file, distance, method, position);
        if (status == STATUS_INVALID_PARAMETER) {
            thread.setLastError(ERROR_NEGATIVE_SEEK); // the method was valid: the position was negative
            return false;
        }
        return succeeded(thread, status);
    }

    /** SetEndOfFile: the size becomes the current position (truncating or extending). */
    boolean setEndOfFile(long file) {
        KThread thread = context.thread();
        if (files == null) {
            return notImplemented(thread);
        }
        long[] position = new long[1];
        int status = files.setPosition(thread, file, 0, FILE_CURRENT, position);
        if (status == STATUS_SUCCESS) {
            status = files.setEndOfFile(thread, file, position[0]);
        }
        return succeeded(thread, status);
    }

    /** GetFileSize: the low DWORD, the high one in {@code high[0]}; INVALID_FILE_SIZE and the last error on error. */
    int getFileSize(long file, int[] high) {
        KThread thread = context.thread();
        long[] size = new long[1];
        if (!size(thread, file, size)) {
            return INVALID_FILE_SIZE;
        }
        if (high != null && high.length > 0) {
            high[0] = (int) (size[0] >>> 32);
        }
        thread.setLastError(ERROR_SUCCESS);
        return (int) size[0];
    }

    boolean getFileSizeEx(long file, long[] size) {
        KThread thread = context.thread();
        if (size == null || size.length < 1) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        return size(thread, file, size);
    }

    private boolean size(KThread thread, long file, long[] size) {
        if (files == null) {
            return notImplemented(thread);
        }
        return succeeded(thread, files.querySize(thread, file, size));
    }

    // ---- locks ----

    /** LockFile: exclusive, never waits; a conflict is ERROR_LOCK_VIOLATION. */
    boolean lockFile(long file, int offsetLow, int offsetHigh, int lengthLow, int lengthHigh) {
        KThread thread = context.thread();
        if (files == null) {
            return notImplemented(thread);
        }
        int status = files.lock(thread, file, 0, null, null, null, join(offsetLow, offsetHigh),
                join(lengthLow, lengthHigh), true, true);
        Win32ProcessImpl.fence(thread);
        return succeeded(thread, status);
    }

    /**
     * LockFileEx: the range starts at the OVERLAPPED's offset; shared unless LOCKFILE_EXCLUSIVE_LOCK. With
     * LOCKFILE_FAIL_IMMEDIATELY a conflict is ERROR_LOCK_VIOLATION; without it the call waits for the
     * range on a synchronous handle, and on an overlapped one returns FALSE with ERROR_IO_PENDING, the
     * OVERLAPPED (its event, GetOverlappedResult, the completion port) reporting the grant.
     */
    boolean lockFileEx(long file, int flags, int reserved, int lengthLow, int lengthHigh, Overlapped overlapped) {
        KThread thread = context.thread();
        if (files == null) {
            return notImplemented(thread);
        }
        if (reserved != 0 || overlapped == null
                || (flags & ~(LOCKFILE_FAIL_IMMEDIATELY | LOCKFILE_EXCLUSIVE_LOCK)) != 0) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        overlapped.internal = STATUS_PENDING;
        overlapped.internalHigh = 0;
        int status = files.lock(thread, file, overlapped.hEvent, null, overlapped, (s, info) -> {
            overlapped.internalHigh = info;
            overlapped.internal = s;
        }, join(overlapped.offset, overlapped.offsetHigh), join(lengthLow, lengthHigh),
                (flags & LOCKFILE_EXCLUSIVE_LOCK) != 0, (flags & LOCKFILE_FAIL_IMMEDIATELY) != 0);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_PENDING) {
            thread.setLastError(ERROR_IO_PENDING);
            return false;
        }
        if (overlapped.internal == STATUS_PENDING) {
            overlapped.internal = status; // refused before it became a request
        }
        return succeeded(thread, status);
    }

    boolean unlockFile(long file, int offsetLow, int offsetHigh, int lengthLow, int lengthHigh) {
        KThread thread = context.thread();
        if (files == null) {
            return notImplemented(thread);
        }
        return succeeded(thread, files.unlock(thread, file, join(offsetLow, offsetHigh), join(lengthLow, lengthHigh)));
    }

    boolean unlockFileEx(long file, int reserved, int lengthLow, int lengthHigh, Overlapped overlapped) {
        KThread thread = context.thread();
        if (files == null) {
            return notImplemented(thread);
        }
        if (reserved != 0 || overlapped == null) {
            thread.setLastError(ERROR_INVALID_PARAMETER);
            return false;
        }
        return succeeded(thread, files.unlock(thread, file, join(overlapped.offset, overlapped.offsetHigh),
                join(lengthLow, lengthHigh)));
    }

    private static long join(int low, int high) {
        return (long) high << 32 | Integer.toUnsignedLong(low);
    }

    // ---- by name ----

    /**
     * DeleteFile: opens the file for DELETE sharing everything (a file others opened without
     * FILE_SHARE_DELETE is ERROR_SHARING_VIOLATION; a directory ERROR_ACCESS_DENIED), marks it
     * delete-pending (read-only: ERROR_ACCESS_DENIED) and closes it: the name goes when the last open does.
     */
    boolean deleteFile(String name) {
        return deleteByName(name, CreateParameters.FILE_NON_DIRECTORY_FILE);
    }

    /** RemoveDirectory: as DeleteFile for a directory; a file is ERROR_DIRECTORY, a non-empty one ERROR_DIR_NOT_EMPTY. */
    boolean removeDirectory(String name) {
        return deleteByName(name, CreateParameters.FILE_DIRECTORY_FILE);
    }

    private boolean deleteByName(String name, int options) {
        KThread thread = context.thread();
        if (files == null) {
            return notImplemented(thread);
        }
        long[] handle = new long[1];
        int status = openByName(thread, name, DELETE_RIGHT, options, CreateParameters.FILE_OPEN, handle);
        if (status == STATUS_SUCCESS) {
            status = files.setDisposition(thread, handle[0], true);
            context.objects().close(thread, handle[0]);
        }
        return succeeded(thread, status);
    }

    /** CreateDirectory: an existing name (file or directory) is ERROR_ALREADY_EXISTS. */
    boolean createDirectory(String name, SecurityAttributes security) {
        KThread thread = context.thread();
        if (files == null) {
            return notImplemented(thread);
        }
        long[] handle = new long[1];
        int status = openByName(thread, name, FILE_LIST_DIRECTORY, CreateParameters.FILE_DIRECTORY_FILE,
                CreateParameters.FILE_CREATE, handle);
        if (status == STATUS_SUCCESS) {
            context.objects().close(thread, handle[0]);
        }
        return succeeded(thread, status);
    }

    /** GetFileAttributes: FILE_ATTRIBUTE_* of a file or directory, or INVALID_FILE_ATTRIBUTES and the error. */
    int getFileAttributes(String name) {
        KThread thread = context.thread();
        if (files == null) {
            notImplemented(thread);
            return INVALID_FILE_ATTRIBUTES;
        }
        long[] handle = new long[1];
        int status = openByName(thread, name, FILE_READ_ATTRIBUTES, CreateParameters.FILE_OPEN_FOR_BACKUP_INTENT,
                CreateParameters.FILE_OPEN, handle);
        int[] attributes = new int[1];
        if (status == STATUS_SUCCESS) {
            status = files.queryAttributes(thread, handle[0], attributes);
            context.objects().close(thread, handle[0]);
        }
        if (!succeeded(thread, status)) {
            return INVALID_FILE_ATTRIBUTES;
        }
        return attributes[0];
    }

    /** Whether {@code name} is an existing directory (CreateProcess's lpCurrentDirectory); false without the family. */
    boolean isDirectory(String name) {
        KThread thread = context.thread();
        long[] handle = new long[1];
        if (files == null || openByName(thread, name, FILE_LIST_DIRECTORY, CreateParameters.FILE_DIRECTORY_FILE,
                CreateParameters.FILE_OPEN, handle) != STATUS_SUCCESS) {
            return false;
        }
        context.objects().close(thread, handle[0]);
        return true;
    }

    /** NtOpenFile / NtCreateFile of a Win32 name for a by-name call, sharing everything, synchronous. */
    private int openByName(KThread thread, String name, int access, int options, int disposition, long[] handle) {
        if (name == null) {
            return STATUS_OBJECT_PATH_NOT_FOUND;
        }
        String path = DosPaths.ntPath(name, context.currentDirectory());
        if (path == null) {
            return name.isEmpty() ? STATUS_OBJECT_PATH_NOT_FOUND : STATUS_OBJECT_NAME_NOT_FOUND;
        }
        return context.io().createFile(thread, new ObjectAttributes(0, path, OBJ_CASE_INSENSITIVE),
                access | SYNCHRONIZE, SHARE_ALL, disposition, options | CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT,
                FILE_ATTRIBUTE_NORMAL, null, handle, null);
    }

    // ---- helpers ----

    private static boolean notImplemented(KThread thread) {
        thread.setLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    private static boolean succeeded(KThread thread, int status) {
        if (NtStatus.isSuccess(status)) {
            return true;
        }
        thread.setLastError(NtStatus.toDosError(status));
        return false;
    }
}
