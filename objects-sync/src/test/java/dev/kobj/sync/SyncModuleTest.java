package dev.kobj.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncModuleTest {
    @Test
    void bootsFromServiceLoaderWithItsTypes() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("sync"))) {
            assertEquals(List.of("core", "sync"), kernel.modules().stream().map(ModuleInfo::id).toList());
            ModuleInfo sync = kernel.modules().get(1);
            assertEquals(SyncModule.class.getName(), sync.className());
            assertEquals(List.of("Event", "KeyedEvent", "Mutant", "Semaphore", "Timer"), sync.typeNames());
        }
    }

    @Test
    void typesCarryWindowsMasksAndMappings() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("sync"))) {
            ObjectType event = kernel.objectType("Event").orElseThrow();
            assertEquals(0x1F0003, event.validAccessMask());
            assertEquals(0x20001, event.genericMapping().map(0x8000_0000));
            assertEquals(0x120000, event.genericMapping().map(0x2000_0000));
            assertTrue(event.waitable());
            ObjectType mutant = kernel.objectType("Mutant").orElseThrow();
            assertEquals(0x1F0001, mutant.validAccessMask());
            assertEquals(0x20000, mutant.genericMapping().map(0x4000_0000));
            ObjectType keyed = kernel.objectType("KeyedEvent").orElseThrow();
            assertEquals(0xF0003, keyed.genericMapping().map(0x1000_0000));
            assertTrue(keyed.waitable(), "a plain wait on it returns at once (§6.5)");
            assertEquals(0x1F0003, keyed.validAccessMask(), "SYNCHRONIZE may be asked for");
        }
    }
}
