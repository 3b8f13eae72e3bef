package dev.kobj.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * One file or directory of a volume while file objects are open on it (NT's FCB), found by file key so
 * that every name of it (hard links) shares it. Holds the share access of its opens (IoCheckShareAccess's
 * counters), the delete-pending mark, the byte-range locks, and the stores of the sections over it.
 * Fields are guarded by the volume's lock, but for {@link #locks}, which has its own, and {@link #cache},
 * which is changed under both the volume's lock and {@link #data}'s write lock and read under either.
 */
final class FileNode {
    final Object key;
    final boolean directory;
    /** File objects open on the node, counted or not for sharing. */
    int opens;
    /** Opens that use read, write or delete access, and what they use and share (§8 share modes). */
    int counted;
    int readers;
    int writers;
    int deleters;
    int sharedRead;
    int sharedWrite;
    int sharedDelete;
    /** Marked by FileDispositionInformation or by a delete-on-close open's cleanup. */
    boolean deletePending;
    /** The name that goes when the last file object closes, when delete-pending. */
    Path deletePath;
    final ByteRangeLocks locks = new ByteRangeLocks();
    /** The live section stores over the file; each counts as an open of the node until released. */
    final List<FileStore> sections = new ArrayList<>();
    /** On a memory volume while sections live: the file's first bytes, shared by views and file I/O. */
    FileCache cache;
    /** Reads and writes hold it shared; making and dropping the cache and truncation, exclusive. */
    final StampedLock data = new StampedLock();

    /** The largest live section: the file cannot be cut below it (STATUS_USER_MAPPED_FILE). */
    long mappedSize() {
        long max = 0;
        for (FileStore store : sections) {
            max = Math.max(max, store.size());
        }
        return max;
    }

    FileNode(Object key, boolean directory) {
        this.key = key;
        this.directory = directory;
    }
}
