package dev.kobj.api.memory;

import java.lang.foreign.MemorySegment;

/**
 * The bytes behind a section: one off-heap segment shared by every view, in any process, so a write
 * through one view is seen through the others with no copy. Released once, when the section dies;
 * after that the segment is closed and any access to it fails instead of touching freed memory.
 *
 * @since 0.1
 */
public interface BackingStore {
    /** The whole store; views are slices of it. */
    MemorySegment segment();

    long size();

    /** Frees the bytes; idempotent. */
    void release();
}
