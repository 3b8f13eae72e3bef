package dev.kobj.win32;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/** A view of a section mapped by {@code MapViewOfFile}: its synthetic base address and its memory. */
public interface MappedView {
    long address();
    ByteBuffer buffer();
    MemorySegment segment();
}
