package dev.kobj.api.fs;

import dev.kobj.api.io.IoApc;
import dev.kobj.api.io.IoStatusSink;
import dev.kobj.api.process.KThread;

/**
 * The file-system family's Java API for what NtQueryInformationFile / NtSetInformationFile and
 * NtLockFile do on files of its volumes (nt-semantics.md §8); files themselves are opened, read and
 * written through {@link dev.kobj.api.io.IoService}. Thread-safe; every call acts for {@code caller},
 * returns an NTSTATUS, and on bad input (a bad handle, a handle that is not a file, a missing right)
 * returns its status and changes nothing. Outputs go to the first element of the given arrays.
 *
 * @since 0.1
 */
public interface FileService {
    /** SetFilePointer move methods. */
    int FILE_BEGIN = 0;
    int FILE_CURRENT = 1;
    int FILE_END = 2;

    /** FILE_ATTRIBUTE_* bits reported by {@link #queryAttributes}. */
    int FILE_ATTRIBUTE_READONLY = 0x01;
    int FILE_ATTRIBUTE_DIRECTORY = 0x10;
    int FILE_ATTRIBUTE_ARCHIVE = 0x20;
    int FILE_ATTRIBUTE_NORMAL = 0x80;

    /**
     * FilePositionInformation: moves the file object's current byte offset (shared by every handle to it)
     * by {@code distance} from the start, the current offset or the end ({@code method}), and reports it.
     * Positions past the end are allowed; a negative one is STATUS_INVALID_PARAMETER and the offset does
     * not move; an unknown method too. On a file object that is not a volume's (a pipe end) the offset is
     * meaningless: it stays 0 and the call succeeds, as Windows does.
     */
    int setPosition(KThread caller, long file, long distance, int method, long[] newPosition);

    /** FileStandardInformation.EndOfFile: the size in bytes (0 for a directory); no right needed. */
    int querySize(KThread caller, long file, long[] size);

    /**
     * FileEndOfFileInformation: truncates or extends (with zeros) the file to {@code size}; needs
     * FILE_WRITE_DATA (STATUS_ACCESS_DENIED), a file (STATUS_INVALID_PARAMETER on a directory).
     */
    int setEndOfFile(KThread caller, long file, long size);

    /**
     * FileDispositionInformation: marks the file delete-pending ({@code delete}) or clears the mark. Needs
     * DELETE. A read-only file is STATUS_CANNOT_DELETE, a non-empty directory STATUS_DIRECTORY_NOT_EMPTY.
     * A delete-pending file refuses new opens (STATUS_DELETE_PENDING), and its name goes when the last
     * file object on it is closed.
     */
    int setDisposition(KThread caller, long file, boolean delete);

    /** FileBasicInformation.FileAttributes: FILE_ATTRIBUTE_* bits; no right needed. */
    int queryAttributes(KThread caller, long file, int[] attributes);

    /**
     * NtQueryDirectoryFile: the next entries of the directory open on {@code directory} (needs
     * FILE_LIST_DIRECTORY) into {@code entries}, {@code count[0]} how many. The scan is the file object's:
     * the first call (or one with {@code restartScan}) takes a snapshot of the entries whose names match
     * {@code pattern} — FindFirstFile's wildcards, {@code *} any run of characters and {@code ?} one,
     * case-insensitive, {@code *.*} everything; null is {@code *} — in NTFS order (by upper-cased name),
     * {@code .} and {@code ..} first below the root; later calls go on from where the last stopped and
     * ignore their pattern. STATUS_SUCCESS with at least one entry; STATUS_NO_SUCH_FILE when the first
     * call matches nothing; STATUS_NO_MORE_FILES when the scan is done; STATUS_INVALID_PARAMETER on a file
     * that is not a directory or an empty {@code entries}.
     */
    int queryDirectory(KThread caller, long directory, String pattern, boolean restartScan, FileEntry[] entries,
            int[] count);

    /**
     * NtLockFile: locks {@code [offset, offset + length)} for the file object and the caller's process,
     * exclusive or shared (needs FILE_READ_DATA or FILE_WRITE_DATA). A conflict with {@code failImmediately}
     * is STATUS_LOCK_NOT_GRANTED; without it the lock is an I/O request that waits for the range: on a
     * synchronous file object inside the call (ended by the grant, a Java interrupt — STATUS_CANCELLED — or
     * termination), on an overlapped one it returns STATUS_PENDING and completes through {@code event},
     * {@code apc}, the file's completion port and {@code status}, as {@link dev.kobj.api.io.IoService#read}
     * does; CancelIo(Ex) and the file's last handle cancel it. Locks go when the file object's last handle
     * closes, and waiting locks are then let in, first come first served.
     */
    int lock(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status, long offset,
            long length, boolean exclusive, boolean failImmediately);

    /**
     * NtUnlockFile: removes exactly that range of the caller's (none is STATUS_RANGE_NOT_LOCKED) and lets
     * waiting locks in.
     */
    int unlock(KThread caller, long file, long offset, long length);
}
