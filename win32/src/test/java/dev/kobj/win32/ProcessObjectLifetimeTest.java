package dev.kobj.win32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.object.ObjectType;
import org.junit.jupiter.api.Test;

/** An ended child's Process and Thread objects are deleted once the last handle to each closes. */
class ProcessObjectLifetimeTest {

    @Test
    void anEndedChildLeavesNoObjectOnceItsHandlesAreClosed() throws Exception {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults()); Win32System system = Win32.boot(kernel)) {
            Kernel32 k32 = system.attach("parent.exe").kernel32();
            ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
            ObjectType process = kernel.objectType("Process").orElseThrow();
            ObjectType thread = kernel.objectType("Thread").orElseThrow();
            long processesBefore = objects.typeInfo(process).totalNumberOfObjects();
            long threadsBefore = objects.typeInfo(thread).totalNumberOfObjects();
            system.register("child.exe", (self, commandLine) -> 7);
            ProcessInformation pi = new ProcessInformation();
            assertTrue(k32.CreateProcess(null, "child.exe", null, null, false, 0, null, null, new StartupInfo(), pi));
            assertEquals(0, k32.WaitForSingleObject(pi.hProcess, 5000));
            assertEquals(0, k32.WaitForSingleObject(pi.hThread, 5000));
            assertTrue(k32.CloseHandle(pi.hThread));
            assertTrue(k32.CloseHandle(pi.hProcess));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((objects.typeInfo(process).totalNumberOfObjects() != processesBefore
                    || objects.typeInfo(thread).totalNumberOfObjects() != threadsBefore)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(processesBefore, objects.typeInfo(process).totalNumberOfObjects(), "Process objects");
            assertEquals(threadsBefore, objects.typeInfo(thread).totalNumberOfObjects(), "Thread objects");
        }
    }
}
