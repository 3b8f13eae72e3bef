package dev.kobj.core.process;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.inspect.KernelInspector;
import dev.kobj.api.inspect.KernelInspector.HandleSnapshot;
import dev.kobj.api.inspect.KernelInspector.ProcessSnapshot;
import dev.kobj.api.inspect.KernelInspector.WaitSnapshot;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The read-only inspector: process, handle and wait snapshots that change no count. */
@Timeout(30)
class ProcessInspectorTest {
    private final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules());
    private final ProcessService processes = kernel.processes();
    private final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    private final WaitService waits = kernel.service(WaitService.class).orElseThrow();
    private final KernelInspector inspector = kernel.service(KernelInspector.class).orElseThrow();

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void processesInIdOrderWithThreadsAndHandleCounts() {
        KProcess first = processes.createProcess("first.exe", 1);
        KProcess second = processes.createProcess("second.exe", 1);
        KThread thread = processes.adoptThread(second, Thread.currentThread());
        long[] handle = new long[1];
        assertEquals(STATUS_SUCCESS, objects.openObject(thread, (KernelObject) first, 0x1000, 0, handle));
        List<ProcessSnapshot> all = inspector.processes();
        assertEquals(List.of(first, second), all.stream().map(ProcessSnapshot::process).toList());
        assertEquals(List.of(), all.get(0).threads());
        assertEquals(List.of(thread), all.get(1).threads());
        assertEquals(0, all.get(0).handleCount());
        assertEquals(1, all.get(1).handleCount());
    }

    @Test
    void handlesInValueOrderAndNothingCounted() {
        KProcess process = processes.createProcess("p.exe", 1);
        KThread thread = processes.adoptThread(process, Thread.currentThread());
        KernelObject target = (KernelObject) processes.createProcess("target.exe", 1);
        long[] a = new long[1];
        long[] b = new long[1];
        objects.openObject(thread, target, 0x1000, 0, a);
        objects.openObject(thread, target, 0x0400, 0x2, b);
        int handles = target.handleCount();
        int pointers = target.pointerCount();
        List<HandleSnapshot> snapshot = inspector.handles(process.id()).orElseThrow();
        assertEquals(List.of(a[0], b[0]), snapshot.stream().map(HandleSnapshot::handle).toList());
        assertSame(target, snapshot.get(1).entry().object());
        assertEquals(0x0400, snapshot.get(1).entry().grantedAccess());
        assertTrue(snapshot.get(1).entry().inherit());
        assertEquals(handles, target.handleCount());
        assertEquals(pointers, target.pointerCount());
        assertTrue(inspector.handles(4000).isEmpty());
    }

    @Test
    void aBlockedWaitIsReportedWithItsObjectsAndGoneOnceItEnds() throws Exception {
        KProcess process = processes.createProcess("p.exe", 1);
        KProcess awaited = processes.createProcess("awaited.exe", 1);
        CompletableFuture<KThread> waiter = new CompletableFuture<>();
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            KThread thread = processes.adoptThread(process, Thread.currentThread());
            long[] handle = new long[1];
            objects.openObject(thread, (KernelObject) awaited, 0x0010_0000, 0, handle); // SYNCHRONIZE
            waiter.complete(thread);
            result.complete(waits.waitForSingleObject(thread, handle[0], false, WaitService.INFINITE));
        });
        KThread thread = waiter.get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inspector.waits().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(new WaitSnapshot(thread, false, List.of((KernelObject) awaited))), inspector.waits());
        processes.endProcess(awaited, 3);
        assertEquals(STATUS_SUCCESS, result.get(10, TimeUnit.SECONDS));
        assertFalse(inspector.waits().stream().anyMatch(w -> w.thread() == thread));
    }
}
