package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code trace COMMAND}: the kernel's JFR events of the command, printed before the next command runs. */
@Timeout(60)
class TraceCommandTest {
    private final LauncherRun launcher = new LauncherRun();

    private List<String> traces() {
        return launcher.out().lines().filter(l -> l.startsWith("trace: ")).toList();
    }

    @Test
    void objectCallsWithTypeNameHandleAndStatus() {
        assertEquals(0, launcher.script("""
                create event E
                trace open E
                trace close E
                echo done
                """));
        List<String> traces = traces();
        assertEquals(2, traces.size(), launcher.out());
        assertTrue(traces.get(0).matches("trace: \\S+  pid 4 tid \\d+  open   Event        "
                + "\\\\Sessions\\\\1\\\\BaseNamedObjects\\\\E  handle 0x8  STATUS_SUCCESS  \\d+\\.\\d{3} ms"), traces.get(0));
        assertTrue(traces.get(1).contains("close  Event        \\Sessions\\1\\BaseNamedObjects\\E  handle 0x8  STATUS_SUCCESS"),
                traces.get(1));
        assertTrue(launcher.out().endsWith("done\n"), "the trace is printed before the next command");
    }

    @Test
    void aFailedOpenIsTracedWithItsStatus() {
        assertEquals(1, launcher.script("trace open Nope\n"));
        assertTrue(traces().getFirst().contains("open   -            \\Sessions\\1\\BaseNamedObjects\\Nope  handle 0x0  "
                + "STATUS_OBJECT_NAME_NOT_FOUND"), launcher.out());
    }

    @Test
    void aBlockingWaitWithItsTime() {
        assertEquals(1, launcher.script("create event E\ntrace wait E --timeout 50\n"));
        List<String> traces = traces();
        assertEquals(1, traces.size(), launcher.out());
        Matcher m = Pattern.compile("wait   Event        E  1 object  STATUS_TIMEOUT  (\\d+\\.\\d{3}) ms$")
                .matcher(traces.getFirst());
        assertTrue(m.find(), traces.getFirst());
        assertTrue(Double.parseDouble(m.group(1)) >= 49.0, traces.getFirst());
    }

    @Test
    void aWaitThatDoesNotBlockIsNotAnEvent() {
        assertEquals(0, launcher.script("create event E --signaled\ntrace wait E\n"));
        assertEquals(List.of(), traces());
    }
}
