package dev.kobj.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** The one mapping table names real benchmarks, real parameter values and bench.c's scenarios. */
class ScenariosTest {
    /** bench.c's scenario table, in its order. */
    static final List<String> WINE = List.of("event_pingpong_threads", "event_pingpong_processes", "wait_signaled",
            "mutex_uncontended", "mutex_contended_2threads", "semaphore_release_wait", "create_close_event",
            "create_close_named_event", "open_named_event", "duplicate_close", "wait_any_64", "wait_all_64",
            "pipe_throughput", "named_pipe_msg_roundtrip_processes", "mailslot_send_recv", "section_map_unmap",
            "completion_port_post_get", "handles_1m", "set_event");

    @Test
    void everyIdNamesABenchmarkMethodAndItsParameters() throws Exception {
        for (Scenario s : Scenarios.ALL) {
            assertBenchmark(s.kobj());
            if (s.baseline() != null) {
                assertBenchmark(s.baseline());
            }
        }
    }

    @Test
    void everyWineScenarioIsCoveredUnderItsOwnName() {
        Set<String> covered = new HashSet<>();
        for (Scenario s : Scenarios.ALL) {
            if (s.wine() != null) {
                assertTrue(WINE.contains(s.wine()), s.wine());
                assertEquals(s.wine(), s.name(), "a Wine row keeps bench.c's name");
                assertTrue(s.kobj().contains("." + s.name()), s.kobj() + " is named after " + s.name());
                assertTrue(s.wineNs() > 0, s.name() + " has its published figure");
                covered.add(s.wine());
            }
        }
        assertEquals(Set.copyOf(WINE), covered);
    }

    @Test
    void theIssueTargetsAreInTheTable() {
        assertEquals(1000.0, target("wait_signaled", null).minSpeedup());
        assertEquals(1.5, target("wait_signaled", null).maxRatio());
        assertEquals(0.0, target("wait_signaled", null).maxBytes());
        assertEquals(2.0, target("mutex_uncontended", null).maxRatio());
        assertEquals(3.0, target("create_close_event", null).maxRatio());
        assertEquals(96.0, target("handles_1m", "ns per create; retained B").maxBytes());
        assertEquals(1.3, target("event_pingpong_threads", "platform").maxRatio());
        assertEquals(30.0, target("event_pingpong_threads", "virtual").minSpeedup());
        assertEquals(3.0, target("pipe_throughput", "ns per 64 KiB").minSpeedup());
        assertEquals(100.0, target("wait_all_64", null).minSpeedup());
    }

    private static Scenario.Targets target(String name, String variant) {
        return Scenarios.ALL.stream().filter(s -> s.name().equals(name) && java.util.Objects.equals(s.variant(), variant))
                .findFirst().orElseThrow().targets();
    }

    private static void assertBenchmark(String id) throws Exception {
        String params = id.contains("[") ? id.substring(id.indexOf('[') + 1, id.length() - 1) : "";
        String name = id.contains("[") ? id.substring(0, id.indexOf('[')) : id;
        int dot = name.lastIndexOf('.');
        Class<?> type = Class.forName("dev.kobj.bench." + name.substring(0, dot).replace('.', '$'));
        Method method = type.getMethod(name.substring(dot + 1), parameterTypes(type, name.substring(dot + 1)));
        assertTrue(method.isAnnotationPresent(Benchmark.class), id);
        for (String pair : params.isEmpty() ? new String[0] : params.split(",")) {
            String[] kv = pair.split("=");
            Param param = type.getField(kv[0]).getAnnotation(Param.class);
            assertTrue(List.of(param.value()).contains(kv[1]), id + ": " + pair);
        }
    }

    private static Class<?>[] parameterTypes(Class<?> type, String method) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method)) {
                return m.getParameterTypes();
            }
        }
        throw new AssertionError("no method " + method + " in " + type.getName());
    }
}
