package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.*;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.fs.FileEntry;
import dev.kobj.api.fs.FileService;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoApc;
import dev.kobj.api.io.IoService;
import dev.kobj.api.io.IoStatusSink;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import jakarta.inject.Inject;

/**
 * {@link FileService} on the volumes' file objects. Each call looks the handle up, checks that it is a
 * file object and the right it needs, then acts on the open's volume. The current position is the file
 * object's own (shared by duplicated handles). Thread-safe; closing it (with the kernel) closes the
 * in-memory volumes.
 */
final class FileServiceImpl implements FileService, AutoCloseable {
    private static final int NONE = 0;
    private static final int FILE_LIST_DIRECTORY = 0x0001;

    private final ObjectManager objects;
    private final IoService io;
    private final Volumes volumes;

    @Inject
    FileServiceImpl(ObjectManager objects, IoService io, Volumes volumes) {
        this.objects = requireNonNull(objects, "objects is null");
        this.io = requireNonNull(io, "io is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
    }

    @Override
    public int setPosition(KThread caller, long file, long distance, int method, long[] newPosition) {
        if (newPosition == null || newPosition.length < 1 || method < FILE_BEGIN || method > FILE_END) {
            return STATUS_INVALID_PARAMETER;
        }
        HandleEntry entry = objects.lookup(caller, file);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(entry.object() instanceof FileObject fileObject)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if (!(fileObject.context2() instanceof FsOpen open)) {
            newPosition[0] = 0; // a pipe or mailslot: no position to move (§8)
            return STATUS_SUCCESS;
        }
        long base = fileObject.position();
        if (method == FILE_BEGIN) {
            base = 0;
        } else if (method == FILE_END) {
            long[] size = new long[1];
            int status = open.volume.size(open, size);
            if (status != STATUS_SUCCESS) {
                return status;
            }
            base = size[0];
        }
        long position = base + distance;
        if (position < 0 || (distance > 0 && position < base)) {
            return STATUS_INVALID_PARAMETER; // negative (or overflowed): the pointer stays
        }
        fileObject.setPosition(position);
        newPosition[0] = position;
        return STATUS_SUCCESS;
    }

    @Override
    public int querySize(KThread caller, long file, long[] size) {
        if (size == null || size.length < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        FsOpen[] open = new FsOpen[1];
        int status = open(caller, file, NONE, open);
        return status != STATUS_SUCCESS ? status : open[0].volume.size(open[0], size);
    }

    @Override
    public int setEndOfFile(KThread caller, long file, long size) {
        if (size < 0) {
            return STATUS_INVALID_PARAMETER;
        }
        FsOpen[] open = new FsOpen[1];
        int status = open(caller, file, FsOpen.Access.WRITE_DATA, open);
        return status != STATUS_SUCCESS ? status : open[0].volume.setEndOfFile(open[0], size);
    }

    @Override
    public int setDisposition(KThread caller, long file, boolean delete) {
        FsOpen[] open = new FsOpen[1];
        int status = open(caller, file, FsOpen.Access.DELETE, open);
        return status != STATUS_SUCCESS ? status : open[0].volume.setDisposition(open[0], delete);
    }

    @Override
    public int queryAttributes(KThread caller, long file, int[] attributes) {
        if (attributes == null || attributes.length < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        FsOpen[] open = new FsOpen[1];
        int status = open(caller, file, NONE, open);
        return status != STATUS_SUCCESS ? status : open[0].volume.attributes(open[0], attributes);
    }

    @Override
    public int queryDirectory(KThread caller, long directory, String pattern, boolean restartScan,
            FileEntry[] entries, int[] count) {
        if (entries == null || entries.length == 0 || count == null || count.length < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        FsOpen[] open = new FsOpen[1];
        int status = open(caller, directory, FILE_LIST_DIRECTORY, open);
        return status != STATUS_SUCCESS ? status
                : open[0].volume.queryDirectory(open[0], pattern, restartScan, entries, count);
    }

    @Override
    public int lock(KThread caller, long file, long event, IoApc apc, Object context, IoStatusSink status,
            long offset, long length, boolean exclusive, boolean failImmediately) {
        if (offset < 0 || length < 0 || offset + length < 0) {
            return STATUS_INVALID_PARAMETER;
        }
        FsOpen[] open = new FsOpen[1];
        int found = open(caller, file, NONE, open);
        if (found != STATUS_SUCCESS) {
            return found;
        }
        // An I/O request, so that a waiting lock pends, is waited for and is cancelled like any other; the
        // I/O manager checks FILE_READ_DATA or FILE_WRITE_DATA from the control code.
        return io.deviceControl(caller, file, event, apc, context, status, true, LockRange.FSCTL_LOCK, null, 0,
                null, 0, new LockRange(offset, length, exclusive, failImmediately));
    }

    @Override
    public int unlock(KThread caller, long file, long offset, long length) {
        FsOpen[] open = new FsOpen[1];
        int status = open(caller, file, NONE, open);
        return status != STATUS_SUCCESS ? status : open[0].volume.unlock(open[0], caller.process(), offset, length);
    }

    /**
     * The volume open behind a handle, which must grant one of {@code anyOf} (when not {@link #NONE}).
     * A file object that is not a volume's (a pipe end) is STATUS_INVALID_DEVICE_REQUEST.
     */
    private int open(KThread caller, long file, int anyOf, FsOpen[] open) {
        HandleEntry entry = objects.lookup(caller, file);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(entry.object() instanceof FileObject fileObject)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if (!(fileObject.context2() instanceof FsOpen fsOpen)) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        if (anyOf != NONE && (entry.grantedAccess() & anyOf) == 0) {
            return STATUS_ACCESS_DENIED;
        }
        open[0] = fsOpen;
        return STATUS_SUCCESS;
    }

    @Override
    public void close() {
        volumes.close();
    }
}
