package dev.kobj.core.status;

import static dev.kobj.core.testplugin.CounterModule.ERROR_ARITHMETIC_OVERFLOW;
import static dev.kobj.core.testplugin.CounterModule.STATUS_COUNTER_OVERFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;
import dev.kobj.api.status.NtStatus.StatusInfo;
import dev.kobj.api.status.StatusRegistry;
import dev.kobj.core.testplugin.CounterService;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    @Test
    void aPluginStatusIsNamedAndTranslatedLikeABuiltInOne() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("counter"))) {
            StatusRegistry statuses = kernel.service(StatusRegistry.class).orElseThrow();
            assertEquals("STATUS_COUNTER_OVERFLOW", statuses.name(STATUS_COUNTER_OVERFLOW));
            assertEquals(ERROR_ARITHMETIC_OVERFLOW, statuses.toDosError(STATUS_COUNTER_OVERFLOW));
            assertEquals("STATUS_ACCESS_DENIED", statuses.name(NtStatus.STATUS_ACCESS_DENIED));
            assertEquals(5, statuses.toDosError(NtStatus.STATUS_ACCESS_DENIED));
            assertEquals(317, statuses.toDosError(0xE0FF_FFFF), "unknown: ERROR_MR_MID_NOT_FOUND");
            assertEquals("0xE0FFFFFF", statuses.name(0xE0FF_FFFF));
            assertEquals(1, statuses.all().stream().filter(s -> s.code() == STATUS_COUNTER_OVERFLOW).count());

            // ... and the plugin's service returns it.
            CounterService counters = kernel.service(CounterService.class).orElseThrow();
            KThread caller = kernel.processes().adoptThread(kernel.processes().createProcess("c.exe", 1),
                    Thread.currentThread());
            long[] handle = new long[1];
            long[] value = new long[1];
            assertEquals(0, counters.create(caller, null, CounterService.COUNTER_ALL_ACCESS, Long.MAX_VALUE - 1,
                    handle));
            assertEquals(0, counters.increment(caller, handle[0], value));
            assertEquals(Long.MAX_VALUE, value[0]);
            assertEquals(STATUS_COUNTER_OVERFLOW, counters.increment(caller, handle[0], value));
            assertEquals(Long.MAX_VALUE, value[0], "a failed call changes nothing");
        }
    }

    @Test
    void statusesOnlyOfTheCoreWhenNoPluginAddsAny() {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("core"))) {
            StatusRegistry statuses = kernel.service(StatusRegistry.class).orElseThrow();
            assertNull(statuses.info(STATUS_COUNTER_OVERFLOW));
            int builtIn = 0;
            for (StatusInfo ignored : NtStatus.all()) {
                builtIn++;
            }
            assertEquals(builtIn, statuses.all().size());
        }
    }

    @Test
    void aCodeGivenTwoMeaningsIsRefused() {
        var clash = assertThrows(IllegalStateException.class, () -> new StatusTable(
                Set.of(new StatusInfo(NtStatus.STATUS_ACCESS_DENIED, "STATUS_MY_DENIED", 5))));
        assertTrue(clash.getMessage().contains("0xC0000022 is defined twice"), clash.getMessage());
        // The same definition twice is harmless.
        StatusTable same = new StatusTable(Set.of(new StatusInfo(NtStatus.STATUS_ACCESS_DENIED,
                "STATUS_ACCESS_DENIED", 5)));
        assertEquals("STATUS_ACCESS_DENIED", same.name(NtStatus.STATUS_ACCESS_DENIED));
    }
}
