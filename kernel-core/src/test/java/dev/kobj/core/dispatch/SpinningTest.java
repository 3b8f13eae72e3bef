package dev.kobj.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.core.process.CoreThread;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The adaptive spin of single-object waits: when a thread spins, for how long, and what a spin takes. */
@Timeout(30)
class SpinningTest {
    private Kernel kernel;
    private CoreThread thread;
    private WaitService waits;

    @BeforeEach
    void boot() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "no spinning on one CPU");
        kernel = Kernels.boot(KernelConfig.defaults().withModules("core"));
        waits = kernel.service(WaitService.class).orElseThrow();
        thread = (CoreThread) kernel.processes()
                .adoptThread(kernel.processes().createProcess("spin.exe", 1), Thread.currentThread());
    }

    @AfterEach
    void close() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void aWaitWokenWithinTheLongestSpinEarnsItAndOthersHalveIt() {
        assertEquals(0, thread.spinNanos(), "a new thread does not spin");
        assertFalse(Spinning.enabled(thread, false));
        Spinning.blocked(thread, true, 1_000);
        assertEquals(Spinning.MAX_NANOS, thread.spinNanos(), "woken after 1 us: a spin would have caught it");
        assertTrue(Spinning.enabled(thread, false));
        assertFalse(Spinning.enabled(thread, true), "alertable waits never spin");
        Spinning.blocked(thread, true, 10_000);
        assertEquals(Spinning.MAX_NANOS / 2, thread.spinNanos(), "woken too late for a spin");
        Spinning.blocked(thread, false, 100);
        assertEquals(Spinning.MAX_NANOS / 4, thread.spinNanos(), "a timeout or an interrupt is no wake-up");
        Spinning.blocked(thread, false, 100);
        assertEquals(Spinning.MAX_NANOS / 8, thread.spinNanos());
        Spinning.blocked(thread, false, 100);
        assertEquals(250, thread.spinNanos());
        Spinning.blocked(thread, false, 100);
        assertEquals(0, thread.spinNanos(), "a budget under 250 ns is dropped");
    }

    @Test
    void aSpinTakesWhatIsSignalledMeanwhile() throws Exception {
        DispatcherEvent event = new DispatcherEvent(waits.context(), false, false); // auto-reset
        thread.setSpinNanos(Integer.MAX_VALUE); // only the signal can end this spin
        CompletableFuture<Void> setter = CompletableFuture.runAsync(() -> {
            sleepMillis(20);
            event.set();
        });
        assertEquals(DispatcherObject.ACQUIRED, Spinning.spin(thread, event));
        assertFalse(event.isSignalled(), "the spin consumed the auto-reset event");
        setter.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSpinEndsWhenItsBudgetRunsOut() {
        DispatcherEvent event = new DispatcherEvent(waits.context(), true, false);
        thread.setSpinNanos(Spinning.MAX_NANOS);
        long start = System.nanoTime();
        assertEquals(DispatcherObject.NOT_SIGNALLED, Spinning.spin(thread, event));
        long spun = System.nanoTime() - start;
        assertTrue(spun >= Spinning.MAX_NANOS, "spun " + spun + " ns");
        assertTrue(spun < TimeUnit.SECONDS.toNanos(1), "spun " + spun + " ns");
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
