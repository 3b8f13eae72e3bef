package dev.kobj.core.process;

import static dev.kobj.api.status.NtStatus.STATUS_INSUFFICIENT_RESOURCES;
import static dev.kobj.api.status.NtStatus.STATUS_QUOTA_EXCEEDED;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.core.testplugin.CounterService;
import org.junit.jupiter.api.Test;

/** KernelConfig.Limits: the handle limit beside a module's handle-table policy, and the live-process limit. */
class ConfiguredLimitsTest {

    /** How many counters one process can hold on that kernel. */
    private static int handlesBeforeFull(KernelConfig config) {
        try (Kernel kernel = Kernels.boot(config)) {
            CounterService counters = kernel.service(CounterService.class).orElseThrow();
            KThread caller = kernel.processes().adoptThread(kernel.processes().createProcess("full.exe", 1),
                    Thread.currentThread());
            long[] handle = new long[1];
            for (int held = 0; held < 100; held++) {
                int status = counters.create(caller, null, CounterService.COUNTER_ALL_ACCESS, 0, handle);
                if (status != STATUS_SUCCESS) {
                    assertEquals(STATUS_INSUFFICIENT_RESOURCES, status);
                    assertEquals(0, handle[0]);
                    return held;
                }
            }
            return 100;
        }
    }

    @Test
    void theConfiguredHandleLimitAndAModulesPolicyTheLowerWins() {
        KernelConfig counter = KernelConfig.defaults().withModules("counter");
        assertEquals(5, handlesBeforeFull(counter.withLimits(KernelConfig.Limits.DEFAULT.withHandles(5))));
        assertEquals(1, handlesBeforeFull(counter.withModules("counter", "small-table")
                .withLimits(KernelConfig.Limits.DEFAULT.withHandles(1))));
        assertEquals(2, handlesBeforeFull(counter.withModules("counter", "small-table")
                .withLimits(KernelConfig.Limits.DEFAULT.withHandles(50))));
    }

    @Test
    void aProcessPastTheLimitIsRefusedAndAnEndedOneFreesItsPlace() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules()
                .withLimits(KernelConfig.Limits.DEFAULT.withProcesses(2)))) {
            KProcess parent = kernel.processes().createProcess("parent.exe", 1);
            KProcess child = kernel.processes().createChildProcess(parent, "child.exe", false);
            assertFalse(child.isEnded());
            KProcess refused = kernel.processes().createChildProcess(parent, "refused.exe", false);
            assertTrue(refused.isEnded(), "refused: it never runs");
            assertEquals(STATUS_QUOTA_EXCEEDED, refused.exitCode());
            assertThrows(IllegalStateException.class, () -> kernel.processes().createProcess("other.exe", 1));
            assertTrue(kernel.processes().endProcess(child, 0));
            assertFalse(kernel.processes().endProcess(refused, 0), "a refused process ends once");
            KProcess next = kernel.processes().createChildProcess(parent, "next.exe", false);
            assertFalse(next.isEnded());
            assertTrue(kernel.processes().createChildProcess(parent, "over.exe", false).isEnded(),
                    "ending the refused process again did not free a place");
        }
    }
}
