package dev.kobj.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.port.PortService;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connect racing its process's rundown never throws and leaves nothing: found by the hardening tests,
 * where NtConnectPort looked the server up by a temporary handle the rundown may already have closed.
 */
@Timeout(120)
class PortRaceTest {
    @Test
    void connectsRacingTheRundownFailWithAStatusAndLeaveNoPort() throws Exception {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("ipc"))) {
            PortService ports = kernel.service(PortService.class).orElseThrow();
            ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
            KThread server = kernel.processes().adoptThread(kernel.processes().createProcess("server.exe", 1),
                    Thread.currentThread());
            long[] port = new long[1];
            assertEquals(0, ports.createPort(server, ObjectAttributes.named("\\BaseNamedObjects\\race", 0), 0, 0,
                    port));
            for (int round = 0; round < 200; round++) {
                KProcess process = kernel.processes().createProcess("client.exe", 1);
                CompletableFuture<Integer> status = new CompletableFuture<>();
                Thread thread = Thread.ofPlatform().start(() -> {
                    try {
                        KThread caller = kernel.processes().adoptThread(process, Thread.currentThread());
                        status.complete(ports.connectPort(caller, "\\BaseNamedObjects\\race", null, null, null,
                                null, null, new long[1]));
                    } catch (Throwable t) {
                        status.completeExceptionally(t);
                    }
                });
                Thread.sleep(0, round * 5_000);
                kernel.processes().endProcess(process, 0);
                int result = status.get(10, TimeUnit.SECONDS); // throws if the connect threw
                assertTrue(result < 0, "round " + round + ": 0x" + Integer.toHexString(result));
                thread.join();
            }
            assertEquals(1, objects.typeInfo(kernel.objectType("Port").orElseThrow()).totalNumberOfObjects(),
                    "the server's connection port alone: no client port left behind");
        }
    }
}
