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
        assertEquals(1, config.session());
        assertEquals(KernelConfig.Limits.DEFAULT, config.kernel().limits());
    }

    @Test
    void theFullMappingFromToml() throws Exception {
        Files.createDirectories(dir.resolve("share"));
        Path file = Files.writeString(dir.resolve("kernel.toml"), """
                modules = ["sync", "fs"]
                plugins = ["plugins"]
                threads = "platform"
                identity = "system"
                session = 7
                [limits]
                handles = 100
                processes = 10
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
        assertEquals(7, config.session());
        assertEquals(new KernelConfig.Limits(100, 10), config.kernel().limits());
    }

    @Test
    void oneLimitKeepsTheOtherDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("kernel.json"), "{\"session\": 0, \"limits\": {\"processes\": 1}}");
        LauncherConfig config = LauncherConfig.of(options(file));
        assertEquals(0, config.session());
        assertEquals(new KernelConfig.Limits(1 << 24, 1), config.kernel().limits());
    }

    @Test
    void rejectsSessionsAndLimitsOutOfRange() throws Exception {
        assertEquals("config: session must be in [0, 65535], not -1",
                message(Files.writeString(dir.resolve("a.toml"), "session = -1\n")));
        assertEquals("config: session must be in [0, 65535], not 65536",
                message(Files.writeString(dir.resolve("b.toml"), "session = 65536\n")));
        assertEquals("config: limits.handles must be in [1, 16777216], not 0",
                message(Files.writeString(dir.resolve("c.toml"), "[limits]\nhandles = 0\n")));
        assertEquals("config: limits.handles must be in [1, 16777216], not 16777217",
                message(Files.writeString(dir.resolve("d.toml"), "[limits]\nhandles = 16777217\n")));
        assertEquals("config: limits.processes must be in [1, 2147483647], not 0",
                message(Files.writeString(dir.resolve("e.json"), "{\"limits\": {\"processes\": 0}}")));
        assertEquals("config: limits.processes must be in [1, 2147483647], not 3000000000",
                message(Files.writeString(dir.resolve("f.toml"), "[limits]\nprocesses = 3000000000\n")));
        assertEquals("config " + dir.resolve("g.toml") + ": unknown key 'files' (known: handles, processes)",
                message(Files.writeString(dir.resolve("g.toml"), "[limits]\nfiles = 3\n")));
        assertTrue(message(Files.writeString(dir.resolve("h.toml"), "session = \"one\"\n"))
                .startsWith("config " + dir.resolve("h.toml") + ": "));
        String fraction = message(Files.writeString(dir.resolve("i.toml"), "session = 1.5\n"));
        assertTrue(fraction.startsWith("config " + dir.resolve("i.toml") + ": "), fraction);
        assertTrue(!fraction.contains("\n"), fraction);
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
                + "identity, volumes, session, limits)", message(Files.writeString(dir.resolve("a.toml"), "modulez = []\n")));
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

    @Test
    void aCreatePastTheHandleLimitIsOneLineWithItsStatus() throws Exception {
        Path file = Files.writeString(dir.resolve("kernel.toml"), "[limits]\nhandles = 2\n");
        LauncherRun launcher = new LauncherRun();
        assertEquals(1, launcher.script("create event A\ncreate event B\ncreate event C\n", "--config", file.toString()));
        assertEquals("0x4 created Event \\Sessions\\1\\BaseNamedObjects\\A\n"
                + "0x8 created Event \\Sessions\\1\\BaseNamedObjects\\B\n", launcher.out());
        assertEquals("kobj: stdin:3: create event \\Sessions\\1\\BaseNamedObjects\\C: STATUS_INSUFFICIENT_RESOURCES (ERROR_NO_SYSTEM_RESOURCES 1450)\n",
                launcher.err());
    }

    @Test
    void aCreateProcessPastTheProcessLimitFails() throws Exception {
        Path file = Files.writeString(dir.resolve("kernel.toml"), "[limits]\nprocesses = 1\n");
        LauncherRun launcher = new LauncherRun();
        assertEquals(1, launcher.run("--config", file.toString(), "demo", "pipe"));
        assertEquals("kobj: demo pipe: CreateProcess writer.exe: ERROR_NOT_ENOUGH_QUOTA 1816\n", launcher.err());
    }

    @Test
    void theConsoleRunsInTheConfiguredSession() throws Exception {
        Path file = Files.writeString(dir.resolve("kernel.toml"), "session = 4\n");
        LauncherRun launcher = new LauncherRun();
        assertEquals(0, launcher.script("create event E\ndir \\Sessions\\4\\BaseNamedObjects\nobj E\n",
                "--config", file.toString()));
        assertEquals("""
                0x4 created Event \\Sessions\\4\\BaseNamedObjects\\E
                E        Event
                Global   SymbolicLink  -> \\BaseNamedObjects
                Local    SymbolicLink  -> \\Sessions\\4\\BaseNamedObjects
                Session  SymbolicLink  -> \\Sessions\\BNOLINKS
                """, launcher.out().substring(0, launcher.out().indexOf("name:")));
        assertTrue(launcher.out().contains("name:     \\Sessions\\4\\BaseNamedObjects\\E\n"), launcher.out());
        LauncherRun ps = new LauncherRun();
        assertEquals(0, ps.run("--config", file.toString(), "ps"));
        assertTrue(ps.out().contains("  4  kobj.exe        4  "), ps.out());
    }

    private String message(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> LauncherConfig.of(options(file))).getMessage();
    }
}
