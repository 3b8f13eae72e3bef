package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.KernelConfig;
import dev.kobj.api.fs.VolumeConfig;
import dev.kobj.api.security.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config}: the defaults, the full mapping from TOML and JSON, and rejection of bad files. */
class LauncherConfigTest {
    @TempDir
    Path dir;

    private static GlobalOptions options(Path config, String... modules) {
        GlobalOptions options = new GlobalOptions();
        options.config = config;
        options.modules = new java.util.ArrayList<>(List.of(modules));
        return options;
    }

    @Test
    void defaults() {
        LauncherConfig config = LauncherConfig.of(options(null));
        assertEquals(Set.of(), config.kernel().moduleIds());
        assertEquals(List.of(), config.kernel().pluginDirectories());
        assertEquals(KernelConfig.ThreadKind.VIRTUAL, config.kernel().threads());
        assertEquals(List.of(VolumeConfig.memory('C')), config.kernel().volumes());
        assertEquals(Identity.DEFAULT, config.identity());
    }

    @Test
    void theFullMappingFromToml() throws Exception {
        Files.createDirectories(dir.resolve("share"));
        Path file = Files.writeString(dir.resolve("kernel.toml"), """
                modules = ["sync", "fs"]
                plugins = ["plugins"]
                threads = "platform"
                identity = "system"
                [[volumes]]
                drive = "d"
                kind = "host"
                path = "share"
                [[volumes]]
                drive = "E"
                """);
        LauncherConfig config = LauncherConfig.of(options(file));
        assertEquals(Set.of("sync", "fs"), config.kernel().moduleIds());
        assertEquals(List.of(dir.resolve("plugins")), config.kernel().pluginDirectories());
        assertEquals(KernelConfig.ThreadKind.PLATFORM, config.kernel().threads());
        assertEquals(List.of(VolumeConfig.hostDirectory('D', dir.resolve("share")), VolumeConfig.memory('E')),
                config.kernel().volumes());
        assertEquals(Identity.SYSTEM, config.identity());
    }

    @Test
    void jsonAndTheCommandLineModulesWin() throws Exception {
        Path file = Files.writeString(dir.resolve("kernel.json"), "{\"modules\": [\"ipc\"], \"identity\": \"user\"}");
        assertEquals(Set.of("ipc"), LauncherConfig.of(options(file)).kernel().moduleIds());
        assertEquals(Set.of("sync"), LauncherConfig.of(options(file, "sync")).kernel().moduleIds());
    }

    @Test
    void rejectsUnknownKeysBadValuesAndOtherFormats() throws Exception {
        assertEquals("config " + dir.resolve("a.toml") + ": unknown key 'modulez' (known: modules, plugins, threads, "
                + "identity, volumes)", message(Files.writeString(dir.resolve("a.toml"), "modulez = []\n")));
        assertEquals("config: threads must be \"virtual\" or \"platform\", not \"green\"",
                message(Files.writeString(dir.resolve("b.toml"), "threads = \"green\"\n")));
        assertEquals("config: identity must be \"user\" or \"system\", not \"root\"",
                message(Files.writeString(dir.resolve("c.json"), "{\"identity\": \"root\"}")));
        assertEquals("config: host volume D: needs a path",
                message(Files.writeString(dir.resolve("d.toml"), "[[volumes]]\ndrive = \"D\"\nkind = \"host\"\n")));
        assertEquals("config: volume kind must be \"memory\" or \"host\", not \"tape\"",
                message(Files.writeString(dir.resolve("e.toml"), "[[volumes]]\ndrive = \"D\"\nkind = \"tape\"\n")));
        assertEquals("config: a volume's drive is one letter, not CD",
                message(Files.writeString(dir.resolve("f.toml"), "[[volumes]]\ndrive = \"CD\"\n")));
        assertEquals("drive C: is configured twice",
                message(Files.writeString(dir.resolve("g.toml"), "[[volumes]]\ndrive = \"C\"\n[[volumes]]\ndrive = \"c\"\n")));
        assertEquals("config " + dir.resolve("h.yaml") + ": use a .toml or .json file",
                message(Files.writeString(dir.resolve("h.yaml"), "")));
        assertTrue(message(Files.writeString(dir.resolve("i.toml"), "modules = [\n")).startsWith("config " + dir.resolve("i.toml") + ": "));
    }

    @Test
    void aBadConfigIsOneLineOnTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("kernel.toml"), "threads = \"green\"\n");
        LauncherRun launcher = new LauncherRun();
        assertEquals(2, launcher.run("--config", file.toString(), "ps"));
        assertEquals("kobj: config: threads must be \"virtual\" or \"platform\", not \"green\"\n", launcher.err());
    }

    @Test
    void theConfiguredIdentityRunsTheConsole() throws Exception {
        Path file = Files.writeString(dir.resolve("kernel.toml"), "identity = \"system\"\nmodules = [\"sync\"]\n");
        LauncherRun launcher = new LauncherRun();
        assertEquals(0, launcher.run("--config", file.toString(), "ps"));
        assertTrue(launcher.out().contains("  4  kobj.exe        1  SYSTEM        0        0  running\n"), launcher.out());
    }

    private String message(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> LauncherConfig.of(options(file))).getMessage();
    }
}
