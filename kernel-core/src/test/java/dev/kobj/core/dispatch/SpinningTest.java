package dev.kobj.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.DispatcherMutant;
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
    void aWaitWokenWithinTheLongestSpinWithoutSpinningEarnsItAndFailedSpinsHalveIt() {
        assertEquals(0, thread.spinNanos(), "a new thread does not spin");
        Spinning.blocked(thread, false, true, 1_000);
        assertEquals(Spinning.MAX_NANOS, thread.spinNanos(), "woken after 1 us: a spin would have caught it");
        Spinning.blocked(thread, true, true, 1_000);
        assertEquals(Spinning.MAX_NANOS / 2, thread.spinNanos(),
                "a spin that failed earns nothing back, however soon the wake-up came after it");
        Spinning.blocked(thread, false, true, 10_000);
        assertEquals(Spinning.MAX_NANOS / 4, thread.spinNanos(), "woken too late for a spin");
        Spinning.blocked(thread, false, false, 100);
        assertEquals(Spinning.MAX_NANOS / 8, thread.spinNanos(), "a timeout or an interrupt is no wake-up");
        Spinning.blocked(thread, true, false, 100);
        assertEquals(250, thread.spinNanos());
        Spinning.blocked(thread, true, false, 100);
        assertEquals(0, thread.spinNanos(), "a budget under 250 ns is dropped");
    }

    @Test
    void onlyNonAlertableWaitsWithoutAnEarlyTimeoutSpin() {
        assertTrue(Spinning.applies(false, WaitService.INFINITE));
        assertTrue(Spinning.applies(false, -1_000), "100 us relative");
        assertFalse(Spinning.applies(false, -999), "a spin could outlast a shorter timeout");
        assertFalse(Spinning.applies(false, 0), "a poll");
        assertFalse(Spinning.applies(false, 133_000_000_000_000_000L), "absolute");
        assertFalse(Spinning.applies(true, WaitService.INFINITE), "an APC must end an alertable wait at once");
    }

    @Test
    void anEndedThreadStopsSpinning() {
        DispatcherEvent event = new DispatcherEvent(waits.context(), true, false);
        thread.setSpinNanos(Integer.MAX_VALUE); // only the end can stop this spin
        CompletableFuture<Boolean> ender = CompletableFuture.supplyAsync(() -> {
            sleepMillis(20);
            return kernel.processes().endThread(thread, 7);
        });
        assertEquals(DispatcherObject.NOT_SIGNALLED, Spinning.spin(thread, event));
        assertTrue(thread.isEnded());
        ender.join();
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

    /**
     * A thread ended by another one may still run on into a spin or a fast path until its next fence;
     * its end has abandoned its mutants already, so one it takes after is given back at once.
     */
    @Test
    void aThreadEndedMeanwhileTakesNoMutant() {
        DispatcherMutant kept = new DispatcherMutant(waits.context(), null);
        assertEquals(DispatcherObject.ACQUIRED, kept.tryAcquire(thread));
        assertTrue(kernel.processes().endThread(thread, 7));
        assertNull(kept.owner(), "abandoned by the end");
        assertTrue(kept.isAbandoned());
        DispatcherMutant later = new DispatcherMutant(waits.context(), null);
        assertEquals(DispatcherObject.NOT_SIGNALLED, later.tryAcquire(thread));
        assertNull(later.owner(), "given back");
        assertFalse(later.isAbandoned());
        assertEquals(1, later.currentCount(), "free");
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
