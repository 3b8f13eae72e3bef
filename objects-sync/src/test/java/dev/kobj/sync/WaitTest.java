package dev.kobj.sync;

import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.sync.SyncFixture.INFINITE;
import static dev.kobj.sync.SyncFixture.ms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.process.KThread;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waits: the wait_any, wait_all, wake_any and wake_all cases of the ntsync selftests, and every wake source. */
@Timeout(30)
class WaitTest {
    private static final int WAIT_ALL = 0;
    private static final int WAIT_ANY = 1;

    private final SyncFixture f = new SyncFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private int waitAny(KThread self, long timeout, long... handles) {
        return f.waits.waitForMultipleObjects(self, handles.length, handles, WAIT_ANY, false, timeout);
    }

    private int waitAll(KThread self, long timeout, long... handles) {
        return f.waits.waitForMultipleObjects(self, handles.length, handles, WAIT_ALL, false, timeout);
    }

    private int[] count(long semaphore) {
        int[] info = new int[2];
        f.sync.querySemaphore(f.main, semaphore, info);
        return info;
    }

    /** Waits until {@code n} threads are queued on the object behind {@code handle}. */
    private void awaitQueued(long handle, int n) throws InterruptedException {
        var object = ((dev.kobj.api.dispatch.Waitable) f.objects.lookup(f.main, handle).object()).dispatcherObject();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (object.queuedWaiters() < n) {
            assertTrue(System.nanoTime() < end, "waiters did not queue");
            Thread.sleep(1);
        }
    }

    @Test
    void waitAnyTakesTheLowestSignalledIndexOnly() {
        long sem = f.semaphore(2, 3);
        long mutex = f.mutex(false);
        assertEquals(STATUS_WAIT_0, waitAny(f.main, 0, sem, mutex));
        assertArrayEquals(new int[] {1, 3}, count(sem));
        assertEquals(STATUS_WAIT_0, waitAny(f.main, 0, sem, mutex));
        assertEquals(STATUS_WAIT_1, waitAny(f.main, 0, sem, mutex));
        assertEquals(STATUS_WAIT_1, waitAny(f.main, 0, sem, mutex), "the owner re-enters");
        assertEquals(STATUS_WAIT_0, waitAny(f.main, 0, mutex, mutex), "duplicates are allowed in wait-any");
        long unsignalled = f.event(false, false);
        assertEquals(STATUS_TIMEOUT, waitAny(f.main, 0, unsignalled, sem));
        assertEquals(STATUS_TIMEOUT, waitAny(f.main, ms(20), unsignalled, sem));
    }

    @Test
    void waitAllIsAtomic() throws Exception {
        long sem = f.semaphore(1, 3);
        long mutex = f.mutex(false);
        long event = f.event(false, false);
        assertEquals(STATUS_TIMEOUT, waitAll(f.main, 0, sem, mutex, event));
        assertArrayEquals(new int[] {1, 3}, count(sem), "a failed wait-all takes nothing");
        f.sync.setEvent(f.main, event, null);
        assertEquals(STATUS_WAIT_0, waitAll(f.main, 0, sem, mutex, event));
        assertArrayEquals(new int[] {0, 3}, count(sem));
        assertEquals(STATUS_TIMEOUT, waitAll(f.main, 0, mutex, event));
        int[] info = new int[3];
        f.sync.queryMutant(f.main, mutex, info);
        assertEquals(0, info[0], "owned once: the timed-out wait did not re-enter");
        assertEquals(STATUS_INVALID_PARAMETER_MIX, waitAll(f.main, 0, sem, sem));
        long[] dup = new long[1];
        f.objects.duplicate(f.main, -1, sem, -1, dup, 0, 0, 2);
        assertEquals(STATUS_INVALID_PARAMETER_MIX, waitAll(f.main, 0, sem, dup[0]), "two handles, one object");
        // A wait-all list found distinct is remembered per thread; one differing in a place is checked anew.
        assertEquals(STATUS_TIMEOUT, waitAll(f.main, 0, mutex, event, sem));
        assertEquals(STATUS_INVALID_PARAMETER_MIX, waitAll(f.main, 0, mutex, event, mutex));
        assertEquals(STATUS_INVALID_PARAMETER_MIX, waitAll(f.main, 0, mutex, event, sem, event));
        assertEquals(STATUS_TIMEOUT, waitAll(f.main, 0, mutex, event, sem));
        assertEquals(STATUS_INVALID_PARAMETER_MIX, waitAll(f.main, 0, mutex, mutex));
    }

