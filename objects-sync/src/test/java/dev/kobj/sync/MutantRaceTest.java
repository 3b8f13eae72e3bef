package dev.kobj.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService;
import dev.kobj.api.status.NtStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mutex created (owned) while its process runs down (or while another thread closes the new value at once)
 * never throws: found by the hardening tests, where the create looked its body up by the new handle to take ownership.
 */
@Timeout(60)
class MutantRaceTest {
    @Test
    void ownedCreatesRacingTheRundownNeverThrowAndLeaveNothing() throws Exception {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("sync"))) {
            SyncService sync = kernel.service(SyncService.class).orElseThrow();
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
                            status = sync.createMutant(caller, null, 0x1F0001, true, h);
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
            assertEquals(0, objects.typeInfo(kernel.objectType("Mutant").orElseThrow()).totalNumberOfObjects());
            assertTrue(true);
        }
    }
}
