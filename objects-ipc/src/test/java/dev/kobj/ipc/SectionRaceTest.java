package dev.kobj.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.section.SectionService;
import dev.kobj.api.status.NtStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A section created while its process runs down (or while another thread closes the new value at once)
 * never throws: found by the hardening tests, where the create looked its body up by the new handle.
 */
@Timeout(60)
class SectionRaceTest {
    @Test
    void viewsMappedRacingTheRundownAreUnmappedToo() throws Exception {
        // Found by the soak: a view mapped while its process ran down kept its section alive for ever.
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("ipc"))) {
            SectionService sections = kernel.service(SectionService.class).orElseThrow();
            ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
            for (int round = 0; round < 200; round++) {
                KProcess process = kernel.processes().createProcess("mapper.exe", 1);
                CompletableFuture<Void> mapper = new CompletableFuture<>();
                Thread thread = Thread.ofPlatform().start(() -> {
                    try {
                        KThread caller = kernel.processes().adoptThread(process, Thread.currentThread());
                        long[] h = new long[1];
                        dev.kobj.api.section.SectionView[] view = new dev.kobj.api.section.SectionView[1];
                        int status = sections.createSection(caller, null, 0xF001F, 65_536, 0x04, 0, 0, h);
                        while (status == NtStatus.STATUS_SUCCESS) {
                            status = sections.mapView(caller, h[0], 0x2, 0, 4096, view);
                        }
                        mapper.complete(null);
                    } catch (Throwable t) {
                        mapper.completeExceptionally(t);
                    }
                });
                Thread.sleep(0, round * 5_000);
                kernel.processes().endProcess(process, 0);
                mapper.get(10, TimeUnit.SECONDS);
                thread.join();
            }
            assertEquals(0, objects.typeInfo(kernel.objectType("Section").orElseThrow()).totalNumberOfObjects());
        }
    }

    @Test
    void createsRacingTheRundownNeverThrowAndLeaveNothing() throws Exception {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("ipc"))) {
            SectionService sections = kernel.service(SectionService.class).orElseThrow();
            ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
            for (int round = 0; round < 200; round++) {
                KProcess process = kernel.processes().createProcess("racer.exe", 1);
                CompletableFuture<Void> creator = new CompletableFuture<>();
                Thread thread = Thread.ofPlatform().start(() -> {
                    try {
                        KThread caller = kernel.processes().adoptThread(process, Thread.currentThread());
                        long[] h = new long[1];
                        int status;
                        do {
                            status = sections.createSection(caller, null, 0xF001F, 4096, 0x04, 0, 0, h);
                        } while (status == NtStatus.STATUS_SUCCESS);
                        assertEquals(NtStatus.STATUS_PROCESS_IS_TERMINATING, status);
                        creator.complete(null);
                    } catch (Throwable t) {
                        creator.completeExceptionally(t);
                    }
                });
                Thread.sleep(0, round * 5_000);
                kernel.processes().endProcess(process, 0);
                creator.get(10, TimeUnit.SECONDS);
                thread.join();
            }
            assertEquals(0, objects.typeInfo(kernel.objectType("Section").orElseThrow()).totalNumberOfObjects());
            assertTrue(true);
        }
    }
}
