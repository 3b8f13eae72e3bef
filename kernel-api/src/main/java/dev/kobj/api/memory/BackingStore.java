package dev.kobj.api.memory;

import java.lang.foreign.MemorySegment;

/**
 * The bytes behind a section: one off-heap segment shared by every view, in any process, so a write
 * through one view is seen through the others with no copy: the core's pagefile store
 * ({@link MemoryService#pagefile}) or a file's, from its driver ({@link dev.kobj.api.io.Driver#sectionStore}).
 * Released once, when the section dies; after that a segment kept past the section is still valid
 * memory: it reads the section's last bytes, zeros, or (a file's) the file, never another section's.
 *
 * @since 0.1
 */
public interface BackingStore {
    /** The whole store; views are slices of it. */
    MemorySegment segment();

    long size();

    /**
     * FlushViewOfFile: writes {@code [offset, offset + length)} of the store back to where it came from
     * (a file-backed store's file); a pagefile store has nowhere to write and succeeds.
     *
     * @return an NTSTATUS
     */
    default int flush(long offset, long length) {
        return 0; // STATUS_SUCCESS
    }

    /** Frees the bytes; idempotent. */
    void release();
}
