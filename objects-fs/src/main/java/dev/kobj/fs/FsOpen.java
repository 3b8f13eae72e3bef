package dev.kobj.fs;

import dev.kobj.api.io.FileObject;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One file object's open of a volume file (NT's CCB, the file object's FsContext2): the node, the name
 * it was opened by, what it counts for sharing, its delete-on-close flag and the channel its reads and
 * writes go through ({@code null} for a directory or an open without data access). Immutable but for the
 * channel, replaced when a Java interrupt closed it, and {@link #cleanedUp}, set under the volume lock.
 */
final class FsOpen {
    final Volume volume;
    final FileObject file;
    final FileNode node;
    final Path path;
    final boolean reads;
    final boolean writes;
    final boolean deletes;
    final boolean sharesRead;
    final boolean sharesWrite;
    final boolean sharesDelete;
    /** FILE_APPEND_DATA without FILE_WRITE_DATA: every write goes to the end (§8). */
    final boolean appendOnly;
    final boolean deleteOnClose;
    volatile FileChannel channel;
    boolean cleanedUp;
    /** A directory open's scan (NtQueryDirectoryFile): its snapshot and how far it got; guarded by this. */
    java.util.List<dev.kobj.api.fs.FileEntry> listing;
    int listed;

    FsOpen(Volume volume, FileObject file, FileNode node, Path path, int access, int share, boolean deleteOnClose) {
        this.volume = volume;
        this.file = file;
        this.node = node;
        this.path = path;
        this.reads = (access & (Access.READ_DATA | Access.EXECUTE)) != 0;
        this.writes = (access & (Access.WRITE_DATA | Access.APPEND_DATA)) != 0;
        this.deletes = (access & Access.DELETE) != 0;
        this.sharesRead = (share & 1) != 0;
        this.sharesWrite = (share & 2) != 0;
        this.sharesDelete = (share & 4) != 0;
        this.appendOnly = (access & Access.APPEND_DATA) != 0 && (access & Access.WRITE_DATA) == 0;
        this.deleteOnClose = deleteOnClose;
    }

    /** Whether the open uses read, write or delete access, and so counts for sharing. */
    boolean counted() {
        return reads || writes || deletes;
    }

    /** File rights the volume looks at (nt-semantics.md §4.2). */
    static final class Access {
        static final int READ_DATA = 0x0001;
        static final int WRITE_DATA = 0x0002;
        static final int APPEND_DATA = 0x0004;
        static final int EXECUTE = 0x0020;
        static final int DELETE = 0x0001_0000;

        private Access() {
        }
    }
}
