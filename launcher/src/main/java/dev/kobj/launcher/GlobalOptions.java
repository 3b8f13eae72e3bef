package dev.kobj.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code kobj} itself, before the command: which kernel to boot and how to answer. */
final class GlobalOptions {
    @Option(names = {"-m", "--modules"}, split = ",", paramLabel = "ID",
            description = "Boot only these plugin modules (the core is always loaded). Default: all found.")
    List<String> modules = new ArrayList<>();

    @Option(names = {"-p", "--plugins"}, paramLabel = "DIR",
            description = "Also load the plugin jars (or folders of jars) in DIR.")
    List<Path> pluginDirectories = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Kernel configuration (.toml or .json): modules, plugins, threads, volumes, identity, session, limits.")
    Path config;

    @Option(names = "--json", description = "Answer in JSON (one line per command) instead of tables.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces of unexpected failures.")
    boolean debug;
}
