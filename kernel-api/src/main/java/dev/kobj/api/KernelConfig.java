package dev.kobj.api;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.fs.VolumeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to assemble a kernel: which plugin modules (by id; empty means every module found), where to
 * look for more plugin jars, and the class loader whose class path is searched.
 *
 * <p>A plugin directory holds plugin jars, or folders of jars (one plugin each, with its libraries);
 * each is loaded by its own class loader, a child of {@code classLoader}.
 *
 * <p>{@code threads} says what Java threads the kernel creates for the threads it starts
 * (CreateThread, a new process's first thread): virtual by default, platform for bodies that block
 * outside kobj while holding a monitor or must not share carriers.
 *
 * <p>{@code volumes} are the drives the file-system family mounts, each as {@code \Device\HarddiskVolume<n>}
 * (n from 1, in list order) with the link {@code \??\X:}: by default one in-memory {@code C:}. Drive
 * letters are distinct; the list may be empty (no drives).
 *
 * <p>{@code limits} bound what the kernel hands out: handles per process and live processes (see
 * {@link Limits}); by default Windows' 2^24 handles and no process limit.
 *
 * @since 0.1
 */
public record KernelConfig(Set<String> moduleIds, List<Path> pluginDirectories, ClassLoader classLoader,
        ThreadKind threads, List<VolumeConfig> volumes, Limits limits) {
    /** The kind of Java thread a kernel-created thread runs on. */
    public enum ThreadKind { VIRTUAL, PLATFORM }

    /**
     * Kernel-wide limits. {@code handles}: the most handles one process may hold, in [1, 2^24] (a
     * create or open beyond it fails with STATUS_INSUFFICIENT_RESOURCES; a module's
     * {@link dev.kobj.api.object.HandleTablePolicy} can only lower it). {@code processes}: the most
     * processes alive at once, at least 1 (CreateProcess beyond it fails with STATUS_QUOTA_EXCEEDED,
     * as a job's active-process limit does).
     */
    public record Limits(int handles, int processes) {
        /** Windows' handle-table capacity and no process limit. */
        public static final Limits DEFAULT = new Limits(dev.kobj.api.object.HandleTablePolicy.MAX_HANDLES, Integer.MAX_VALUE);

        public Limits {
            if (handles < 1 || handles > dev.kobj.api.object.HandleTablePolicy.MAX_HANDLES) {
                throw new IllegalArgumentException("handles must be in [1, 2^24]: " + handles);
            }
            if (processes < 1) {
                throw new IllegalArgumentException("processes must be at least 1: " + processes);
            }
        }

        public Limits withHandles(int handles) {
            return new Limits(handles, processes);
        }

        public Limits withProcesses(int processes) {
            return new Limits(handles, processes);
        }
    }

    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]*");

    public KernelConfig {
        requireNonNull(moduleIds, "moduleIds is null");
        requireNonNull(pluginDirectories, "pluginDirectories is null");
        requireNonNull(classLoader, "classLoader is null");
        requireNonNull(threads, "threads is null");
        requireNonNull(volumes, "volumes is null");
        requireNonNull(limits, "limits is null");
        Set<Character> drives = new java.util.HashSet<>();
        for (VolumeConfig volume : volumes) {
            requireNonNull(volume, "volume is null");
            if (!drives.add(volume.drive())) {
                throw new IllegalArgumentException("drive " + volume.dosName() + " is configured twice");
            }
        }
        volumes = List.copyOf(volumes);
        for (String id : moduleIds) {
            requireNonNull(id, "module id is null");
            if (!MODULE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("invalid module id '" + id + "': use [a-z][a-z0-9-]*");
            }
        }
        moduleIds = Set.copyOf(new LinkedHashSet<>(moduleIds));
        pluginDirectories = List.copyOf(pluginDirectories);
    }

    /** A configuration with the default limits. */
    public KernelConfig(Set<String> moduleIds, List<Path> pluginDirectories, ClassLoader classLoader,
            ThreadKind threads, List<VolumeConfig> volumes) {
        this(moduleIds, pluginDirectories, classLoader, threads, volumes, Limits.DEFAULT);
    }

    /** A configuration with the default volume (an in-memory {@code C:}). */
    public KernelConfig(Set<String> moduleIds, List<Path> pluginDirectories, ClassLoader classLoader,
            ThreadKind threads) {
        this(moduleIds, pluginDirectories, classLoader, threads, List.of(VolumeConfig.memory('C')));
    }

    /** A configuration whose kernel-created threads are virtual. */
    public KernelConfig(Set<String> moduleIds, List<Path> pluginDirectories, ClassLoader classLoader) {
        this(moduleIds, pluginDirectories, classLoader, ThreadKind.VIRTUAL);
    }

    /** Every module on the class path of kobj's own class loader, no plugin directory. */
    public static KernelConfig defaults() {
        return new KernelConfig(Set.of(), List.of(), KernelConfig.class.getClassLoader());
    }

    /** Whether every module found is loaded (no explicit id list). */
    public boolean allModules() {
        return moduleIds.isEmpty();
    }

    /** Only the modules with these ids (the core is always loaded). */
    public KernelConfig withModules(String... ids) {
        return new KernelConfig(Set.of(ids), pluginDirectories, classLoader, threads, volumes, limits);
    }

    /** Also loads the plugins in {@code directory}. */
    public KernelConfig withPluginDirectory(Path directory) {
        List<Path> directories = new ArrayList<>(pluginDirectories);
        directories.add(requireNonNull(directory, "directory is null"));
        return new KernelConfig(moduleIds, directories, classLoader, threads, volumes, limits);
    }

    /** Searches the class path of {@code loader} for modules. */
    public KernelConfig withClassLoader(ClassLoader loader) {
        return new KernelConfig(moduleIds, pluginDirectories, loader, threads, volumes, limits);
    }

    /** Runs the threads the kernel creates on Java threads of {@code kind}. */
    public KernelConfig withThreads(ThreadKind kind) {
        return new KernelConfig(moduleIds, pluginDirectories, classLoader, kind, volumes, limits);
    }

    /** Mounts exactly these volumes (in place of the default in-memory {@code C:}). */
    public KernelConfig withVolumes(VolumeConfig... volumes) {
        return new KernelConfig(moduleIds, pluginDirectories, classLoader, threads, List.of(volumes), limits);
    }

    /** Bounds handles per process and live processes (in place of {@link Limits#DEFAULT}). */
    public KernelConfig withLimits(Limits limits) {
        return new KernelConfig(moduleIds, pluginDirectories, classLoader, threads, volumes, limits);
    }
}
