package dev.kobj.fs;

import static dev.kobj.api.io.CreateParameters.*;
import static dev.kobj.api.status.NtStatus.*;

import dev.kobj.api.fs.FileEntry;
import dev.kobj.api.fs.FileService;
import dev.kobj.api.fs.VolumeConfig;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.memory.BackingStore;
import dev.kobj.api.memory.MemoryService;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One mounted volume (nt-semantics.md §8): a directory tree on a {@link java.nio.file.FileSystem} — a
 * private Jimfs in its Windows configuration, or a host directory — served with Windows semantics:
 * dispositions, share access across every open of a file, delete-pending, read-only files, byte-range
 * locks. Thread-safe.
 *
 * <p>Creates, cleanups and disposition changes take the volume's lock (they read and change the
 * namespace and the nodes together); reads and writes do not, they go to the open's channel, positioned
 * (no shared channel position). A host volume never reaches outside its root: every name is split and
 * checked by {@link WindowsNames} (so no {@code ..}, no absolute path, no separator of the host), looked up
 * case-insensitively one component at a time with links not followed, and any link met is refused
 * (STATUS_ACCESS_DENIED). A host program that swaps a checked directory for a link while a create is
 * between its check and its open is not defended against: that would need openat-style calls.
 */
final class Volume implements AutoCloseable {
    private static final int FILE_ATTRIBUTE_READONLY = FileService.FILE_ATTRIBUTE_READONLY;
    private static final LinkOption[] NO_FOLLOW = VolumeStore.NO_FOLLOW;

    final VolumeConfig config;
    private final VolumeStore store;
    private final Path root;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Object, FileNode> nodes = new HashMap<>(); // guarded by lock

    private Volume(VolumeConfig config, VolumeStore store) {
        this.config = config;
        this.store = store;
        this.root = store.root();
    }

    /** Mounts a configured volume: a new Jimfs, or the host directory (which must exist). */
    static Volume mount(VolumeConfig config) throws IOException {
        return new Volume(config, VolumeStore.mount(config));
    }

    // ---- opens ----

    /**
     * IRP_MJ_CREATE for {@code name} (what follows the drive): the file object's {@link FsOpen} is stored
     * as its context2 and the create disposition in {@code information[0]}.
     */
    int create(FileObject file, String name, CreateParameters p, long[] information) {
        List<String> components = new ArrayList<>();
        int status = WindowsNames.split(name, components);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        lock.lock();
        try {
            return createLocked(file, components, p, information);
        } catch (IOException e) {
            return IoErrors.status(e);
        } catch (java.nio.file.InvalidPathException e) {
            return STATUS_OBJECT_NAME_INVALID; // a name Windows allows but the store cannot hold
        } finally {
            lock.unlock();
        }
    }

