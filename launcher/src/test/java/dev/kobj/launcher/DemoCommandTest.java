package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DemoCommandTest {
    private final LauncherRun launcher = new LauncherRun();

    @Test
    void lpcClientAndServerProcessesTalkOverANamedPort() {
        assertEquals(0, launcher.run("demo", "lpc"));
        String text = launcher.out();
        assertTrue(text.contains("client: connected; the server said \"hello, client\""), text);
        assertTrue(text.contains("client: \"ping\" -> \"PING\""), text);
        assertTrue(text.contains("client: \"are per process\" -> \"ARE PER PROCESS\""), text);
        assertTrue(text.contains("server: the client closed its port; done"), text);
        assertTrue(text.endsWith("demo:   server.exe exited with 0\n"), text);
    }

    @Test
    void theDemoLeavesNoHandleInTheConsole() {
        assertEquals(0, launcher.script("""
                demo lpc
                handles 4
                """));
        assertTrue(launcher.out().endsWith("PID  IMAGE  HANDLE  TYPE  ACCESS  FLAGS  NAME\n"), launcher.out());
    }

    @Test
    void anUnknownDemoIsAUsageError() {
        assertEquals(2, launcher.run("demo", "nope"));
        assertTrue(launcher.err().startsWith("kobj: demo: no demo named nope"), launcher.err());
    }
}
