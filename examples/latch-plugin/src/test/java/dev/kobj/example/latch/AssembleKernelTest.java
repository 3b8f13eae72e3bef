package dev.kobj.example.latch;

import static dev.kobj.win32.Win32.INFINITE;
import static dev.kobj.win32.Win32.WAIT_OBJECT_0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32Process;
import dev.kobj.win32.Win32System;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The code of the tutorial "Assemble your own kernel" (examples/README.md), run as written. */
@Timeout(30)
class AssembleKernelTest {
    @Test
    void aKernelOfTheCoreSyncAndTheLatch() throws Exception {
        List<String> printed = new ArrayList<>();
        // tutorial:start
        KernelConfig config = KernelConfig.defaults()
                .withModules("sync", "latch")      // the core is always there; no pipes, files, jobs
                .withVolumes();                     // and no drives
        try (Kernel kernel = Kernels.boot(config); Win32System win32 = Win32.boot(kernel)) {
            for (ModuleInfo module : kernel.modules()) {
                printed.add(module.id() + ": " + module.typeNames());
            }
            // A Windows-style program: Kernel32 acts for the Java thread that calls it.
            Win32Process app = win32.attach("app.exe");
            Kernel32 k32 = app.kernel32();
            long done = k32.CreateEvent(null, true, false, "Done");
            Thread worker = Thread.ofVirtual().start(() -> k32.SetEvent(k32.OpenEvent(0x0002, false, "Done")));
            printed.add("wait: " + (k32.WaitForSingleObject(done, INFINITE) == WAIT_OBJECT_0 ? "signalled" : "failed"));
            worker.join();

            // The latch family has no Win32 face: use its Java service, as the caller's kernel thread.
            LatchService latches = kernel.service(LatchService.class).orElseThrow();
            KThread me = kernel.processes().adoptThread(kernel.processes().createProcess("java.exe", 1),
                    Thread.currentThread());
            long[] latch = new long[1];
            latches.createLatch(me, ObjectAttributes.named("\\BaseNamedObjects\\Go", 0),
                    LatchService.LATCH_ALL_ACCESS, 1, latch);
            int[] left = new int[1];
            latches.countDown(me, latch[0], left);
            printed.add("latch: " + left[0] + " left");
        }
        // tutorial:end
        assertEquals(List.of(
                "core: [Device, Directory, File, IoCompletion, Process, SymbolicLink, Thread, Token, Type]",
                "latch: [CountdownLatch]",
                "sync: [Event, KeyedEvent, Mutant, Semaphore, Timer]",
                "wait: signalled",
                "latch: 0 left"), printed);
    }
}