    private int createLocked(FileObject file, List<String> components, CreateParameters p, long[] information)
            throws IOException {
        Path dir = root;
        for (int i = 0; i < components.size() - 1; i++) {
            Path next = store.find(dir, components.get(i));
            if (next == null) {
                return STATUS_OBJECT_PATH_NOT_FOUND;
            }
            BasicFileAttributes a = Files.readAttributes(next, BasicFileAttributes.class, NO_FOLLOW);
            if (a.isSymbolicLink() || a.isOther()) {
                return STATUS_ACCESS_DENIED; // links are never followed out of (or within) the volume
            }
            if (!a.isDirectory()) {
                return STATUS_OBJECT_PATH_NOT_FOUND;
            }
            dir = next;
        }
        Path path = components.isEmpty() ? root : store.find(dir, components.getLast());
        int access = p.desiredAccess();
        boolean directoryFile = (p.createOptions() & FILE_DIRECTORY_FILE) != 0;
        boolean deleteOnClose = (p.createOptions() & FILE_DELETE_ON_CLOSE) != 0;
        if (directoryFile && (p.createOptions() & FILE_NON_DIRECTORY_FILE) != 0) {
            return STATUS_INVALID_PARAMETER;
        }
        if (deleteOnClose && (access & FsOpen.Access.DELETE) == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        boolean overwrite = p.disposition() == FILE_SUPERSEDE || p.disposition() == FILE_OVERWRITE
                || p.disposition() == FILE_OVERWRITE_IF;
        FileNode node;
        if (path != null) {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
            if (a.isSymbolicLink() || a.isOther()) {
                return STATUS_ACCESS_DENIED;
            }
            if (p.disposition() == FILE_CREATE) {
                return STATUS_OBJECT_NAME_COLLISION;
            }
            node = nodes.get(VolumeStore.key(path, a));
            if (node != null && node.deletePending) {
                return STATUS_DELETE_PENDING;
            }
            if (a.isDirectory()) {
                if ((p.createOptions() & FILE_NON_DIRECTORY_FILE) != 0) {
                    return STATUS_FILE_IS_A_DIRECTORY;
                }
                if (overwrite) {
                    return STATUS_ACCESS_DENIED;
                }
            } else if (directoryFile) {
                return STATUS_NOT_A_DIRECTORY;
            }
            boolean writes = (access & (FsOpen.Access.WRITE_DATA | FsOpen.Access.APPEND_DATA)) != 0;
            if (p.disposition() == FILE_OVERWRITE && (access & FsOpen.Access.WRITE_DATA) == 0) {
                return STATUS_INVALID_PARAMETER; // TRUNCATE_EXISTING needs write access (§8)
            }
            if (store.readOnly(path) && (writes || overwrite)) {
                return STATUS_ACCESS_DENIED;
            }
            if (store.readOnly(path) && deleteOnClose) {
                return STATUS_CANNOT_DELETE;
            }
            if (node != null && !node.sections.isEmpty() && deleteOnClose) {
                return STATUS_CANNOT_DELETE; // a mapped file cannot be deleted
            }
            if (node == null) {
                node = new FileNode(VolumeStore.key(path, a), a.isDirectory());
            }
            FsOpen open = new FsOpen(this, file, node, path, access, p.shareAccess(), deleteOnClose);
            if (!shareAllowed(node, open)) {
                return STATUS_SHARING_VIOLATION;
            }
            if (!overwrite) {
                return opened(file, open, information, FILE_OPENED);
            }
            if (!node.sections.isEmpty()) {
                return STATUS_USER_MAPPED_FILE; // truncating would cut a section's bytes
            }
            try (FileChannel truncate = FileChannel.open(path, StandardOpenOption.WRITE)) {
                truncate.truncate(0);
            }
            int status = opened(file, open, information,
                    p.disposition() == FILE_SUPERSEDE ? FILE_SUPERSEDED : FILE_OVERWRITTEN);
            // The attributes are replaced, after the opener's channel is open: it may still write.
            store.markReadOnly(path, (p.fileAttributes() & FILE_ATTRIBUTE_READONLY) != 0);
            return status;
        }
        if (p.disposition() == FILE_OPEN || p.disposition() == FILE_OVERWRITE) {
            return STATUS_OBJECT_NAME_NOT_FOUND;
        }
        path = dir.resolve(components.getLast());
        if (directoryFile) {
            Files.createDirectory(path);
        } else {
            Files.createFile(path);
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
        node = new FileNode(VolumeStore.key(path, a), directoryFile);
        FsOpen open = new FsOpen(this, file, node, path, access, p.shareAccess(), deleteOnClose);
        int status;
        try {
            status = opened(file, open, information, FILE_CREATED);
        } catch (IOException e) {
            Files.deleteIfExists(path); // a failed create leaves no file behind
            throw e;
        }
        if ((p.fileAttributes() & FILE_ATTRIBUTE_READONLY) != 0) {
            store.markReadOnly(path, true); // after the creator's channel is open: the creator may still write
        }
        return status;
    }

    /** Opens the channel, then counts the open on its node: nothing is counted if the channel fails. */
    private int opened(FileObject file, FsOpen open, long[] information, long disposition) throws IOException {
        if (!open.node.directory && (open.reads || open.writes)) {
            open.channel = FileChannel.open(open.path, channelOptions(open));
        }
        FileNode node = open.node;
        if (node.opens++ == 0) {
            nodes.put(node.key, node);
        }
        if (open.counted()) {
            node.counted++;
            node.readers += open.reads ? 1 : 0;
            node.writers += open.writes ? 1 : 0;
            node.deleters += open.deletes ? 1 : 0;
            node.sharedRead += open.sharesRead ? 1 : 0;
            node.sharedWrite += open.sharesWrite ? 1 : 0;
            node.sharedDelete += open.sharesDelete ? 1 : 0;
        }
        file.setContext(node);
        file.setContext2(open);
        information[0] = disposition;
        return STATUS_SUCCESS;
    }

    private static Set<OpenOption> channelOptions(FsOpen open) {
        Set<OpenOption> options = new java.util.HashSet<>();
        if (open.reads) {
            options.add(StandardOpenOption.READ);
        }
        if (open.writes) {
            options.add(StandardOpenOption.WRITE);
        }
        options.add(LinkOption.NOFOLLOW_LINKS);
        return options;
    }

    /** IoCheckShareAccess (§8): the new open against every counted open of the node, both ways. */
    private static boolean shareAllowed(FileNode node, FsOpen open) {
        if (!open.counted()) {
            return true;
        }
        return !((open.reads && node.sharedRead < node.counted)
                || (open.writes && node.sharedWrite < node.counted)
                || (open.deletes && node.sharedDelete < node.counted)
                || (node.readers > 0 && !open.sharesRead)
                || (node.writers > 0 && !open.sharesWrite)
                || (node.deleters > 0 && !open.sharesDelete));
    }

    /**
     * IRP_MJ_CLEANUP of an open: its share access and locks go, a delete-on-close open marks the node
     * delete-pending, and the last open of a delete-pending node removes its name. Runs once.
     */
    void cleanup(FsOpen open) {
        lock.lock();
        try {
            if (open.cleanedUp) {
                return;
            }
            open.cleanedUp = true;
            FileNode node = open.node;
            if (open.counted()) {
                node.counted--;
                node.readers -= open.reads ? 1 : 0;
                node.writers -= open.writes ? 1 : 0;
                node.deleters -= open.deletes ? 1 : 0;
                node.sharedRead -= open.sharesRead ? 1 : 0;
                node.sharedWrite -= open.sharesWrite ? 1 : 0;
                node.sharedDelete -= open.sharesDelete ? 1 : 0;
            }
            node.locks.release(open);
            closeQuietly(open.channel);
            if (open.deleteOnClose) {
                node.deletePending = true;
                node.deletePath = open.path;
            }
            dropOpen(node);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: one open (a file object or a section) of the node is gone; the last removes a pending name. */
    private void dropOpen(FileNode node) {
        if (--node.opens == 0) {
            nodes.remove(node.key);
            if (node.deletePending) {
                try {
                    Files.deleteIfExists(node.deletePath);
                } catch (IOException | ClosedFileSystemException e) {
                    // a directory filled meanwhile, the host refused, or the kernel closed its memory
                    // volume before its processes' handles: the name stays, as on a failed delete
                }
            }
        }
    }

    // ---- data ----

    /** IRP_MJ_READ at {@code offset}: bytes read into {@code n[0]}; at or past the end STATUS_END_OF_FILE. */
    int read(FsOpen open, IoRequest request) {
        Object process = request.thread().process();
        int length = request.length();
        long offset = request.byteOffset();
        if (open.channel == null) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        if (!open.node.locks.allows(open, process, offset, length, false)) {
            return STATUS_FILE_LOCK_CONFLICT;
        }
        if (length == 0) {
            return STATUS_SUCCESS;
        }
        FileNode node = open.node;
        long stamp = node.data.readLock();
        try {
            FileCache cache = node.cache;
            int total = cache != null
                    ? cache.read(open.channel, request.buffer(), request.bufferOffset(), length, offset)
                    : read(open.channel, ByteBuffer.wrap(request.buffer(), request.bufferOffset(), length), offset);
            request.setInformation(total);
            return total == 0 ? STATUS_END_OF_FILE : STATUS_SUCCESS;
        } catch (ClosedByInterruptException e) {
            stamp = unlockRead(node, stamp); // reopening takes the volume lock, which comes first
            reopen(open);
            return STATUS_CANCELLED;
        } catch (IOException e) {
            return IoErrors.status(e);
        } finally {
            unlockRead(node, stamp);
        }
    }

    private static int read(FileChannel channel, ByteBuffer target, long offset) throws IOException {
        int total = 0;
        while (target.hasRemaining()) {
            int got = channel.read(target, offset + total);
            if (got <= 0) {
                break;
            }
            total += got;
        }
        return total;
    }

    /** Releases a read stamp unless already released (0); returns 0. */
    private static long unlockRead(FileNode node, long stamp) {
        if (stamp != 0) {
            node.data.unlockRead(stamp);
        }
        return 0;
    }

    /** IRP_MJ_WRITE at {@code offset} (−1 or an append-only open: at the end); a gap reads as zeros. */
    int write(FsOpen open, IoRequest request) {
        Object process = request.thread().process();
        int length = request.length();
        long offset = request.byteOffset();
        FileChannel channel = open.channel;
        if (channel == null) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        FileNode node = open.node;
        long stamp = node.data.readLock();
        try {
            long at = offset < 0 || open.appendOnly ? channel.size() : offset;
            if (!node.locks.allows(open, process, at, length, true)) {
                return STATUS_FILE_LOCK_CONFLICT;
            }
            request.setByteOffset(at); // a synchronous file's pointer ends after what was written (§8)
            FileCache cache = node.cache;
            int total;
            if (cache != null) {
                total = cache.write(channel, request.buffer(), request.bufferOffset(), length, at);
            } else {
                ByteBuffer source = ByteBuffer.wrap(request.buffer(), request.bufferOffset(), length);
                total = 0;
                while (source.hasRemaining()) {
                    total += channel.write(source, at + total);
                }
            }
            request.setInformation(total);
            return STATUS_SUCCESS;
        } catch (ClosedByInterruptException e) {
            stamp = unlockRead(node, stamp);
            reopen(open);
            return STATUS_CANCELLED;
        } catch (IOException e) {
            return IoErrors.status(e);
        } finally {
            unlockRead(node, stamp);
        }
    }

    /**
     * A Java interrupt closes a channel for good; the file object outlives it, so it gets a new one
     * (the caller's interrupt flag stays set, and its I/O reports STATUS_CANCELLED).
     */
    private void reopen(FsOpen open) {
        lock.lock();
        try {
            if (!open.cleanedUp && !open.channel.isOpen()) {
                boolean interrupted = Thread.interrupted();
                try {
                    open.channel = FileChannel.open(open.path, channelOptions(open));
                } catch (IOException e) {
                    // the file object's later I/O reports STATUS_FILE_CLOSED
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** IRP_MJ_FLUSH_BUFFERS: to the host's disk (a no-op on Jimfs). */
    int flush(FsOpen open) {
        FileChannel channel = open.channel;
        if (channel == null) {
            return STATUS_SUCCESS;
        }
        FileNode node = open.node;
        long stamp = node.data.readLock();
        try {
            if (node.cache != null) {
                node.cache.writeBack(0, node.cache.capacity()); // a memory volume's mapped bytes first
            }
            channel.force(false);
            return STATUS_SUCCESS;
        } catch (IOException e) {
            return IoErrors.status(e);
        } finally {
            node.data.unlockRead(stamp);
        }
    }

    // ---- information ----

    int size(FsOpen open, long[] size) {
        if (open.node.directory) {
            size[0] = 0;
            return STATUS_SUCCESS;
        }
        try {
            FileChannel channel = open.channel;
            size[0] = channel != null ? channel.size() : Files.size(open.path);
            return STATUS_SUCCESS;
        } catch (IOException e) {
            return IoErrors.status(e);
        }
    }

    /** Truncates or extends; never below a live section of the file (STATUS_USER_MAPPED_FILE). */
    int setEndOfFile(FsOpen open, long size) {
        FileChannel channel = open.channel;
        FileNode node = open.node;
        if (node.directory || channel == null) {
            return STATUS_INVALID_PARAMETER;
        }
        lock.lock();
        long stamp = node.data.writeLock();
        try {
            if (size < node.mappedSize()) {
                return STATUS_USER_MAPPED_FILE;
            }
            long current = channel.size();
            if (size < current) {
                channel.truncate(size);
                if (node.cache != null) {
                    node.cache.truncated(size);
                }
            } else if (size > current) {
                // extends with zeros (a cached range already holds them: the byte's file copy is stale)
                channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
            return STATUS_SUCCESS;
        } catch (IOException e) {
            return IoErrors.status(e);
        } finally {
            node.data.unlockWrite(stamp);
            lock.unlock();
        }
    }

    int setDisposition(FsOpen open, boolean delete) {
        lock.lock();
        try {
            FileNode node = open.node;
            if (!delete) {
                node.deletePending = false;
                return STATUS_SUCCESS;
            }
            if (store.readOnly(open.path) || !node.sections.isEmpty()) {
                return STATUS_CANNOT_DELETE; // read-only, or mapped
            }
            if (node.directory) {
                if (open.path.equals(root)) {
                    return STATUS_CANNOT_DELETE;
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(open.path)) {
                    if (entries.iterator().hasNext()) {
                        return STATUS_DIRECTORY_NOT_EMPTY;
                    }
                }
            }
            node.deletePending = true;
            node.deletePath = open.path;
            return STATUS_SUCCESS;
        } catch (IOException e) {
            return IoErrors.status(e);
        } finally {
            lock.unlock();
        }
    }

    int attributes(FsOpen open, int[] attributes) {
        try {
            int bits = open.node.directory ? FileService.FILE_ATTRIBUTE_DIRECTORY : FileService.FILE_ATTRIBUTE_ARCHIVE;
            attributes[0] = bits | (store.readOnly(open.path) ? FILE_ATTRIBUTE_READONLY : 0);
            return STATUS_SUCCESS;
        } catch (IOException e) {
            return IoErrors.status(e);
        }
    }

    /**
     * NtQueryDirectoryFile on a directory open ({@link FileService#queryDirectory}): a snapshot of the
     * matching entries taken by the first call or a restart, handed out in order. Host entries that are
     * links or other special files, or whose names Windows could not hold, are left out (they cannot be
     * opened through the volume either).
     */
    int queryDirectory(FsOpen open, String pattern, boolean restart, FileEntry[] entries, int[] count) {
        if (!open.node.directory) {
            return STATUS_INVALID_PARAMETER;
        }
        synchronized (open) {
            boolean first = open.listing == null || restart;
            if (first) {
                try {
                    open.listing = list(open.path, NamePattern.of(pattern));
                } catch (IOException e) {
                    return IoErrors.status(e);
                }
                open.listed = 0;
            }
            int n = Math.min(entries.length, open.listing.size() - open.listed);
            for (int i = 0; i < n; i++) {
                entries[i] = open.listing.get(open.listed++);
            }
            count[0] = n;
            if (n > 0) {
                return STATUS_SUCCESS;
            }
            return first ? STATUS_NO_SUCH_FILE : STATUS_NO_MORE_FILES;
        }
    }

    private List<FileEntry> list(Path dir, NamePattern pattern) throws IOException {
        List<FileEntry> found = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!WindowsNames.valid(name) || !pattern.matches(name)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(child, BasicFileAttributes.class, NO_FOLLOW);
                } catch (java.nio.file.NoSuchFileException e) {
                    continue; // gone meanwhile
                }
                if (a.isSymbolicLink() || a.isOther()) {
                    continue;
                }
                found.add(entry(name, child, a));
            }
        }
        found.sort(java.util.Comparator.comparing(e -> e.name().toUpperCase(java.util.Locale.ROOT)));
        if (!dir.equals(root)) { // NTFS lists the directory itself and its parent first, below the root
            BasicFileAttributes self = Files.readAttributes(dir, BasicFileAttributes.class, NO_FOLLOW);
            BasicFileAttributes parent = Files.readAttributes(dir.getParent(), BasicFileAttributes.class, NO_FOLLOW);
            List<FileEntry> dots = new ArrayList<>(2);
            if (pattern.matches(".")) {
                dots.add(entry(".", dir, self));
            }
            if (pattern.matches("..")) {
                dots.add(entry("..", dir.getParent(), parent));
            }
            found.addAll(0, dots);
        }
        return found;
    }

    private FileEntry entry(String name, Path path, BasicFileAttributes a) throws IOException {
        int attributes = a.isDirectory() ? FileService.FILE_ATTRIBUTE_DIRECTORY : FileService.FILE_ATTRIBUTE_ARCHIVE;
        if (store.readOnly(path)) {
            attributes |= FILE_ATTRIBUTE_READONLY;
        }
        return new FileEntry(name, attributes, a.isDirectory() ? 0 : a.size(), a.lastModifiedTime().toInstant());
    }

    /** A lock control request: granted, refused, or pending until granted or cancelled. */
    int lock(FsOpen open, IoRequest request, LockRange range) {
        return open.node.locks.lock(open, request.thread().process(), range.offset(), range.length(),
                range.exclusive(), range.failImmediately() ? null : request);
    }

    int unlock(FsOpen open, Object process, long offset, long length) {
        return open.node.locks.unlock(open, process, offset, length) ? STATUS_SUCCESS : STATUS_RANGE_NOT_LOCKED;
    }

    // ---- sections ----

    /**
     * A section's store over the open's file ({@link dev.kobj.api.io.Driver#sectionStore}): sized and the
     * file extended as the driver SPI says; on a memory volume a slice of the file's cache (made now if this
     * is its first section, as large as the file or the section), on a host volume a shared mapping.
     */
    int sectionStore(FsOpen open, long size, boolean writable, MemoryService memory, BackingStore[] made) {
        FileNode node = open.node;
        if (node.directory || open.channel == null) {
            return STATUS_INVALID_FILE_FOR_SECTION;
        }
        lock.lock();
        try {
            if (open.cleanedUp) {
                return STATUS_FILE_CLOSED;
            }
            long fileSize = open.channel.size();
            long sectionSize = size == 0 ? fileSize : size;
            if (sectionSize == 0) {
                return STATUS_MAPPED_FILE_SIZE_ZERO;
            }
            if (sectionSize > fileSize && !writable) {
                return STATUS_SECTION_TOO_BIG; // only a writable section extends its file
            }
            if (writable && !open.writes) {
                return STATUS_ACCESS_DENIED; // a handle duplicated with more than its file object was opened for
            }
            FileStore store = config.kind() == VolumeConfig.Kind.MEMORY
                    ? cachedStore(open, sectionSize, fileSize, memory)
                    : mappedStore(open, sectionSize, writable);
            if (store == null) {
                return node.cache != null ? STATUS_SECTION_TOO_BIG : STATUS_NO_MEMORY;
            }
            node.sections.add(store);
            node.opens++; // the node (and its cache) stays while the section does, handles or not
            made[0] = store;
            return STATUS_SUCCESS;
        } catch (IOException e) {
            return IoErrors.status(e);
        } catch (java.io.UncheckedIOException e) {
            return IoErrors.status(e.getCause());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock, on a memory volume: a slice of the node's cache, made if there is none. A cache is
     * as large as the file or the first section; a later section larger than that while the cache lives
     * gets {@code null} (its views could not share the bytes of the ones already mapped).
     */
    private FileStore cachedStore(FsOpen open, long sectionSize, long fileSize, MemoryService memory)
            throws IOException {
        FileNode node = open.node;
        long stamp = node.data.writeLock();
        try {
            FileCache cache = node.cache;
            if (cache != null && sectionSize > cache.capacity()) {
                return null;
            }
            if (sectionSize > fileSize) {
                // zeros, also in a live cache (which holds zeros past the end); its file copy is stale anyway
                open.channel.write(ByteBuffer.wrap(new byte[1]), sectionSize - 1);
            }
            if (cache == null) {
                long capacity = Math.max(sectionSize, fileSize);
                BackingStore pages = memory.pagefile(capacity);
                if (pages == null) {
                    return null;
                }
                FileChannel channel = null;
                try {
                    channel = FileChannel.open(open.path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
                    cache = new FileCache(pages, channel);
                } catch (IOException | RuntimeException e) {
                    pages.release();
                    closeQuietly(channel);
                    throw e;
                }
                node.cache = cache;
            }
            return new FileStore(this, node, cache.slice(sectionSize), false);
        } finally {
            node.data.unlockWrite(stamp);
        }
    }

    /** Under the lock, on a host volume: the file mapped shared (read-only unless writable), extended first. */
    private FileStore mappedStore(FsOpen open, long sectionSize, boolean writable) throws IOException {
        Set<OpenOption> options = writable
                ? Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)
                : Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel channel = FileChannel.open(open.path, options)) {
            if (sectionSize > channel.size()) {
                channel.write(ByteBuffer.wrap(new byte[1]), sectionSize - 1);
            }
            MemorySegment mapped = channel.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY,
                    0, sectionSize, Arena.ofAuto());
            return new FileStore(this, open.node, mapped, true);
        }
    }

    /** FlushViewOfFile on a store: a host mapping is forced to disk; a cache writes the range back. */
    int flush(FileStore store, long offset, long length) {
        FileNode node = store.node;
        long stamp = node.data.readLock();
        try {
            if (store.mapped) {
                store.segment().asSlice(offset, length).force();
            } else if (node.cache != null) {
                node.cache.writeBack(offset, length);
            }
            return STATUS_SUCCESS;
        } catch (IOException e) {
            return IoErrors.status(e);
        } catch (java.io.UncheckedIOException e) {
            return IoErrors.status(e.getCause());
        } catch (ClosedFileSystemException e) {
            return STATUS_SUCCESS; // the kernel closed the memory volume: nothing is left to write to
        } finally {
            node.data.unlockRead(stamp);
        }
    }

    /** A section died: its mapping goes; the last one of the file writes the cache back and drops it. */
    void release(FileStore store) {
        lock.lock();
        try {
            if (store.released) {
                return;
            }
            store.released = true;
            FileNode node = store.node;
            node.sections.remove(store);
            if (!store.mapped && node.sections.isEmpty() && node.cache != null) {
                long stamp = node.data.writeLock();
                try {
                    node.cache.close();
                } catch (IOException | ClosedFileSystemException e) {
                    // the kernel closed the memory volume first: nothing is left to write to
                } finally {
                    node.cache = null;
                    node.data.unlockWrite(stamp);
                }
            }
            dropOpen(node);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was buffered: a failed close loses nothing
            }
        }
    }

    /** Closes a memory volume's file system (its files go with it); a host directory stays as it is. */
    @Override
    public void close() throws IOException {
        store.close();
    }
}
