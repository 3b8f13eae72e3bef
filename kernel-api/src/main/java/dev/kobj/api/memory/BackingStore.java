package dev.kobj.api.memory;

import java.lang.foreign.MemorySegment;

/**
 * The bytes behind a section: one off-heap segment shared by every view, in any process, so a write
 * through one view is seen through the others with no copy. Released once, when the section dies;
 * after that its pages go back to the system, and a segment kept past the section reads its last bytes
 * or zeros: never freed memory, never another section's bytes.
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
