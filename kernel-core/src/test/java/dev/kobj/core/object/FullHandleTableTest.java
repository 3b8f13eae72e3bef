package dev.kobj.core.object;

import static dev.kobj.api.status.NtStatus.STATUS_INSUFFICIENT_RESOURCES;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.core.testplugin.Counter;
import dev.kobj.core.testplugin.CounterService;
import org.junit.jupiter.api.Test;

/** A full table refuses a handle with STATUS_INSUFFICIENT_RESOURCES and undoes the open procedure's work. */
class FullHandleTableTest {

    @Test
    void aHandleRefusedByAFullTableClosesWhatItsOpenProcedureOpened() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("counter", "small-table"))) {
            ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
            CounterService counters = kernel.service(CounterService.class).orElseThrow();
            KThread caller = kernel.processes().adoptThread(kernel.processes().createProcess("full.exe", 1),
                    Thread.currentThread());
            long[] first = new long[1];
            long[] second = new long[1];
            assertEquals(STATUS_SUCCESS, counters.create(caller, null, CounterService.COUNTER_ALL_ACCESS, 0, first));
            assertEquals(STATUS_SUCCESS, counters.create(caller, null, CounterService.COUNTER_ALL_ACCESS, 0, second));
            Counter counter = (Counter) objects.lookup(caller, first[0]).object();
            assertEquals(1, counter.opens());

            long[] third = {-1};
            assertEquals(STATUS_INSUFFICIENT_RESOURCES, objects.duplicate(caller, ObjectManager.CURRENT_PROCESS,
                    first[0], ObjectManager.CURRENT_PROCESS, third, 0, 0, ObjectManager.DUPLICATE_SAME_ACCESS));
            assertEquals(0, third[0]);
            assertEquals(2, counter.opens(), "the open procedure ran for the refused handle");
            assertEquals(1, counter.lastHandlesLeft(), "and the close procedure undid it, one handle left");
            assertEquals(1, counter.handleCount());
            assertEquals(1, counter.pointerCount());

            assertEquals(STATUS_SUCCESS, objects.close(caller, first[0]));
            assertEquals(1, counter.deletes());
        }
    }
}
