package dev.kobj.launcher;

import dev.kobj.api.KernelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that boots a kernel shares: which modules, which plugin directories. */
final class KernelOptions {
    @Option(names = {"-m", "--modules"}, split = ",", paramLabel = "ID",
            description = "Boot only these plugin modules (the core is always loaded). Default: all found.")
    List<String> modules = new ArrayList<>();

    @Option(names = {"-p", "--plugins"}, paramLabel = "DIR",
            description = "Also load the plugin jars (or folders of jars) in DIR.")
    List<Path> pluginDirectories = new ArrayList<>();

    KernelConfig config() {
        KernelConfig config = KernelConfig.defaults().withModules(modules.toArray(String[]::new));
        for (Path directory : pluginDirectories) {
            config = config.withPluginDirectory(directory);
        }
        return config;
    }
}
