package dev.kobj.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsModuleTest {
    @Test
    void bootsFromServiceLoaderWithItsTypes() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("fs"))) {
            assertEquals(List.of("core", "fs"), kernel.modules().stream().map(ModuleInfo::id).toList());
            assertEquals(List.of("Job"), kernel.modules().get(1).typeNames());
            ObjectType job = kernel.objectType("Job").orElseThrow();
            assertTrue(job.waitable());
            assertEquals(0x1F003F, job.validAccessMask());
            assertEquals(0x2000B, job.genericMapping().map(0x4000_0000));
        }
    }
}
