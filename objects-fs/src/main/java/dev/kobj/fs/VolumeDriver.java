package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.STATUS_INVALID_DEVICE_REQUEST;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_FILE_FOR_SECTION;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.DeviceRegistry;
import dev.kobj.api.io.Driver;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.memory.BackingStore;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.process.KProcess;
import jakarta.inject.Inject;

/**
 * The volume file-system driver (nt-semantics.md §8): one device per configured volume,
 * {@code \Device\HarddiskVolume<n>} with the link {@code \??\X:}, whose files it opens, reads and writes.
 * Every request completes in its dispatch routine (no request pends: a volume never waits for data),
 * so overlapped I/O on a volume file reports through the I/O manager right away. Thread-safe.
 */
final class VolumeDriver implements Driver {
    private final Volumes volumes;
    private final MemoryService memory;

    @Inject
    VolumeDriver(Volumes volumes, MemoryService memory) {
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    @Override
    public void load(DeviceRegistry devices) {
        int n = 1;
        for (Volume volume : volumes.all()) {
            DeviceObject device = devices.createDevice("HarddiskVolume" + n++, DeviceObject.FILE_DEVICE_DISK,
                    volume.config.dosName());
            device.setExtension(volume);
        }
    }

    @Override
    public int create(IoRequest request) {
        if (!(request.file().device().extension() instanceof Volume volume)
                || !(request.argument() instanceof CreateParameters parameters) || parameters.extra() != null) {
            return STATUS_INVALID_DEVICE_REQUEST; // a pipe or mailslot create sent to a volume
        }
        long[] information = new long[1];
        int status = volume.create(request.file(), request.fileName(), parameters, information);
        request.setInformation(information[0]);
        return status;
    }

    @Override
    public int read(IoRequest request) {
        FsOpen open = (FsOpen) request.file().context2();
        return open.volume.read(open, request);
    }

    @Override
    public int write(IoRequest request) {
        FsOpen open = (FsOpen) request.file().context2();
        return open.volume.write(open, request);
    }

    /** The volume's own lock control ({@link LockRange#FSCTL_LOCK}); nothing else. */
    @Override
    public int deviceControl(IoRequest request) {
        if (request.major() != IoRequest.FILE_SYSTEM_CONTROL || request.controlCode() != LockRange.FSCTL_LOCK
                || !(request.argument() instanceof LockRange range)
                || !(request.file().context2() instanceof FsOpen open)) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        return open.volume.lock(open, request, range);
    }

    /** A section over a volume file: a slice of its cache (memory volume) or a mapping of it (host). */
    @Override
    public int sectionStore(FileObject file, long size, boolean writable, BackingStore[] store) {
        if (!(file.context2() instanceof FsOpen open)) {
            return STATUS_INVALID_FILE_FOR_SECTION; // the volume itself
        }
        return open.volume.sectionStore(open, size, writable, memory, store);
    }

    @Override
    public int flush(IoRequest request) {
        FsOpen open = (FsOpen) request.file().context2();
        return open == null ? STATUS_SUCCESS : open.volume.flush(open);
    }

    @Override
    public void cleanup(FileObject file) {
        if (file.context2() instanceof FsOpen open) {
            open.volume.cleanup(open);
        }
    }

    /** A process's last handle to a shared file object: its byte-range locks on it go (§8). */
    @Override
    public void unlockAll(FileObject file, KProcess process) {
        if (file.context2() instanceof FsOpen open) {
            open.node.locks.release(open, process);
        }
    }

    @Override
    public void close(FileObject file) {
        cleanup(file); // a file object deleted without a handle ever made for it (cleanup is idempotent)
    }
}
