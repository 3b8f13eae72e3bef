package dev.kobj.core.object;

import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_EXISTS;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.core.testplugin.CounterService.COUNTER_ALL_ACCESS;
import static dev.kobj.core.testplugin.CounterService.COUNTER_QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;
import dev.kobj.core.testplugin.Counter;
import dev.kobj.core.testplugin.CounterModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads, each a process, racing creates, opens, duplicates and closes over a few shared names:
 * every status is one the race allows, every object is deleted exactly once, and nothing is left.
 */
class ObjectManagerStressTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS = 20_000;
    private static final int DRAIN_EVERY = 2_000;
    private static final String[] NAMES = {"\\BaseNamedObjects\\s0", "\\BaseNamedObjects\\s1", "\\BaseNamedObjects\\s2"};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void racingThreadsLeaveZeroObjectsAndHandles() throws Exception {
        try (KernelFixture k = new KernelFixture(); ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            Set<Counter> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
            CyclicBarrier start = new CyclicBarrier(THREADS);
            CyclicBarrier drained = new CyclicBarrier(THREADS,
                    () -> assertEquals(0, k.objects.typeInfo(CounterModule.COUNTER).totalNumberOfObjects()));
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                workers.add(pool.submit(() -> {
                    KThread caller = k.newCaller("stress" + seed + ".exe");
                    SplittableRandom random = new SplittableRandom(seed);
                    List<Long> mine = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < OPERATIONS; i++) {
                        if (i % DRAIN_EVERY == DRAIN_EVERY - 1) { // all threads let go: every name must go too
                            for (long handle : mine) {
                                seen.add((Counter) k.objects.lookup(caller, handle).object());
                                assertEquals(STATUS_SUCCESS, k.objects.close(caller, handle));
                            }
                            mine.clear();
                            drained.await();
                        }
                        String name = NAMES[random.nextInt(NAMES.length)];
                        long[] h = new long[1];
                        switch (random.nextInt(4)) {
                            case 0 -> {
                                int status = k.counters.create(caller, ObjectAttributes.named(name,
                                        ObjectAttributes.OBJ_OPENIF), COUNTER_ALL_ACCESS, 0, h);
                                assertTrue(status == STATUS_SUCCESS || status == STATUS_OBJECT_NAME_EXISTS);
                                mine.add(h[0]);
                            }
                            case 1 -> {
                                int status = k.counters.open(caller, ObjectAttributes.named(name, 0), COUNTER_QUERY, h);
                                assertTrue(status == STATUS_SUCCESS || status == STATUS_OBJECT_NAME_NOT_FOUND);
                                if (status == STATUS_SUCCESS) {
                                    mine.add(h[0]);
                                }
                            }
                            case 2 -> {
                                if (!mine.isEmpty()) {
                                    long source = mine.get(random.nextInt(mine.size()));
                                    assertEquals(STATUS_SUCCESS, k.objects.duplicate(caller, -1, source, -1, h, 0, 0, 2));
                                    mine.add(h[0]);
                                }
                            }
                            default -> {
                                if (!mine.isEmpty()) {
                                    long handle = mine.remove(random.nextInt(mine.size()));
                                    HandleEntry entry = k.objects.lookup(caller, handle);
                                    seen.add((Counter) entry.object());
                                    assertEquals(STATUS_SUCCESS, k.objects.close(caller, handle));
                                    assertEquals(STATUS_INVALID_HANDLE, k.objects.close(caller, handle));
                                }
                            }
                        }
                    }
                    for (long handle : mine) {
                        seen.add((Counter) k.objects.lookup(caller, handle).object());
                        assertEquals(STATUS_SUCCESS, k.objects.close(caller, handle));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            assertEquals(0, k.objects.typeInfo(CounterModule.COUNTER).totalNumberOfObjects());
            assertEquals(0, k.objects.typeInfo(CounterModule.COUNTER).totalNumberOfHandles());
            assertTrue(seen.size() > NAMES.length, "names were created again after their objects went");
            for (Counter counter : seen) {
                assertEquals(1, counter.deletes(), "each object is deleted exactly once");
                assertEquals(0, counter.pointerCount());
                assertEquals(null, counter.name());
            }
        }
    }
}
