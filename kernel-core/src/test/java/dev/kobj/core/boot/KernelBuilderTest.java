package dev.kobj.core.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelBootException;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.ProcessService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelBuilderTest {
    private static final List<String> CORE_TYPES = List.of("Device", "Directory", "File", "IoCompletion",
            "Process", "SymbolicLink", "Thread", "Token", "Type");

    @TempDir
    Path plugins;

    @Test
    void factoryIsFoundByServiceLoader() {
        assertInstanceOf(KernelBuilder.class, Kernels.factory(getClass().getClassLoader()));
    }

    @Test
    void coreAloneBringsTheCoreTypesAndProcessService() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("core"))) {
            assertEquals(List.of(new ModuleInfo("core", "dev.kobj.core.CoreModule", CORE_TYPES)), kernel.modules());
            assertEquals(CORE_TYPES, kernel.objectTypes().stream().map(ObjectType::name).toList());
            assertTrue(kernel.service(ProcessService.class).isPresent());
            assertEquals(kernel.processes(), kernel.service(ProcessService.class).orElseThrow());
            assertTrue(kernel.service(Runnable.class).isEmpty());
            assertTrue(kernel.objectType("Event").isEmpty());
        }
    }

    @Test
    void pluginJarDroppedInDirectoryIsFound() throws IOException {
        PluginJars.write(plugins, "alpha.jar", "alpha", "AlphaModule", List.of("AlphaThing"));
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withPluginDirectory(plugins))) {
            assertEquals(List.of("core", "alpha", "counter", "lifecycle", "small-table"), ids(kernel));
            assertEquals(new ModuleInfo("alpha", "plugin.AlphaModule", List.of("AlphaThing")), kernel.modules().get(1));
            assertTrue(kernel.objectType("AlphaThing").isPresent());
        }
    }

    @Test
    void folderOfJarsIsOnePlugin() throws IOException {
        Path folder = Files.createDirectory(plugins.resolve("gamma"));
        PluginJars.write(folder, "gamma.jar", "gamma", "GammaModule", List.of("GammaThing"));
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withPluginDirectory(plugins))) {
            assertEquals(List.of("core", "counter", "gamma", "lifecycle", "small-table"), ids(kernel));
        }
    }

    @Test
    void explicitIdListGivesOnlyThoseModulesTypes() throws IOException {
        PluginJars.write(plugins, "alpha.jar", "alpha", "AlphaModule", List.of("AlphaThing"));
        PluginJars.write(plugins, "beta.jar", "beta", "BetaModule", List.of("BetaThing", "BetaOther"));
        KernelConfig config = KernelConfig.defaults().withPluginDirectory(plugins);
        try (Kernel kernel = Kernels.boot(config.withModules("beta"))) {
            assertEquals(List.of("core", "beta"), ids(kernel));
            assertEquals(List.of("BetaOther", "BetaThing"), kernel.modules().get(1).typeNames());
            assertTrue(kernel.objectType("AlphaThing").isEmpty());
        }
        try (Kernel kernel = Kernels.boot(config)) {
            assertEquals(List.of("core", "alpha", "beta", "counter", "lifecycle", "small-table"), ids(kernel));
        }
    }

    @Test
    void eachBootHasItsOwnKernel() {
        try (Kernel first = Kernels.boot(); Kernel second = Kernels.boot()) {
            assertNotSame(first.processes(), second.processes());
        }
    }

    @Test
    void duplicateTypeNameFailsBeforeGuiceNamingBothModules() throws IOException {
        PluginJars.write(plugins, "alpha.jar", "alpha", "AlphaModule", List.of("Clash"));
        PluginJars.write(plugins, "beta.jar", "beta", "BetaModule", List.of("Clash"));
        KernelBootException e = assertThrows(KernelBootException.class,
                () -> Kernels.boot(KernelConfig.defaults().withPluginDirectory(plugins)));
        assertEquals(List.of("object type 'Clash' is contributed by both 'alpha' (plugin.AlphaModule from "
                + plugins.resolve("alpha.jar") + ") and 'beta' (plugin.BetaModule from " + plugins.resolve("beta.jar")
                + ")"), e.problems());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void coreTypeNamesAreReserved() throws IOException {
        PluginJars.write(plugins, "alpha.jar", "alpha", "AlphaModule", List.of("Directory"));
        KernelBootException e = assertThrows(KernelBootException.class,
                () -> Kernels.boot(KernelConfig.defaults().withPluginDirectory(plugins)));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith("object type 'Directory' is contributed by both 'core' "
                + "(dev.kobj.core.CoreModule from kernel-core) and 'alpha'"), e.getMessage());
    }

    @Test
    void unknownIdFailsWithOneLine() {
        KernelBootException e = assertThrows(KernelBootException.class,
                () -> Kernels.boot(KernelConfig.defaults().withModules("nope")));
        assertEquals("unknown kernel module id 'nope' (available: core, counter, lifecycle, small-table)", e.getMessage());
    }

    @Test
    void duplicateModuleIdFailsNamingBothClasses() throws IOException {
        PluginJars.write(plugins, "a.jar", "same", "FirstModule", List.of("First"));
        PluginJars.write(plugins, "b.jar", "same", "SecondModule", List.of("Second"));
        KernelBootException e = assertThrows(KernelBootException.class,
                () -> Kernels.boot(KernelConfig.defaults().withPluginDirectory(plugins)));
        assertEquals(List.of("module id 'same' is used by both 'same' (plugin.FirstModule from " + plugins.resolve("a.jar")
                + ") and 'same' (plugin.SecondModule from " + plugins.resolve("b.jar") + ")"), e.problems());
    }

    @Test
    void coreIdIsReserved() throws IOException {
        PluginJars.write(plugins, "a.jar", "core", "FakeCore", List.of("Fake"));
        KernelBootException e = assertThrows(KernelBootException.class,
                () -> Kernels.boot(KernelConfig.defaults().withPluginDirectory(plugins)));
        assertEquals(List.of("module id 'core' of 'core' (plugin.FakeCore from " + plugins.resolve("a.jar")
                + ") is reserved for the kernel"), e.problems());
    }

    @Test
    void jarWithoutModuleAndMissingDirectoryAreReportedTogether() throws IOException {
        PluginJars.jar(plugins.resolve("empty.jar"), "plugin/Nothing", "package plugin; class Nothing {}", null);
        Path missing = plugins.resolve("missing");
        KernelBootException e = assertThrows(KernelBootException.class, () -> Kernels.boot(
                KernelConfig.defaults().withPluginDirectory(plugins).withPluginDirectory(missing)));
        assertEquals(List.of("plugin " + plugins.resolve("empty.jar") + " has no dev.kobj.api.KernelModule provider",
                "plugin directory " + missing + " does not exist"), e.problems());
    }

    @Test
    void closeIsIdempotent() {
        Kernel kernel = Kernels.boot();
        assertFalse(kernel.isClosed());
        kernel.close();
        kernel.close();
        assertTrue(kernel.isClosed());
    }

    private static List<String> ids(Kernel kernel) {
        return kernel.modules().stream().map(ModuleInfo::id).toList();
    }
}
