package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code demo deadlock}, found by {@code deadlocks}, ended by {@code kill}; kill's errors. */
@Timeout(30)
class KillCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new GlobalOptions(), new PrintWriter(out, true),
            new PrintWriter(err, true));

    @AfterEach
    void close() {
        console.close();
    }

    private String out() {
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void theDeadlockDemoIsFoundAndKilled() throws Exception {
        assertEquals(0, console.execute(List.of("demo", "deadlock")));
        Matcher pid = Pattern.compile("stuck.exe is process (\\d+)").matcher(out());
        assertTrue(pid.find(), out());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (console.session().inspector().waits().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, console.execute(List.of("deadlocks", "--fail")));
        assertTrue(out().contains("kobj-demo-left held by thread"), out());
        assertEquals(0, console.execute(List.of("kill", pid.group(1), "--exit-code", "9")));
        assertTrue(out().endsWith("ended process " + pid.group(1) + " with exit code 9\n"), out());
        assertEquals(0, console.execute(List.of("deadlocks", "--fail")));
        assertTrue(out().endsWith("no deadlock (0 threads waiting)\n"), out());
        assertEquals(0, console.execute(List.of("ps")));
        String ps = out().substring(out().lastIndexOf("PID  IMAGE"));
        assertEquals(2, ps.lines().count(), "an ended process nobody holds is gone: " + ps);
    }

    @Test
    void killErrors() {
        assertEquals(1, console.execute(List.of("kill", "4000")));
        assertEquals(1, console.execute(List.of("kill", "4")));
        assertEquals("""
                kobj: kill 4000: ERROR_INVALID_PARAMETER 87
                kobj: kill 4: that is the console (exit leaves)
                """, err.toString().replace(System.lineSeparator(), "\n"));
    }
}
