package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A console's blocking {@code wait}: woken by a signal from another command, or by an interrupt (Ctrl-C). */
@Timeout(30)
class ConsoleWaitTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new GlobalOptions(), new PrintWriter(out, true),
            new PrintWriter(err, true));

    @AfterEach
    void close() {
        console.close();
    }

    private int execute(String... words) {
        return console.execute(List.of(words));
    }

    /** Runs {@code wait} on a thread of its own, returning once it is blocked in the kernel. */
    private CompletableFuture<Integer> blockedWait(Thread[] thread, String... words) throws InterruptedException {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        thread[0] = Thread.ofPlatform().start(() -> result.complete(execute(words)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (console.session().inspector().waits().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, console.session().inspector().waits().size(), "the wait is blocked");
        return result;
    }

    @Test
    void aSetFromAnotherCommandWakesTheWait() throws Exception {
        assertEquals(0, execute("create", "event", "E"));
        Thread[] waiter = new Thread[1];
        CompletableFuture<Integer> waited = blockedWait(waiter, "wait", "E", "--timeout", "10000");
        assertEquals(0, execute("set", "E"));
        assertEquals(0, waited.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("STATUS_WAIT_0 E"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anInterruptCancelsTheWait() throws Exception {
        assertEquals(0, execute("create", "event", "E"));
        Thread[] waiter = new Thread[1];
        CompletableFuture<Integer> waited = blockedWait(waiter, "wait", "E");
        waiter[0].interrupt();
        assertEquals(1, waited.get(10, TimeUnit.SECONDS));
        assertEquals("kobj: wait E: STATUS_CANCELLED (ERROR_OPERATION_ABORTED 995)\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void theBlockedWaitShowsInDeadlocksWithoutACycle() throws Exception {
        assertEquals(0, execute("create", "mutex", "M", "--owned"));
        Thread[] waiter = new Thread[1];
        CompletableFuture<Integer> waited = blockedWait(waiter, "wait", "M", "--timeout", "10000");
        // The console owns M on its first thread and waits for it on a second: an edge, not a cycle.
        assertEquals(0, execute("deadlocks"));
        String text = out.toString().replace(System.lineSeparator(), "\n");
        assertTrue(text.contains("WAITS FOR"), text);
        assertTrue(text.contains("kobj.exe 4  \\Sessions\\1\\BaseNamedObjects\\M  thread "), text);
        assertTrue(text.endsWith("no deadlock (1 threads waiting)\n"), text);
        assertEquals(0, execute("release", "M"));
        assertEquals(0, waited.get(10, TimeUnit.SECONDS));
    }
}
