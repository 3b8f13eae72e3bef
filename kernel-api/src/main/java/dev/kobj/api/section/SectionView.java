package dev.kobj.api.section;

import java.lang.foreign.MemorySegment;

/**
 * A mapped view: its synthetic base address in the mapping process (a multiple of 64 KiB, unique in
 * the kernel), its length, and its memory — a slice of the section's store (read-only unless mapped
 * for writing), or a private copy for FILE_MAP_COPY.
 *
 * @since 0.1
 */
public record SectionView(long baseAddress, long size, MemorySegment segment, int protection) {
}
