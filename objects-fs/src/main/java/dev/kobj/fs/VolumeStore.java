package dev.kobj.fs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.kobj.api.fs.VolumeConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a volume's files live and how the store is asked Windows questions: case-insensitive lookup of
 * one name in a directory (by hand on a case-sensitive host disk), file identity, and the read-only
 * attribute (DOS attributes on Jimfs and Windows hosts, the owner's write bit elsewhere). Links are never
 * followed. Immutable; thread-safe as the underlying file system is.
 */
final class VolumeStore implements AutoCloseable {
    static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path root;
    private final FileSystem owned;
    /** The store's own lookups are case-sensitive: names are matched by hand (a Unix host). */
    private final boolean foldCase;
    /** Read-only lives in DOS attributes (Jimfs, a Windows host), else in the POSIX write bits. */
    private final boolean dosAttributes;

    private VolumeStore(Path root, FileSystem owned, boolean foldCase, boolean dosAttributes) {
        this.root = root;
        this.owned = owned;
        this.foldCase = foldCase;
        this.dosAttributes = dosAttributes;
    }

    /** A new Jimfs in its Windows configuration, or the host directory (which must exist). */
    static VolumeStore mount(VolumeConfig config) throws IOException {
        if (config.kind() == VolumeConfig.Kind.MEMORY) {
            FileSystem jimfs = Jimfs.newFileSystem(Configuration.windows().toBuilder()
                    .setRoots(config.dosName() + "\\").setWorkingDirectory(config.dosName() + "\\")
                    .setAttributeViews("basic", "dos").build());
            return new VolumeStore(jimfs.getPath(config.dosName() + "\\"), jimfs, false, true);
        }
        Path root = config.root().toRealPath();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a directory");
        }
        Set<String> views = root.getFileSystem().supportedFileAttributeViews();
        boolean dos = views.contains("dos") && !views.contains("posix");
        return new VolumeStore(root, null, !dos, dos);
    }

    Path root() {
        return root;
    }

    /** The entry of {@code dir} named {@code name} in any case (the exact one first), or {@code null}. */
    Path find(Path dir, String name) throws IOException {
        Path exact = dir.resolve(name);
        if (Files.exists(exact, NO_FOLLOW)) {
            return exact;
        }
        if (!foldCase) {
            return null;
        }
        Path found = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String entryName = entry.getFileName().toString();
                if (WindowsNames.sameName(entryName, name)
                        && (found == null || entryName.compareTo(found.getFileName().toString()) < 0)) {
                    found = entry; // two names differing only in case on the host: the first in order
                }
            }
        }
        return found;
    }

    /** The file's identity: its file key (so hard links are one file), else its real name in upper case. */
    static Object key(Path path, BasicFileAttributes attributes) throws IOException {
        Object key = attributes.fileKey();
        return key != null ? key : path.toRealPath().toString().toUpperCase(Locale.ROOT);
    }

    boolean readOnly(Path path) throws IOException {
        if (dosAttributes) {
            return Files.readAttributes(path, DosFileAttributes.class, NO_FOLLOW).isReadOnly();
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, NO_FOLLOW);
        if (view == null) {
            return false;
        }
        // the owner's write bit, not access(2): a kernel run by root still sees read-only files as such
        var a = view.readAttributes();
        return !a.isDirectory() && !a.permissions().contains(PosixFilePermission.OWNER_WRITE);
    }

    /**
     * Sets or clears read-only once the file object is counted: a store that refuses loses the attribute,
     * not the open (which could no longer be undone).
     */
    void markReadOnly(Path path, boolean readOnly) {
        try {
            setReadOnly(path, readOnly);
        } catch (IOException | UnsupportedOperationException e) {
            // the file stays as the store has it
        }
    }

    private void setReadOnly(Path path, boolean readOnly) throws IOException {
        if (dosAttributes) {
            Files.getFileAttributeView(path, DosFileAttributeView.class, NO_FOLLOW).setReadOnly(readOnly);
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, NO_FOLLOW);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (readOnly) {
            permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_WRITE));
        } else {
            permissions.add(PosixFilePermission.OWNER_WRITE);
        }
        view.setPermissions(permissions);
    }

    /** Closes a memory volume's file system (its files go with it); a host directory stays as it is. */
    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
