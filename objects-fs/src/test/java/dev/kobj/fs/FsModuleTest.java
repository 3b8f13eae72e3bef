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
            assertTrue(kernel.service(dev.kobj.api.fs.FileService.class).isPresent());
        }
    }

    @Test
    void mountsTheDefaultVolumeAsTheFirstHarddiskVolumeLinkedFromC() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("fs"))) {
            var io = kernel.service(dev.kobj.api.io.IoService.class).orElseThrow();
            var me = kernel.processes().adoptThread(kernel.processes().createProcess("boot.exe", 1),
                    Thread.currentThread());
            long[] handle = new long[1];
            for (String name : new String[] {"\\Device\\HarddiskVolume1", "\\??\\C:", "\\??\\c:"}) {
                assertEquals(0, io.createFile(me, dev.kobj.api.object.ObjectAttributes.named(name, 0x40),
                        0x0010_0080, 7, 1, 0, 0, null, handle, null), name);
            }
            assertEquals(0xC000003A, io.createFile(me, dev.kobj.api.object.ObjectAttributes.named("\\??\\D:\\x", 0x40),
                    0x0010_0080, 7, 1, 0, 0, null, handle, null), "no D: by default");
        }
    }
}