    @Test
    void countsAndHandlesAreValidated() {
        long event = f.event(true, true);
        long[] handles = new long[65];
        java.util.Arrays.fill(handles, event);
        assertEquals(STATUS_INVALID_PARAMETER_1, f.waits.waitForMultipleObjects(f.main, 0, handles, WAIT_ANY, false, 0));
        assertEquals(STATUS_INVALID_PARAMETER_1, f.waits.waitForMultipleObjects(f.main, 65, handles, WAIT_ANY, false, 0));
        assertEquals(STATUS_WAIT_0, f.waits.waitForMultipleObjects(f.main, 64, handles, WAIT_ANY, false, 0));
        assertEquals(STATUS_INVALID_PARAMETER_3, f.waits.waitForMultipleObjects(f.main, 1, handles, 2, false, 0));
        assertEquals(STATUS_INVALID_HANDLE, waitAny(f.main, 0, event, 0x7770));
        assertEquals(STATUS_INVALID_HANDLE, f.waits.waitForSingleObject(f.main, 0, false, 0));
    }

    @Test
    void wakeAnyBySignalSemaphoreMutexAndEvent() throws Exception {
        long sem = f.semaphore(0, 3);
        long mutex = f.mutex(true);
        Future<Integer> waiter = f.onOtherThread(self -> waitAny(self, INFINITE, sem, mutex));
        awaitQueued(sem, 1);
        assertEquals(STATUS_SUCCESS, f.sync.releaseSemaphore(f.main, sem, 1, null));
        assertEquals(STATUS_WAIT_0, waiter.get(10, TimeUnit.SECONDS));
        assertArrayEquals(new int[] {0, 3}, count(sem), "consumed by the waiter");

        waiter = f.onOtherThread(self -> waitAny(self, INFINITE, sem, mutex));
        awaitQueued(mutex, 1);
        f.sync.releaseMutant(f.main, mutex, null);
        assertEquals(STATUS_WAIT_1, waiter.get(10, TimeUnit.SECONDS));

        long event = f.event(false, false);
        waiter = f.onOtherThread(self -> f.waits.waitForSingleObject(self, event, false, INFINITE));
        awaitQueued(event, 1);
        f.sync.setEvent(f.main, event, null);
        assertEquals(STATUS_WAIT_0, waiter.get(10, TimeUnit.SECONDS));
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, event, false, 0),
                "set with a waiter wakes it and leaves the event unsignalled");
    }

    @Test
    void twoSemaphoresNeverBothCountDownForOneWaiter() throws Exception {
        for (int round = 0; round < 200; round++) {
            long a = f.semaphore(0, 1);
            long b = f.semaphore(0, 1);
            Future<Integer> waiter = f.onOtherThread(self -> waitAny(self, INFINITE, a, b));
            awaitQueued(b, 1);
            Future<?> releaseA = f.onOtherThread(self -> f.sync.releaseSemaphore(self, a, 1, null));
            f.sync.releaseSemaphore(f.main, b, 1, null);
            releaseA.get(10, TimeUnit.SECONDS);
            int index = waiter.get(10, TimeUnit.SECONDS);
            assertTrue(index == 0 || index == 1);
            assertEquals(1, count(a)[0] + count(b)[0], "exactly one count was taken");
        }
    }

    @Test
    void wakeAllByLastSignal() throws Exception {
        long sem = f.semaphore(0, 3);
        long mutex = f.mutex(false);
        long manual = f.event(true, false);
        long auto = f.event(false, false);
        Future<Integer> waiter = f.onOtherThread(self -> waitAll(self, INFINITE, sem, mutex, manual, auto));
        awaitQueued(sem, 1);
        f.sync.releaseSemaphore(f.main, sem, 1, null);
        f.sync.setEvent(f.main, manual, null);
        assertFalse(waiter.isDone());
        assertArrayEquals(new int[] {1, 3}, count(sem), "nothing consumed until all are signalled");
        f.sync.setEvent(f.main, auto, null);
        assertEquals(STATUS_WAIT_0, waiter.get(10, TimeUnit.SECONDS));
        assertArrayEquals(new int[] {0, 3}, count(sem));
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, auto, false, 0));
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(f.main, manual, false, 0));
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, mutex, false, 0), "the waiter owns the mutex");
    }

    @Test
    void manualEventWakesEveryWaiterAutoEventOne() throws Exception {
        long manual = f.event(true, false);
        Future<Integer> first = f.onOtherThread(self -> f.waits.waitForSingleObject(self, manual, false, INFINITE));
        Future<Integer> second = f.onOtherThread(self -> f.waits.waitForSingleObject(self, manual, false, INFINITE));
        awaitQueued(manual, 2);
        f.sync.setEvent(f.main, manual, null);
        assertEquals(STATUS_WAIT_0, first.get(10, TimeUnit.SECONDS));
        assertEquals(STATUS_WAIT_0, second.get(10, TimeUnit.SECONDS));

        long auto = f.event(false, false);
        Future<Integer> a = f.onOtherThread(self -> f.waits.waitForSingleObject(self, auto, false, ms(5000)));
        Future<Integer> b = f.onOtherThread(self -> f.waits.waitForSingleObject(self, auto, false, ms(5000)));
        awaitQueued(auto, 2);
        f.sync.setEvent(f.main, auto, null);
        f.sync.setEvent(f.main, auto, null);
        assertEquals(STATUS_WAIT_0, a.get(10, TimeUnit.SECONDS));
        assertEquals(STATUS_WAIT_0, b.get(10, TimeUnit.SECONDS));
    }

    @Test
    void pulseReleasesTheWaitersQueuedNowAndLeavesTheEventReset() throws Exception {
        long manual = f.event(true, false);
        Future<Integer> first = f.onOtherThread(self -> f.waits.waitForSingleObject(self, manual, false, INFINITE));
        Future<Integer> second = f.onOtherThread(self -> f.waits.waitForSingleObject(self, manual, false, INFINITE));
        awaitQueued(manual, 2);
        f.sync.pulseEvent(f.main, manual, null);
        assertEquals(STATUS_WAIT_0, first.get(10, TimeUnit.SECONDS));
        assertEquals(STATUS_WAIT_0, second.get(10, TimeUnit.SECONDS));
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, manual, false, 0));
    }

    @Test
    void timeoutWakesAfterTheInterval() {
        long event = f.event(true, false);
        long start = System.nanoTime();
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, event, false, ms(100)));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed >= 95 && elapsed < 5000, "waited " + elapsed + " ms");
        long absolute = f.waits.clock().systemTime() + 50 * 10_000;
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, event, false, absolute));
        long past = f.waits.clock().systemTime() - 10_000_000;
        assertEquals(STATUS_TIMEOUT, f.waits.waitForSingleObject(f.main, event, false, past), "a past due time polls");
        long sem = f.semaphore(0, 1);
        assertEquals(STATUS_TIMEOUT, waitAll(f.main, ms(30), event, sem));
    }

    @Test
    void interruptEndsTheWaitWithCancelledAndStaysSet() throws Exception {
        long event = f.event(true, false);
        AtomicReference<Thread> thread = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Future<Boolean> waiter = f.onOtherThread(self -> {
            thread.set(Thread.currentThread());
            started.countDown();
            int status = f.waits.waitForSingleObject(self, event, false, INFINITE);
            return status == STATUS_CANCELLED && Thread.currentThread().isInterrupted();
        });
        started.await();
        awaitQueued(event, 1);
        thread.get().interrupt();
        assertTrue(waiter.get(10, TimeUnit.SECONDS));
        assertEquals(0, ((dev.kobj.api.dispatch.Waitable) f.objects.lookup(f.main, event).object())
                .dispatcherObject().queuedWaiters(), "the cancelled waiter left the queue");
        Thread.currentThread().interrupt();
        assertEquals(STATUS_CANCELLED, waitAll(f.main, INFINITE, event, f.semaphore(0, 1)));
        assertTrue(Thread.interrupted());
    }

    @Test
    void aThreadEndedBeforeItsWaitBlocksDoesNotBlock() throws Exception {
        // The race of a termination between a thread's last fence and its wait, made deterministic.
        long event = f.event(true, false);
        KThread ended = f.adopt();
        f.kernel.processes().endThread(ended, 7);
        long start = System.nanoTime();
        assertEquals(STATUS_THREAD_IS_TERMINATING, f.waits.waitForSingleObject(ended, event, false, ms(5000)));
        assertEquals(STATUS_THREAD_IS_TERMINATING, waitAll(ended, ms(5000), event, f.semaphore(0, 1)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "not a timeout");
        assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(ended, f.event(true, true), false, ms(5000)),
                "a signalled object is still taken without blocking");
    }

    @Test
    void ownerEndWakesWaitersWithAbandoned() throws Exception {
        long mutex = f.mutex(false);
        CountDownLatch owned = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Future<KThread> owner = f.onOtherThread(self -> {
            assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(self, mutex, false, 0));
            owned.countDown();
            end.await();
            return self;
        });
        owned.await();
        long event = f.event(true, false);
        Future<Integer> waiter = f.onOtherThread(self -> waitAny(self, INFINITE, event, mutex));
        awaitQueued(mutex, 1);
        end.countDown();
        dev.kobj.api.dispatch.DispatcherMutant.abandonAll(owner.get());
        assertEquals(STATUS_ABANDONED_WAIT_0 + 1, waiter.get(10, TimeUnit.SECONDS));
    }

    /** A platform thread of the process that takes the mutex and ends while owning it. */
    private Thread ownerThatEnds(long mutex, CountDownLatch owned, CountDownLatch end) {
        Thread thread = new Thread(() -> {
            KThread self = f.adopt();
            assertEquals(STATUS_WAIT_0, f.waits.waitForSingleObject(self, mutex, false, 0));
            owned.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void anEndedAdoptedOwnerIsNoticedWhenItsMutexIsWaitedOnOrQueried() throws Exception {
        long mutex = f.mutex(false);
        CountDownLatch owned = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Thread owner = ownerThatEnds(mutex, owned, end);
        owned.await();
        end.countDown();
        owner.join();
        int[] info = new int[3];
        assertEquals(STATUS_SUCCESS, f.sync.queryMutant(f.main, mutex, info));
        assertArrayEquals(new int[] {1, 0, 1}, info, "free and abandoned once the owner is known to have ended");
        assertEquals(STATUS_ABANDONED_WAIT_0, f.waits.waitForSingleObject(f.main, mutex, false, 0));

        long second = f.mutex(false);
        CountDownLatch owned2 = new CountDownLatch(1);
        CountDownLatch end2 = new CountDownLatch(1);
        Thread owner2 = ownerThatEnds(second, owned2, end2);
        owned2.await();
        end2.countDown();
        owner2.join();
        assertEquals(STATUS_ABANDONED_WAIT_0, f.waits.waitForSingleObject(f.main, second, false, ms(5000)),
                "a wait that would block notices first");
    }

    @Test
    void theSweepWakesAWaiterWhenTheOwnerEndsLater() throws Exception {
        long mutex = f.mutex(false);
        CountDownLatch owned = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Thread owner = ownerThatEnds(mutex, owned, end);
        owned.await();
        Future<Integer> waiter = f.onOtherThread(self -> f.waits.waitForSingleObject(self, mutex, false, INFINITE));
        awaitQueued(mutex, 1);
        end.countDown();
        owner.join();
        assertEquals(STATUS_ABANDONED_WAIT_0, waiter.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closingTheHandleDoesNotEndAWaitInProgress() throws Exception {
        long event = f.event(true, false);
        Future<Integer> waiter = f.onOtherThread(self -> f.waits.waitForSingleObject(self, event, false, INFINITE));
        awaitQueued(event, 1);
        var object = ((dev.kobj.api.dispatch.Waitable) f.objects.lookup(f.main, event).object()).dispatcherObject();
        assertEquals(STATUS_SUCCESS, f.objects.close(f.main, event));
        assertFalse(waiter.isDone());
        ((dev.kobj.api.dispatch.DispatcherEvent) object).set();
        assertEquals(STATUS_WAIT_0, waiter.get(10, TimeUnit.SECONDS));
    }
}
