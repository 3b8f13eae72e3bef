package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code trace --pid}: another JVM's kobj events, streamed over the Attach API and JMX; and its one-line errors. */
@Timeout(90)
class RemoteTraceTest {
    private final LauncherRun launcher = new LauncherRun();

    /** A child JVM running {@link TraceTarget} (same java, same class path), once it says it is ready. */
    private static Process startTarget() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process target = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-cp",
                System.getProperty("java.class.path"), TraceTarget.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        if (!"ready".equals(out.readLine())) {
            target.destroyForcibly();
            throw new AssertionError("the target JVM did not start");
        }
        return target;
    }

    @Test
    void theEventsOfAnotherJvmAreStreamedForTheDuration() throws Exception {
        Process target = startTarget();
        try {
            long started = System.nanoTime();
            assertEquals(0, launcher.run("trace", "--pid", Long.toString(target.pid()), "--duration", "3s"));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMillis >= 3000, "ran " + tookMillis + " ms");
            List<String> lines = launcher.out().lines().toList();
            assertTrue(lines.stream().anyMatch(l -> l.matches("trace: \\S+  pid 4 tid \\d+  create Event        "
                    + "\\\\Sessions\\\\1\\\\BaseNamedObjects\\\\Traced  handle 0x\\p{XDigit}+  STATUS_SUCCESS  \\d+\\.\\d{3} ms")),
                    launcher.out());
            assertTrue(lines.stream().anyMatch(l -> l.contains("  close  Event        (unnamed)  handle 0x")),
                    launcher.out()); // the last close: the object has left the namespace
            assertTrue(lines.stream().allMatch(l -> l.startsWith("trace: ")), launcher.out());
            assertEquals("trace: streaming kobj events of pid " + target.pid() + " for 3000 ms\n", launcher.err());
            assertTrue(target.isAlive(), "detaching leaves the target running");
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theTraceEndsWithItsTarget() throws Exception {
        Process target = startTarget();
        try {
            Thread killer = Thread.ofVirtual().start(() -> { // once the trace has shown an event
                try {
                    for (int i = 0; i < 600 && !launcher.out().contains("trace: "); i++) {
                        Thread.sleep(50);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                target.destroyForcibly();
            });
            long started = System.nanoTime();
            assertEquals(0, launcher.run("trace", "--pid", Long.toString(target.pid()), "--duration", "60s"),
                    launcher.err());
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            killer.join();
            assertTrue(tookMillis < 40_000, "ran " + tookMillis + " ms, not until its target ended");
            assertEquals("trace: streaming kobj events of pid " + target.pid() + " for 60000 ms\n"
                    + "trace: pid " + target.pid() + " ended\n", launcher.err());
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anInterruptEndsTheTraceAsCtrlCDoesInTheShell() throws Exception {
        Process target = startTarget();
        try {
            int[] code = {-1};
            Thread tracer = Thread.ofPlatform().start(() -> code[0] = launcher.run("trace", "--pid",
                    Long.toString(target.pid()))); // no --duration: until Ctrl-C
            for (int i = 0; i < 600 && !launcher.out().contains("trace: "); i++) {
                Thread.sleep(50);
            }
            assertTrue(launcher.out().contains("trace: "), "no event streamed: " + launcher.err());
            long interrupted = System.nanoTime();
            tracer.interrupt();
            tracer.join(20_000);
            long tookMillis = (System.nanoTime() - interrupted) / 1_000_000;
            assertFalse(tracer.isAlive(), "the trace ignored its interrupt");
            assertEquals(0, code[0], launcher.err());
            assertTrue(tookMillis < 10_000, "ended " + tookMillis + " ms after the interrupt");
            assertTrue(target.isAlive(), "the target runs on");
            assertEquals("trace: streaming kobj events of pid " + target.pid() + " (Ctrl-C ends)\n", launcher.err());
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void noSuchProcessIsOneLine() {
        long pid = ProcessHandle.current().pid() + 4_000_000; // beyond Linux's pid_max (2^22)
        assertEquals(1, launcher.run("trace", "--pid", Long.toString(pid)));
        assertEquals("kobj: trace: no process " + pid + "\n", launcher.err());
    }

    @Test
    void aProcessThatIsNotAJvmIsOneLineAndLeftAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            assertEquals(1, launcher.run("trace", "--pid", Long.toString(sleep.pid()), "--duration", "1s"));
            assertEquals("kobj: trace: process " + sleep.pid() + " is not a Java VM (or not one of this user's)\n",
                    launcher.err());
            assertTrue(sleep.isAlive(), "no SIGQUIT was sent");
        } finally {
            sleep.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void usageMistakesAreOneLine() {
        assertEquals(2, launcher.run("trace"));
        assertEquals("kobj: trace: give a COMMAND or --pid PID\n", launcher.err());
        LauncherRun both = new LauncherRun();
        assertEquals(2, both.run("trace", "--pid", "1", "ps"));
        assertEquals("kobj: trace: give a COMMAND or --pid, not both\n", both.err());
        LauncherRun badDuration = new LauncherRun();
        assertEquals(2, badDuration.run("trace", "--pid", "1", "--duration", "soon"));
        assertTrue(badDuration.err().startsWith("kobj: trace: "), badDuration.err());
        assertTrue(badDuration.err().contains("'soon' is not a duration such as 3s, 500ms or 2m"), badDuration.err());
    }
}
