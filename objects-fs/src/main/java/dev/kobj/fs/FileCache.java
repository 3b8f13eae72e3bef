package dev.kobj.fs;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.kobj.api.memory.BackingStore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A memory-volume file's bytes while sections of it live (Jimfs has no mmap): the first
 * {@link #capacity} bytes of the file are kept in one off-heap store that every section's views slice
 * and that the volume's reads and writes use too, so views and ReadFile / WriteFile see the same bytes;
 * the file itself stays authoritative for its size and for what lies past the capacity. Written back to
 * the file on flush and when the last section goes.
 *
 * <p>Invariant: cache bytes past the end of file are zero (a truncation clears them), so a file that
 * grows again reads zeros there, as a file does. The owner's data lock keeps truncation and
 * the cache's making and dropping away from reads and writes; bytes themselves are copied without a lock,
 * as memory is.
 */
final class FileCache {
    /** Write-back chunk: a ByteBuffer view is at most 2 GiB. */
    private static final long CHUNK = 1L << 30;

    private final BackingStore pages;
    private final MemorySegment memory;
    private final FileChannel channel;

    /** Takes {@code pages} (at least as large as the file) and fills it from {@code channel}, which it keeps. */
    FileCache(BackingStore pages, FileChannel channel) throws IOException {
        this.pages = pages;
        this.memory = pages.segment();
        this.channel = channel;
        long size = Math.min(channel.size(), memory.byteSize());
        for (long at = 0; at < size; ) {
            ByteBuffer into = memory.asSlice(at, Math.min(CHUNK, size - at)).asByteBuffer();
            while (into.hasRemaining()) {
                int got = channel.read(into, at + into.position());
                if (got < 0) {
                    return; // shrunk under us by nobody: the rest stays zero
                }
            }
            at += into.capacity();
        }
    }

    long capacity() {
        return memory.byteSize();
    }

    /** The first {@code size} bytes, for a section's views. */
    MemorySegment slice(long size) {
        return memory.asSlice(0, size);
    }

    /** A read of the file at {@code offset}: the cached part from memory, the rest through {@code file}. */
    int read(FileChannel file, byte[] buffer, int at, int length, long offset) throws IOException {
        long size = file.size();
        if (offset >= size || length == 0) {
            return 0;
        }
        int n = (int) Math.min(length, size - offset);
        int cached = offset < capacity() ? (int) Math.min(n, capacity() - offset) : 0;
        if (cached > 0) {
            MemorySegment.copy(memory, JAVA_BYTE, offset, buffer, at, cached);
        }
        int total = cached;
        ByteBuffer rest = ByteBuffer.wrap(buffer, at + cached, n - cached);
        while (rest.hasRemaining()) {
            int got = file.read(rest, offset + total);
            if (got <= 0) {
                break;
            }
            total += got;
        }
        return total;
    }

    /** A write at {@code offset}: the cached part into memory, the rest through {@code file}, which grows to fit. */
    int write(FileChannel file, byte[] buffer, int at, int length, long offset) throws IOException {
        int cached = offset < capacity() ? (int) Math.min(length, capacity() - offset) : 0;
        if (cached > 0) {
            MemorySegment.copy(buffer, at, memory, JAVA_BYTE, offset, cached);
        }
        int total = cached;
        ByteBuffer rest = ByteBuffer.wrap(buffer, at + cached, length - cached);
        while (rest.hasRemaining()) {
            total += file.write(rest, offset + total);
        }
        long end = offset + length;
        if (length > 0 && end > file.size()) {
            // the size grows; the byte lies in the cached range, whose file copy is stale until written back
            file.write(ByteBuffer.wrap(new byte[1]), end - 1);
        }
        return total;
    }

    /** After the file was cut to {@code size}: what lies past it reads as zeros if the file grows again. */
    void truncated(long size) {
        if (size < capacity()) {
            memory.asSlice(size).fill((byte) 0);
        }
    }

    /** Writes {@code [offset, offset + length)} of the cached range back to the file, within its size. */
    void writeBack(long offset, long length) throws IOException {
        long end = Math.min(Math.min(offset + length, capacity()), channel.size());
        for (long at = Math.max(0, offset); at < end; ) {
            ByteBuffer from = memory.asSlice(at, Math.min(CHUNK, end - at)).asByteBuffer();
            while (from.hasRemaining()) {
                channel.write(from, at + from.position());
            }
            at += from.capacity();
        }
    }

    /** Writes everything back, then frees the memory and closes the channel. */
    void close() throws IOException {
        try {
            writeBack(0, capacity());
        } finally {
            pages.release();
            channel.close();
        }
    }
}
