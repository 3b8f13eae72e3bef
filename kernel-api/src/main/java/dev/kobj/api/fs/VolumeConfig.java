package dev.kobj.api.fs;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One volume a kernel mounts (nt-semantics.md §8): a drive letter, reached as {@code \??\X:}, and where its
 * files live. {@link Kind#MEMORY} is an in-memory file system private to the kernel (gone when it closes);
 * {@link Kind#HOST_DIRECTORY} serves the files under {@code root} on the host, never anything outside it.
 * Immutable; checked in its constructor.
 *
 * @param drive the drive letter, upper case A–Z
 * @param kind  where the files live
 * @param root  the host directory of a {@link Kind#HOST_DIRECTORY} volume, {@code null} for a memory one
 * @since 0.1
 */
public record VolumeConfig(char drive, Kind kind, Path root) {
    /** Where a volume's files live. */
    public enum Kind { MEMORY, HOST_DIRECTORY }

    public VolumeConfig {
        if (drive < 'A' || drive > 'Z') {
            throw new IllegalArgumentException("invalid drive letter '" + drive + "': use A-Z");
        }
        requireNonNull(kind, "kind is null");
        if (kind == Kind.HOST_DIRECTORY) {
            requireNonNull(root, "root is null");
            root = root.toAbsolutePath().normalize();
        } else if (root != null) {
            throw new IllegalArgumentException("a memory volume has no host root");
        }
    }

    /** An in-memory volume on {@code drive} (a letter, either case). */
    public static VolumeConfig memory(char drive) {
        return new VolumeConfig(Character.toUpperCase(drive), Kind.MEMORY, null);
    }

    /** A volume on {@code drive} serving the host directory {@code root} (which must exist when the kernel boots). */
    public static VolumeConfig hostDirectory(char drive, Path root) {
        return new VolumeConfig(Character.toUpperCase(drive), Kind.HOST_DIRECTORY, root);
    }

    /** The DOS device name, {@code "C:"}. */
    public String dosName() {
        return drive + ":";
    }
}
