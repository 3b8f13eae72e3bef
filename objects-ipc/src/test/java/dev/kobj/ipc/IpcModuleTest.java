package dev.kobj.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpcModuleTest {
    @Test
    void bootsFromServiceLoaderWithItsTypes() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("ipc"))) {
            assertEquals(List.of("core", "ipc"), kernel.modules().stream().map(ModuleInfo::id).toList());
            assertEquals(List.of("Port", "Section"), kernel.modules().get(1).typeNames());
            ObjectType section = kernel.objectType("Section").orElseThrow();
            assertFalse(section.waitable(), "sections have no SYNCHRONIZE right");
            assertEquals(0xF001F, section.genericMapping().map(0x1000_0000));
            assertEquals(0x20005, section.genericMapping().map(0x8000_0000));
        }
    }
}
