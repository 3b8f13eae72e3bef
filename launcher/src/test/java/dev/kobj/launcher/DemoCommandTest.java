package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DemoCommandTest {
    private final LauncherRun launcher = new LauncherRun();

    private String demo(String name) {
        assertEquals(0, launcher.run("demo", name), launcher.err());
        assertEquals("", launcher.err());
        return launcher.out();
    }

    @Test
    void eventsProducerAndConsumerInLockStep() {
        assertEquals("""
                producer: item 1 is ready
                consumer: took item 1
                producer: item 2 is ready
                consumer: took item 2
                producer: item 3 is ready
                consumer: took item 3
                demo:   both exited with 0
                """, demo("events"));
    }

    @Test
    void aPipeInheritedByAChild() {
        String text = demo("pipe");
        assertTrue(text.matches("writer: my handle 0x[0-9a-f]+ is the inherited write end\n"
                + "parent: read \"hello from the child\"\n"
                + "parent: read \"handles are inherited at the same value\"\n"
                + "parent: then ERROR_BROKEN_PIPE: the child has exited with 0\n"), text);
    }

    @Test
    void duplicateHandleIntoAChild() {
        String text = demo("duplicate");
        assertTrue(text.matches("parent: event 0x4 here is 0x([0-9a-f]+) in process \\d+\n"
                + "child:  my handle 0x\\1 is the parent's event; setting it\n"
                + "parent: the event is signaled; the child exited with 0\n"), text);
    }

    @Test
    void aSectionCounterUnderANamedMutexLosesNothing() {
        assertEquals("demo:   3 workers x 1000 increments under the mutex: the counter is 3000\n", demo("section"));
    }

    @Test
    void aJobEndsItsProcesses() {
        String text = demo("job");
        assertEquals(3, text.lines().filter(l -> l.matches("demo:   process \\d+ exited with 42")).count(), text);
    }

    @Test
    void diningPhilosophersWithWaitAll() {
        String text = demo("philosophers");
        assertEquals(5, text.lines().filter(l -> l.matches("table:  philosopher \\d ate 20 meals")).count(), text);
        assertTrue(text.endsWith("demo:   everyone ate; nobody deadlocked\n"), text);
    }

    @Test
    void lpcClientAndServerProcessesTalkOverANamedPort() {
        String text = demo("lpc");
        assertTrue(text.contains("client: connected; the server said \"hello, client\""), text);
        assertTrue(text.contains("client: \"ping\" -> \"PING\""), text);
        assertTrue(text.contains("client: \"are per process\" -> \"ARE PER PROCESS\""), text);
        assertTrue(text.contains("server: the client closed its port; done"), text);
        assertTrue(text.endsWith("demo:   server.exe exited with 0\n"), text);
    }

    @Test
    void demosLeaveNoHandleInTheConsole() {
        assertEquals(0, launcher.script("""
                demo events
                demo pipe
                demo duplicate
                demo section
                demo job
                demo philosophers
                demo lpc
                handles 4
                """));
        assertTrue(launcher.out().endsWith("PID  IMAGE  HANDLE  TYPE  ACCESS  FLAGS  NAME\n"), launcher.out());
    }

    @Test
    void aDemoOfAMissingFamilySaysSo() {
        assertEquals(1, launcher.run("--modules", "sync", "demo", "pipe"));
        assertEquals("kobj: demo pipe: needs the ipc module; this kernel has core, sync\n", launcher.err());
    }

    @Test
    void theExampleTourRunsWithOnlyTheCoreAndSync() {
        assertEquals(0, launcher.run("--modules", "sync", "run", Path.of("..", "examples", "demo.kobj").toString()),
                launcher.err());
        String text = launcher.out();
        assertTrue(text.contains("STATUS_WAIT_0 Ready\n"), text);
        assertTrue(text.contains("demo:   everyone ate; nobody deadlocked\n"), text);
        assertTrue(text.contains("no deadlock (0 threads waiting)\n"), text);
        assertTrue(text.endsWith("closed 0x4\n"), text);
        assertTrue(!text.contains("Section"), "only the core's and sync's types: " + text);
    }

    @Test
    void anUnknownDemoIsAUsageError() {
        assertEquals(2, launcher.run("demo", "nope"));
        assertEquals("kobj: demo: no demo named nope (try: events, pipe, duplicate, section, job, philosophers, lpc, deadlock)\n",
                launcher.err());
    }
}
