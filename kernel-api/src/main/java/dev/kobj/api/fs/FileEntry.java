package dev.kobj.api.fs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One entry of a directory listing ({@link FileService#queryDirectory}; NT's FILE_DIRECTORY_INFORMATION,
 * Win32's WIN32_FIND_DATA): the name as stored (its case kept), FILE_ATTRIBUTE_* bits, the size in bytes
 * (0 for a directory) and the last write time.
 *
 * @since 0.1
 */
public record FileEntry(String name, int attributes, long size, Instant lastWriteTime) {
    public FileEntry {
        requireNonNull(name, "name is null");
        requireNonNull(lastWriteTime, "lastWriteTime is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }

    /** Whether the entry is a directory (FILE_ATTRIBUTE_DIRECTORY). */
    public boolean isDirectory() {
        return (attributes & FileService.FILE_ATTRIBUTE_DIRECTORY) != 0;
    }
}
