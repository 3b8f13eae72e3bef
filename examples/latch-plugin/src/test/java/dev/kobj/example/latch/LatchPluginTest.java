package dev.kobj.example.latch;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_COLLISION;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_EXISTS;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The latch plugin on a real kernel found by ServiceLoader: the tutorial's claims, checked. */
@Timeout(30)
class LatchPluginTest {
    private static final int SYNCHRONIZE = 0x0010_0000;

    private final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("latch"));
    private final LatchService latches = kernel.service(LatchService.class).orElseThrow();
    private final WaitService waits = kernel.service(WaitService.class).orElseThrow();
    private final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    private final KProcess process = kernel.processes().createProcess("test.exe", 1);
    private final KThread me = kernel.processes().adoptThread(process, Thread.currentThread());

    @AfterEach
    void close() {
        kernel.close();
    }

    private long latch(String name, int count) {
        long[] handle = new long[1];
        ObjectAttributes attributes = name == null ? ObjectAttributes.NONE : ObjectAttributes.named(name, 0);
        assertEquals(STATUS_SUCCESS, latches.createLatch(me, attributes, LatchService.LATCH_ALL_ACCESS, count, handle));
        return handle[0];
    }

    @Test
    void theModuleBringsItsType() {
        assertEquals(List.of("CountdownLatch"), kernel.modules().stream().filter(m -> m.id().equals("latch"))
                .findFirst().orElseThrow().typeNames());
        assertTrue(kernel.objectType("CountdownLatch").orElseThrow().waitable());
    }

    @Test
    void theLastCountDownWakesEveryWaiter() throws Exception {
        long latch = latch("\\BaseNamedObjects\\Start", 2);
        List<CompletableFuture<Integer>> waiters = List.of(waiter(), waiter(), waiter());
        int[] left = new int[1];
        assertEquals(STATUS_SUCCESS, latches.countDown(me, latch, left));
        assertEquals(1, left[0]);
        Thread.sleep(50);
        assertTrue(waiters.stream().noneMatch(CompletableFuture::isDone), "one count left: nobody wakes");
        assertEquals(STATUS_SUCCESS, latches.countDown(me, latch, left));
        assertEquals(0, left[0]);
        for (CompletableFuture<Integer> waiter : waiters) {
            assertEquals(STATUS_SUCCESS, waiter.get(10, TimeUnit.SECONDS));
        }
        assertEquals(STATUS_SUCCESS, waits.waitForSingleObject(me, latch, false, 0), "an open latch stays open");
        assertEquals(STATUS_SUCCESS, latches.countDown(me, latch, left));
        assertEquals(0, left[0], "never below 0");
    }

    /** A thread of another process that opens the latch by name and waits for it. */
    private CompletableFuture<Integer> waiter() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        KProcess other = kernel.processes().createProcess("waiter.exe", 1);
        Thread.ofVirtual().start(() -> {
            KThread thread = kernel.processes().adoptThread(other, Thread.currentThread());
            long[] handle = new long[1];
            latches.openLatch(thread, ObjectAttributes.named("\\BaseNamedObjects\\Start", 0), SYNCHRONIZE, handle);
            result.complete(waits.waitForSingleObject(thread, handle[0], false, WaitService.INFINITE));
        });
        return result;
    }

    @Test
    void aWaitTimesOutWhileCountsAreLeft() {
        long latch = latch(null, 1);
        assertEquals(STATUS_TIMEOUT, waits.waitForSingleObject(me, latch, false, -10 * 10_000L));
        int[] left = new int[1];
        assertEquals(STATUS_SUCCESS, latches.queryLatch(me, latch, left));
        assertEquals(1, left[0]);
    }

    @Test
    void badInputChangesNothing() {
        long[] handle = {99};
        assertEquals(STATUS_INVALID_PARAMETER, latches.createLatch(me, ObjectAttributes.NONE, 0, -1, handle));
        assertEquals(0, handle[0]);
        assertEquals(STATUS_INVALID_HANDLE, latches.countDown(me, 0x400, new int[1]));
        long latch = latch("\\BaseNamedObjects\\L", 3);
        assertEquals(STATUS_OBJECT_NAME_COLLISION, latches.createLatch(me, ObjectAttributes.named(
                "\\BaseNamedObjects\\L", 0), LatchService.LATCH_ALL_ACCESS, 7, handle));
        assertEquals(STATUS_OBJECT_NAME_EXISTS, latches.createLatch(me, ObjectAttributes.named("\\BaseNamedObjects\\L",
                ObjectAttributes.OBJ_OPENIF), LatchService.LATCH_ALL_ACCESS, 7, handle), "opened; the count unchanged");
        long[] readOnly = new long[1];
        assertEquals(STATUS_SUCCESS, latches.openLatch(me, ObjectAttributes.named("\\BaseNamedObjects\\L", 0),
                LatchService.LATCH_QUERY_STATE, readOnly));
        assertEquals(STATUS_ACCESS_DENIED, latches.countDown(me, readOnly[0], new int[1]));
        long[] directory = new long[1];
        assertEquals(STATUS_SUCCESS, objects.openDirectory(me, ObjectAttributes.named("\\BaseNamedObjects", 0), 1,
                directory));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, latches.countDown(me, directory[0], new int[1]));
        int[] left = new int[1];
        latches.queryLatch(me, latch, left);
        assertEquals(3, left[0]);
        assertFalse(kernel.isClosed());
    }
}
