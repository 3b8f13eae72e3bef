package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.STATUS_ABANDONED_WAIT_0;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.api.status.NtStatus.STATUS_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ntsync selftest's stress: four threads, 10,000 mixed waits each (any and all, over a mutex, a
 * semaphore and two events), releasing what they take. The mutex guards a plain counter, so a lost
 * exclusion shows as a wrong sum; at the end every count is back where it started.
 */
class WaitStressTest {
    private static final int THREADS = 4;
    private static final int WAITS = 10_000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fourThreadsTimesTenThousandMixedWaits() throws Exception {
        try (SyncFixture f = new SyncFixture()) {
            long mutex = f.mutex(false);
            long semaphore = f.semaphore(2, 2);
            long auto = f.event(false, true);
            long manual = f.event(true, true);
            int[] guarded = {0};
            AtomicInteger insideSemaphore = new AtomicInteger();
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                workers.add(f.onOtherThread(self -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int increments = 0;
                    long[] handles = new long[4];
                    for (int i = 0; i < WAITS; i++) {
                        switch (random.nextInt(4)) {
                            case 0 -> { // mutex alone: the counter it guards
                                assertEquals(0, f.waits.waitForSingleObject(self, mutex, false, SyncFixture.INFINITE));
                                guarded[0]++;
                                increments++;
                                assertEquals(STATUS_SUCCESS, f.sync.releaseMutant(self, mutex, null));
                            }
                            case 1 -> { // semaphore: never more than its maximum inside
                                assertEquals(0, f.waits.waitForSingleObject(self, semaphore, false, SyncFixture.INFINITE));
                                assertTrue(insideSemaphore.incrementAndGet() <= 2);
                                insideSemaphore.decrementAndGet();
                                assertEquals(STATUS_SUCCESS, f.sync.releaseSemaphore(self, semaphore, 1, null));
                            }
                            case 2 -> { // wait-all over mutex, semaphore and the auto event
                                handles[0] = mutex;
                                handles[1] = semaphore;
                                handles[2] = auto;
                                handles[3] = manual;
                                int status = f.waits.waitForMultipleObjects(self, 4, handles, 0, false,
                                        SyncFixture.ms(1000));
                                if (status == STATUS_TIMEOUT) {
                                    break;
                                }
                                assertEquals(0, status);
                                guarded[0]++;
                                increments++;
                                f.sync.setEvent(self, auto, null);
                                assertEquals(STATUS_SUCCESS, f.sync.releaseSemaphore(self, semaphore, 1, null));
                                assertEquals(STATUS_SUCCESS, f.sync.releaseMutant(self, mutex, null));
                            }
                            default -> { // wait-any over the auto event and the mutex
                                handles[0] = auto;
                                handles[1] = mutex;
                                int status = f.waits.waitForMultipleObjects(self, 2, handles, 1, false,
                                        SyncFixture.INFINITE);
                                if (status == 0) {
                                    f.sync.setEvent(self, auto, null);
                                } else {
                                    assertEquals(1, status);
                                    guarded[0]++;
                                    increments++;
                                    assertEquals(STATUS_SUCCESS, f.sync.releaseMutant(self, mutex, null));
                                }
                            }
                        }
                    }
                    return increments;
                }));
            }
            int expected = 0;
            for (Future<Integer> worker : workers) {
                expected += worker.get(100, TimeUnit.SECONDS);
            }
            assertEquals(expected, guarded[0], "the mutex excluded every increment");
            int[] info = new int[3];
            f.sync.querySemaphore(f.main, semaphore, info);
            assertEquals(2, info[0]);
            f.sync.queryMutant(f.main, mutex, info);
            assertEquals(1, info[0], "the mutex is free again");
            assertTrue(info[2] == 0 && STATUS_ABANDONED_WAIT_0 != 0);
            assertEquals(0, f.waits.waitForSingleObject(f.main, auto, false, 0), "the auto event was given back");
        }
    }
}
