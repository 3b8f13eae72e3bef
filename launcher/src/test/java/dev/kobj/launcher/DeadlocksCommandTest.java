package dev.kobj.launcher;

import static dev.kobj.win32.Win32.INFINITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.win32.Kernel32;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two threads of a process each own one mutex and wait for the other's: {@code deadlocks} finds the cycle. */
@Timeout(30)
class DeadlocksCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new GlobalOptions(), new PrintWriter(out, true),
            new PrintWriter(err, true));

    @AfterEach
    void close() {
        console.close(); // ends the process, which ends both waits
    }

    private void deadlock() throws InterruptedException {
        Kernel32 k32 = console.session().system().attach("philosophers.exe").kernel32();
        CountDownLatch bothOwn = new CountDownLatch(2);
        for (String[] pair : new String[][] {{"Left", "Right"}, {"Right", "Left"}}) {
            Thread.ofVirtual().start(() -> {
                try {
                    long mine = k32.CreateMutex(null, true, pair[0]);
                    bothOwn.countDown();
                    bothOwn.await(); // each owns its own before either opens the other's
                    long theirs = k32.CreateMutex(null, false, pair[1]);
                    k32.WaitForSingleObject(theirs, INFINITE);
                    k32.CloseHandle(mine);
                } catch (InterruptedException | dev.kobj.api.KernelThreadExit ended) {
                    // the console's close ends the process, and these threads with it
                }
            });
        }
        assertTrue(bothOwn.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (console.session().inspector().waits().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aCycleOfTwoOwnersIsADeadlock() throws Exception {
        deadlock();
        assertEquals(1, console.execute(List.of("deadlocks", "--fail")));
        String text = out.toString().replace(System.lineSeparator(), "\n");
        assertTrue(text.matches("(?s).*\ndeadlock: thread (\\d+) waits for \\\\Sessions\\\\1\\\\BaseNamedObjects\\\\"
                + "(Left|Right) held by thread \\d+ waits for \\\\Sessions\\\\1\\\\BaseNamedObjects\\\\(Left|Right) "
                + "held by thread \\1\n"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("deadlock:")).count(), "each cycle once");
    }

    @Test
    void asJson() throws Exception {
        deadlock();
        assertEquals(0, console.execute(List.of("deadlocks", "--json")));
        String text = out.toString();
        assertTrue(text.startsWith("{\"waiting_threads\":2,\"deadlocks\":[[{\"thread\":"), text);
    }

    @Test
    void nothingWaitingIsNoDeadlock() {
        assertEquals(0, console.execute(List.of("deadlocks", "--fail")));
        assertEquals("no deadlock (0 threads waiting)\n", out.toString().replace(System.lineSeparator(), "\n"));
    }
}
