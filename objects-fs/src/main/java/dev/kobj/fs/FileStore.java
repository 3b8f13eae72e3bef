package dev.kobj.fs;

import dev.kobj.api.memory.BackingStore;
import java.lang.foreign.MemorySegment;

/**
 * One section's store over a volume file: a slice of the file's {@link FileCache} on a memory volume, or
 * on a host volume a shared mapping of the file ({@code FileChannel.map} in an automatic arena: unmapped
 * when the collector finds no view of it left, so a view kept past its section never touches unmapped
 * memory), which the host's page cache keeps coherent with the volume's channel reads and writes.
 * Released once, through the volume, which then lets the file be truncated and deleted again.
 */
final class FileStore implements BackingStore {
    final FileNode node;
    private final Volume volume;
    private final MemorySegment segment;
    /** A host mapping (forced on flush), not a cache slice (written back). */
    final boolean mapped;
    /** Set under the volume lock. */
    boolean released;

    FileStore(Volume volume, FileNode node, MemorySegment segment, boolean mapped) {
        this.volume = volume;
        this.node = node;
        this.segment = segment;
        this.mapped = mapped;
    }

    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long size() {
        return segment.byteSize();
    }

    @Override
    public int flush(long offset, long length) {
        if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
            return dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
        }
        return volume.flush(this, offset, length);
    }

    @Override
    public void release() {
        volume.release(this);
    }
}
