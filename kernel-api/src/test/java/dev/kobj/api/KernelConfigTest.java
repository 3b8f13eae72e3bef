package dev.kobj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.fs.VolumeConfig;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KernelConfigTest {
    @Test
    void defaults() {
        KernelConfig config = KernelConfig.defaults();
        assertTrue(config.allModules());
        assertEquals(Set.of(), config.moduleIds());
        assertEquals(List.of(), config.pluginDirectories());
        assertSame(KernelConfig.class.getClassLoader(), config.classLoader());
        assertEquals(KernelConfig.ThreadKind.VIRTUAL, config.threads());
        assertEquals(List.of(VolumeConfig.memory('C')), config.volumes());
    }

    @Test
    void mapping() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0])) {
            KernelConfig config = KernelConfig.defaults()
                    .withModules("sync", "fs")
                    .withPluginDirectory(Path.of("a"))
                    .withPluginDirectory(Path.of("b"))
                    .withClassLoader(loader)
                    .withThreads(KernelConfig.ThreadKind.PLATFORM);
            assertFalse(config.allModules());
            assertEquals(Set.of("sync", "fs"), config.moduleIds());
            assertEquals(List.of(Path.of("a"), Path.of("b")), config.pluginDirectories());
            assertSame(loader, config.classLoader());
            assertEquals(KernelConfig.ThreadKind.PLATFORM, config.threads());
            assertEquals(KernelConfig.ThreadKind.PLATFORM, config.withModules("ipc").threads(), "kept by withers");
            KernelConfig mounted = config.withVolumes(VolumeConfig.memory('c'), VolumeConfig.hostDirectory('E',
                    Path.of("data")));
            assertEquals(List.of(new VolumeConfig('C', VolumeConfig.Kind.MEMORY, null),
                    new VolumeConfig('E', VolumeConfig.Kind.HOST_DIRECTORY, Path.of("data").toAbsolutePath())),
                    mounted.volumes());
            assertEquals("E:", mounted.volumes().get(1).dosName());
            assertEquals(mounted.volumes(), mounted.withThreads(KernelConfig.ThreadKind.VIRTUAL).volumes(),
                    "kept by withers");
            assertEquals(List.of(), config.withVolumes().volumes());
        }
    }

    @Test
    void rejectsInvalidValues() {
        KernelConfig config = KernelConfig.defaults();
        assertEquals("invalid module id 'Sync': use [a-z][a-z0-9-]*",
                assertThrows(IllegalArgumentException.class, () -> config.withModules("Sync")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> config.withModules(""));
        assertThrows(IllegalArgumentException.class, () -> config.withModules("9lives"));
        assertThrows(IllegalArgumentException.class, () -> config.withModules("a", "a"));
        assertThrows(NullPointerException.class, () -> config.withModules((String) null));
        assertThrows(NullPointerException.class, () -> config.withPluginDirectory(null));
        assertThrows(NullPointerException.class, () -> config.withClassLoader(null));
        assertThrows(NullPointerException.class, () -> config.withThreads(null));
        assertThrows(NullPointerException.class, () -> new KernelConfig(null, List.of(), getClass().getClassLoader()));
        assertEquals("drive C: is configured twice", assertThrows(IllegalArgumentException.class,
                () -> config.withVolumes(VolumeConfig.memory('C'), VolumeConfig.hostDirectory('c', Path.of("x"))))
                .getMessage());
        assertThrows(NullPointerException.class, () -> config.withVolumes((VolumeConfig) null));
        assertEquals("invalid drive letter '1': use A-Z",
                assertThrows(IllegalArgumentException.class, () -> VolumeConfig.memory('1')).getMessage());
        assertThrows(NullPointerException.class, () -> VolumeConfig.hostDirectory('D', null));
        assertThrows(NullPointerException.class, () -> new VolumeConfig('D', null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new VolumeConfig('D', VolumeConfig.Kind.MEMORY, Path.of("x")));
    }

    @Test
    void collectionsAreCopied() {
        List<Path> directories = new java.util.ArrayList<>(List.of(Path.of("x")));
        KernelConfig config = new KernelConfig(Set.of(), directories, getClass().getClassLoader());
        directories.clear();
        assertEquals(List.of(Path.of("x")), config.pluginDirectories());
        assertThrows(UnsupportedOperationException.class, () -> config.pluginDirectories().clear());
    }

    @Test
    void limitsDefaultToWindowsAndRefuseOutOfRangeValues() {
        assertEquals(new KernelConfig.Limits(1 << 24, Integer.MAX_VALUE), KernelConfig.defaults().limits());
        KernelConfig limited = KernelConfig.defaults().withLimits(new KernelConfig.Limits(8, 3)).withModules("sync")
                .withThreads(KernelConfig.ThreadKind.PLATFORM);
        assertEquals(new KernelConfig.Limits(8, 3), limited.limits(), "other with... methods keep the limits");
        assertEquals(new KernelConfig.Limits(1, 3), limited.limits().withHandles(1));
        assertEquals(new KernelConfig.Limits(8, 1), limited.limits().withProcesses(1));
        assertThrows(IllegalArgumentException.class, () -> KernelConfig.Limits.DEFAULT.withHandles(0));
        assertThrows(IllegalArgumentException.class, () -> KernelConfig.Limits.DEFAULT.withHandles((1 << 24) + 1));
        assertThrows(IllegalArgumentException.class, () -> KernelConfig.Limits.DEFAULT.withProcesses(0));
        assertThrows(NullPointerException.class, () -> KernelConfig.defaults().withLimits(null));
    }
}
