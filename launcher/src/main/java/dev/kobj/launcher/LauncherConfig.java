package dev.kobj.launcher;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.KernelConfig;
import dev.kobj.api.fs.VolumeConfig;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.security.Identity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the launcher boots: the kernel's configuration, and who the console process runs as and in
 * which session. Immutable.
 * Read from the global options and, with {@code --config}, a TOML or JSON file of this schema (every
 * key optional, unknown keys rejected):
 *
 * <pre>
 * modules  = ["sync", "ipc"]        # plugin module ids; default every module found
 * plugins  = ["plugins"]            # plugin directories, relative to the file
 * threads  = "virtual"              # or "platform": the Java threads of kernel-created threads
 * identity = "user"                 # or "system": who the console process (kobj.exe) runs as
 * session  = 1                      # the console's session, 0 to 65535: names resolve in
 *                                   # \Sessions\N\BaseNamedObjects (\BaseNamedObjects for 0)
 * [limits]                          # kernel-wide; each key optional
 * handles   = 16777216              # per-process handle table, 1 to 2^24 (beyond: STATUS_INSUFFICIENT_RESOURCES)
 * processes = 64                    # live processes, at least 1 (CreateProcess beyond: STATUS_QUOTA_EXCEEDED)
 * [[volumes]]                       # default one in-memory C:
 * drive = "C"
 * kind  = "memory"                  # or "host", serving the host directory `path` (relative to the file)
 * path  = "share"
 * </pre>
 *
 * {@code --modules} on the command line replaces the file's list; {@code --plugins} adds to it.
 */
record LauncherConfig(KernelConfig kernel, Identity identity, int session) {
    /** The highest session a config may name (Windows numbers sessions with small integers too). */
    static final int MAX_SESSION = 65535;

    LauncherConfig {
        requireNonNull(kernel, "kernel is null");
        requireNonNull(identity, "identity is null");
    }

    /** The file's schema, as Jackson reads it (numbers as Long so out-of-range values get our message). */
    record File(List<String> modules, List<String> plugins, String threads, String identity, List<Volume> volumes,
            Long session, Limits limits) {
        static final File EMPTY = new File(null, null, null, null, null, null, null);
    }

    /** The {@code [limits]} table. */
    record Limits(Long handles, Long processes) {
    }

    /** One {@code [[volumes]]} entry. */
    record Volume(String drive, String kind, String path) {
    }

    static LauncherConfig of(GlobalOptions options) {
        File file = options.config == null ? File.EMPTY : ConfigFileReader.read(options.config);
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
        if (file.limits() != null) {
            kernel = kernel.withLimits(limits(file.limits()));
        }
        int session = file.session() == null ? ProcessService.DEFAULT_SESSION
                : (int) inRange("session", file.session(), 0, MAX_SESSION);
        Identity identity = file.identity() == null ? Identity.DEFAULT
                : switch (file.identity().toLowerCase(Locale.ROOT)) {
                    case "user" -> Identity.DEFAULT;
                    case "system" -> Identity.SYSTEM;
                    default -> throw new IllegalArgumentException(
                            "config: identity must be \"user\" or \"system\", not \"" + file.identity() + "\"");
                };
        return new LauncherConfig(kernel, identity, session);
    }

    private static KernelConfig.Limits limits(Limits limits) {
        KernelConfig.Limits result = KernelConfig.Limits.DEFAULT;
        if (limits.handles() != null) {
            result = result.withHandles((int) inRange("limits.handles", limits.handles(), 1,
                    HandleTablePolicy.MAX_HANDLES));
        }
        if (limits.processes() != null) {
            result = result.withProcesses((int) inRange("limits.processes", limits.processes(), 1,
                    Integer.MAX_VALUE));
        }
        return result;
    }

    private static long inRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("config: " + key + " must be in [" + min + ", " + max + "], not "
                    + value);
        }
        return value;
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
