package dev.kobj.fs;

import java.nio.file.Path;

/**
 * One file or directory of a volume while file objects are open on it (NT's FCB), found by file key so
 * that every name of it (hard links) shares it. Holds the share access of its opens (IoCheckShareAccess's
 * counters), the delete-pending mark and the byte-range locks. Fields are guarded by the volume's lock,
 * but for {@link #locks}, which has its own.
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

    FileNode(Object key, boolean directory) {
        this.key = key;
        this.directory = directory;
    }
}
