package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DemoCommandTest {
    private final LauncherRun launcher = new LauncherRun();
    private final StringWriter out = launcher.out;
    private final StringWriter err = launcher.err;

    private int run(String... args) {
        return launcher.run(args);
    }

    @Test
    void lpcClientAndServerProcessesTalkOverANamedPort() {
        assertEquals(0, run("demo", "lpc"));
        String text = out.toString();
        assertTrue(text.contains("client: connected; the server said \"hello, client\""), text);
        assertTrue(text.contains("client: \"ping\" -> \"PING\""), text);
        assertTrue(text.contains("client: \"are per process\" -> \"ARE PER PROCESS\""), text);
        assertTrue(text.contains("server: the client closed its port; done"), text);
        assertTrue(text.endsWith("demo:   server.exe exited with 0" + System.lineSeparator()), text);
    }

    @Test
    void anUnknownDemoIsAUsageError() {
        assertEquals(2, run("demo", "nope"));
        assertTrue(err.toString().contains("no demo named nope"), err.toString());
    }
}
