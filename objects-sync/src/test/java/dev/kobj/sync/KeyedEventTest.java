package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.sync.SyncFixture.INFINITE;
import static dev.kobj.sync.SyncFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kobj.api.process.KThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keyed events: one-to-one rendezvous on a key, within a process, either side first. */
@Timeout(30)
class KeyedEventTest {
    private final SyncFixture f = new SyncFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private long keyed() {
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, f.sync.createKeyedEvent(f.main, null, 0xF0003, 0, h));
        return h[0];
    }

    @Test
    void aPlainWaitOnTheHandleReturnsAtOnceAndNeedsSynchronize() {
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, f.sync.createKeyedEvent(f.main, null, 0x1F0003, 0, h));
        for (int i = 0; i < 3; i++) {
            assertEquals(STATUS_SUCCESS, f.waits.waitForSingleObject(f.main, h[0], false, INFINITE),
                    "always signalled, never consumed");
        }
        assertEquals(0xC0000022, f.waits.waitForSingleObject(f.main, keyed(), false, 0),
                "STATUS_ACCESS_DENIED: KEYEDEVENT_ALL_ACCESS has no SYNCHRONIZE");
    }

    @Test
    void waiterFirstThenReleaser() throws Exception {
        long k = keyed();
        Future<Integer> waiter = f.onOtherThread(self -> f.sync.waitForKeyedEvent(self, k, 0x10, false, INFINITE));
        Thread.sleep(50);
        assertEquals(STATUS_TIMEOUT, f.sync.releaseKeyedEvent(f.main, k, 0x20, false, ms(50)), "another key");
        assertEquals(STATUS_SUCCESS, f.sync.releaseKeyedEvent(f.main, k, 0x10, false, ms(5000)));
        assertEquals(STATUS_SUCCESS, waiter.get(10, TimeUnit.SECONDS));
    }

    @Test
    void releaserFirstBlocksUntilAWaiterComes() throws Exception {
        long k = keyed();
        Future<Integer> releaser = f.onOtherThread(self -> f.sync.releaseKeyedEvent(self, k, 0, false, INFINITE));
        Thread.sleep(50);
        assertEquals(false, releaser.isDone());
        assertEquals(STATUS_SUCCESS, f.sync.waitForKeyedEvent(f.main, k, 0, false, ms(5000)));
        assertEquals(STATUS_SUCCESS, releaser.get(10, TimeUnit.SECONDS));
    }

    @Test
    void oneReleaseWakesOneWaiter() throws Exception {
        long k = keyed();
        Future<Integer> first = f.onOtherThread(self -> f.sync.waitForKeyedEvent(self, k, 2, false, ms(3000)));
        Future<Integer> second = f.onOtherThread(self -> f.sync.waitForKeyedEvent(self, k, 2, false, ms(300)));
        Thread.sleep(100);
        assertEquals(STATUS_SUCCESS, f.sync.releaseKeyedEvent(f.main, k, 2, false, ms(1000)));
        int a = first.get(10, TimeUnit.SECONDS);
        int b = second.get(10, TimeUnit.SECONDS);
        assertEquals(1, (a == STATUS_SUCCESS ? 1 : 0) + (b == STATUS_SUCCESS ? 1 : 0), "exactly one met");
    }

    @Test
    void timeoutsPollsAndBadArguments() {
        long k = keyed();
        assertEquals(STATUS_TIMEOUT, f.sync.waitForKeyedEvent(f.main, k, 4, false, 0));
        assertEquals(STATUS_TIMEOUT, f.sync.releaseKeyedEvent(f.main, k, 4, false, ms(30)));
        assertEquals(STATUS_INVALID_PARAMETER_1, f.sync.waitForKeyedEvent(f.main, k, 3, false, 0));
        assertEquals(STATUS_INVALID_HANDLE, f.sync.waitForKeyedEvent(f.main, 0x7770, 4, false, 0));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, f.sync.waitForKeyedEvent(f.main, f.event(true, true), 4, false, 0));
        long[] waitOnly = new long[1];
        f.objects.duplicate(f.main, -1, k, -1, waitOnly, 0x1, 0, 0);
        assertEquals(STATUS_ACCESS_DENIED, f.sync.releaseKeyedEvent(f.main, waitOnly[0], 4, false, 0));
        assertEquals(STATUS_INVALID_PARAMETER, f.sync.createKeyedEvent(f.main, null, 0xF0003, 1, new long[1]));
    }

    @Test
    void processesDoNotMeet() throws Exception {
        long[] named = new long[1];
        assertEquals(STATUS_SUCCESS, f.sync.createKeyedEvent(f.main,
                dev.kobj.api.object.ObjectAttributes.named("\\BaseNamedObjects\\kobj-keyed", 0), 0xF0003, 0, named));
        var other = f.kernel.processes().createProcess("other.exe", 1);
        Future<Integer> foreign = f.onOtherThread(ignored -> {
            KThread self = f.kernel.processes().adoptThread(other, Thread.currentThread());
            long[] h = new long[1];
            f.sync.openKeyedEvent(self, dev.kobj.api.object.ObjectAttributes.named("\\BaseNamedObjects\\kobj-keyed", 0),
                    0xF0003, h);
            return f.sync.releaseKeyedEvent(self, h[0], 8, false, ms(200));
        });
        assertEquals(STATUS_TIMEOUT, f.sync.waitForKeyedEvent(f.main, named[0], 8, false, ms(200)));
        assertEquals(STATUS_TIMEOUT, foreign.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aNullHandleIsTheGlobalCritSecOutOfMemoryEventMadeAtBoot() throws Exception {
        long[] opened = new long[1];
        assertEquals(STATUS_SUCCESS, f.sync.openKeyedEvent(f.main, dev.kobj.api.object.ObjectAttributes.named(
                "\\KernelObjects\\CritSecOutOfMemoryEvent", 0), 0xF0003, opened), "it exists before any use");
        Future<Integer> waiter = f.onOtherThread(self -> f.sync.waitForKeyedEvent(self, 0, 0x10, false, INFINITE));
        Thread.sleep(50);
        assertEquals(STATUS_SUCCESS, f.sync.releaseKeyedEvent(f.main, opened[0], 0x10, false, ms(5000)),
                "the named object and NULL are one keyed event");
        assertEquals(STATUS_SUCCESS, waiter.get(10, TimeUnit.SECONDS));
        Future<Integer> releaser = f.onOtherThread(self -> f.sync.releaseKeyedEvent(self, 0, 0x20, false, INFINITE));
        assertEquals(STATUS_SUCCESS, f.sync.waitForKeyedEvent(f.main, 0, 0x20, false, ms(5000)));
        assertEquals(STATUS_SUCCESS, releaser.get(10, TimeUnit.SECONDS));
        assertEquals(STATUS_TIMEOUT, f.sync.waitForKeyedEvent(f.main, 0, 0x30, false, 0));
        assertEquals(STATUS_INVALID_PARAMETER_1, f.sync.releaseKeyedEvent(f.main, 0, 1, false, 0));
    }

    @Test
    void anApcEndsAnAlertableRendezvousOnlyAndAQueuedOneRunsFirst() throws Exception {
        long k = keyed();
        java.util.concurrent.atomic.AtomicReference<KThread> parked = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        Future<Integer> alertable = f.onOtherThread(self -> {
            parked.set(self);
            return f.sync.waitForKeyedEvent(self, k, 0x40, true, INFINITE);
        });
        Future<Integer> plain = f.onOtherThread(self -> f.sync.releaseKeyedEvent(self, k, 0x80, false, ms(300)));
        while (parked.get() == null) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        assertEquals(true, parked.get().queueApc(() -> ran.add("apc")));
        assertEquals(STATUS_USER_APC, (int) alertable.get(10, TimeUnit.SECONDS));
        assertEquals(java.util.List.of("apc"), ran, "run on the way out");
        assertEquals(STATUS_TIMEOUT, (int) plain.get(10, TimeUnit.SECONDS));
        assertEquals(STATUS_TIMEOUT, f.sync.releaseKeyedEvent(f.main, k, 0x40, false, 0), "the waiter left the key");

        assertEquals(true, f.main.queueApc(() -> ran.add("queued")));
        assertEquals(STATUS_USER_APC, f.sync.releaseKeyedEvent(f.main, k, 0x50, true, INFINITE),
                "a queued APC runs first and the call does not block");
        assertEquals(java.util.List.of("apc", "queued"), ran);
    }
}
