package dev.kobj.launcher;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.KernelConfig;
import dev.kobj.api.fs.VolumeConfig;
import dev.kobj.api.security.Identity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the launcher boots: the kernel's configuration and who the console process runs as. Immutable.
 * Read from the global options and, with {@code --config}, a TOML or JSON file of this schema (every
 * key optional, unknown keys rejected):
 *
 * <pre>
 * modules  = ["sync", "ipc"]        # plugin module ids; default every module found
 * plugins  = ["plugins"]            # plugin directories, relative to the file
 * threads  = "virtual"              # or "platform": the Java threads of kernel-created threads
 * identity = "user"                 # or "system": who the console process (kobj.exe) runs as
 * [[volumes]]                       # default one in-memory C:
 * drive = "C"
 * kind  = "memory"                  # or "host", serving the host directory `path` (relative to the file)
 * path  = "share"
 * </pre>
 *
 * {@code --modules} on the command line replaces the file's list; {@code --plugins} adds to it.
 */
record LauncherConfig(KernelConfig kernel, Identity identity) {
    LauncherConfig {
        requireNonNull(kernel, "kernel is null");
        requireNonNull(identity, "identity is null");
    }

    /** The file's schema, as Jackson reads it. */
    record File(List<String> modules, List<String> plugins, String threads, String identity, List<Volume> volumes) {
    }

    /** One {@code [[volumes]]} entry. */
    record Volume(String drive, String kind, String path) {
    }

    static LauncherConfig of(GlobalOptions options) {
        File file = options.config == null ? new File(null, null, null, null, null) : ConfigFileReader.read(options.config);
        Path base = options.config == null ? Path.of("") : options.config.toAbsolutePath().getParent();
        List<String> modules = !options.modules.isEmpty() ? options.modules
                : file.modules() == null ? List.of() : file.modules();
        KernelConfig kernel = KernelConfig.defaults().withModules(modules.toArray(String[]::new));
        if (file.plugins() != null) {
            for (String directory : file.plugins()) {
                kernel = kernel.withPluginDirectory(base.resolve(directory));
            }
        }
        for (Path directory : options.pluginDirectories) {
            kernel = kernel.withPluginDirectory(directory);
        }
        if (file.threads() != null) {
            kernel = kernel.withThreads(switch (file.threads().toLowerCase(Locale.ROOT)) {
                case "virtual" -> KernelConfig.ThreadKind.VIRTUAL;
                case "platform" -> KernelConfig.ThreadKind.PLATFORM;
                default -> throw new IllegalArgumentException(
                        "config: threads must be \"virtual\" or \"platform\", not \"" + file.threads() + "\"");
            });
        }
        if (file.volumes() != null) {
            List<VolumeConfig> volumes = new ArrayList<>();
            for (Volume v : file.volumes()) {
                volumes.add(volume(v, base));
            }
            kernel = kernel.withVolumes(volumes.toArray(VolumeConfig[]::new));
        }
        Identity identity = file.identity() == null ? Identity.DEFAULT
                : switch (file.identity().toLowerCase(Locale.ROOT)) {
                    case "user" -> Identity.DEFAULT;
                    case "system" -> Identity.SYSTEM;
                    default -> throw new IllegalArgumentException(
                            "config: identity must be \"user\" or \"system\", not \"" + file.identity() + "\"");
                };
        return new LauncherConfig(kernel, identity);
    }

    private static VolumeConfig volume(Volume v, Path base) {
        if (v.drive() == null || v.drive().length() != 1) {
            throw new IllegalArgumentException("config: a volume's drive is one letter, not " + v.drive());
        }
        char drive = v.drive().charAt(0);
        String kind = v.kind() == null ? "memory" : v.kind().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "memory" -> {
                if (v.path() != null) {
                    throw new IllegalArgumentException("config: memory volume " + drive + ": has no path");
                }
                yield VolumeConfig.memory(drive);
            }
            case "host" -> {
                if (v.path() == null) {
                    throw new IllegalArgumentException("config: host volume " + drive + ": needs a path");
                }
                yield VolumeConfig.hostDirectory(drive, base.resolve(v.path()));
            }
            default -> throw new IllegalArgumentException(
                    "config: volume kind must be \"memory\" or \"host\", not \"" + v.kind() + "\"");
        };
    }
}
