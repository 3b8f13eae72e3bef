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

    @Test
    void bootsWithThePipeAndMailslotFileSystems() {
        try (PipeFixture k = new PipeFixture()) {
            for (String device : List.of("\\??\\PIPE", "\\Device\\NamedPipe", "\\??\\MAILSLOT")) {
                long[] h = new long[1];
                int status = k.io.createFile(k.me, dev.kobj.api.object.ObjectAttributes.named(device, 0x40),
                        PipeFixture.SYNCHRONIZE, 3, dev.kobj.api.io.CreateParameters.FILE_OPEN, 0, 0, null, h, null);
                // the pipe file system's root opens (WaitNamedPipe asks it); a mailslot needs a name
                assertEquals(device.endsWith("MAILSLOT") ? dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_INVALID
                        : dev.kobj.api.status.NtStatus.STATUS_SUCCESS, status, device);
            }
            int[] type = new int[1];
            long pipe = k.server("type", PipeFixture.messagePipe(1));
            assertEquals(dev.kobj.api.status.NtStatus.STATUS_SUCCESS, k.io.queryDeviceType(k.me, pipe, type));
            assertEquals(dev.kobj.api.io.DeviceObject.FILE_DEVICE_NAMED_PIPE, type[0]);
        }
    }
}
