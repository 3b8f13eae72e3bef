package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Exact heap measures of the sync family's hot paths: an unnamed event with its handle costs 88 bytes
 * (header 40, dispatcher event 24, handle entry 24; the table slot is reused; the issue asks at most 96), and
 * set, reset, waits on signalled objects and mutant acquire/release allocate nothing.
 */
class SyncFootprintTest {
    private static final int COUNT = 50_000;
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void unnamedEventWithItsHandleCosts88Bytes() {
        try (SyncFixture f = new SyncFixture()) {
            long[] handle = new long[1];
            Runnable createAndClose = () -> {
                assertEquals(STATUS_SUCCESS, f.sync.createEvent(f.main, null, 0x1F0003, 1, false, handle));
                assertEquals(STATUS_SUCCESS, f.objects.close(f.main, handle[0]));
            };
            long perEvent = bestOfThree(createAndClose);
            System.out.println("footprint: an unnamed event with its handle costs " + perEvent + " bytes");
            assertEquals(88, perEvent, "bytes an unnamed event with its handle costs");
        }
    }

    @Test
    void signalsWaitsAndMutantsAllocateNothing() {
        try (SyncFixture f = new SyncFixture()) {
            long event = f.event(true, false);
            long mutex = f.mutex(false);
            long semaphore = f.semaphore(0, 1);
            int[] sink = new int[1];
            Runnable ops = () -> {
                sink[0] += f.sync.setEvent(f.main, event, null);
                sink[0] += f.waits.waitForSingleObject(f.main, event, false, 0);
                sink[0] += f.sync.resetEvent(f.main, event, null);
                sink[0] += f.waits.waitForSingleObject(f.main, mutex, false, 0);
                sink[0] += f.sync.releaseMutant(f.main, mutex, null);
                sink[0] += f.sync.releaseSemaphore(f.main, semaphore, 1, null);
                sink[0] += f.waits.waitForSingleObject(f.main, semaphore, false, 0);
            };
            assertEquals(0, bestOfThree(ops), "bytes per round of set, wait, reset, acquire and release");
            assertEquals(0, sink[0], "every call succeeded with status 0");
        }
    }

    /** Bytes per run of {@code op}, warmed up into compiled code; the best of three rounds. */
    private long bestOfThree(Runnable op) {
        for (int i = 0; i < COUNT; i++) {
            op.run();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < COUNT; i++) {
                op.run();
            }
            best = Math.min(best, (threads.getCurrentThreadAllocatedBytes() - before) / COUNT);
        }
        return best;
    }
}
