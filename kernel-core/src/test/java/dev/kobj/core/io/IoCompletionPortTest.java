package dev.kobj.core.io;

import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.core.io.IoFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.CompletionPacket;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;
import dev.kobj.core.io.IoFixture.Running;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IoCompletionPortTest {
    private static final int ALL = 0x1F0003;
    private static final long MS = -10_000L;

    private final IoFixture k = new IoFixture();
    private final KThread me = k.caller;
    private final CompletionPacket[] out = new CompletionPacket[4];
    private final int[] removed = new int[1];

    @AfterEach
    void close() {
        Thread.interrupted();
        k.close();
    }

    private long port(int concurrency) {
        long[] handle = new long[1];
        assertEquals(STATUS_SUCCESS, k.io.createIoCompletion(me, ObjectAttributes.NONE, ALL, concurrency, handle));
        return handle[0];
    }

    private IoCompletionPort object(long port) {
        return (IoCompletionPort) k.objects.lookup(me, port).object();
    }

    private int post(long port, long key) {
        return k.io.setIoCompletion(me, port, key, null, key * 10, STATUS_SUCCESS, key * 100);
    }

    /** A thread of the process blocked in remove; it returns the key of what it got, or the status. */
    private Running remover(long port, long timeout, boolean alertable) {
        return k.start(t -> {
            CompletionPacket[] mine = new CompletionPacket[1];
            int[] n = new int[1];
            int status = k.io.removeIoCompletion(t, port, mine, 1, n, timeout, alertable);
            return status == STATUS_SUCCESS ? (int) mine[0].key() : status;
        });
    }

    @Test
    void packetsComeOutFirstInFirstOut() {
        long port = port(1);
        Object context = new Object();
        assertEquals(STATUS_SUCCESS, k.io.setIoCompletion(me, port, 1, context, 11, STATUS_PIPE_BROKEN, 5));
        assertEquals(STATUS_SUCCESS, post(port, 2));
        assertEquals(STATUS_SUCCESS, post(port, 3));
        int[] depth = new int[1];
        assertEquals(STATUS_SUCCESS, k.io.queryIoCompletion(me, port, depth));
        assertEquals(3, depth[0]);
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, port, out, 1, removed, 0, false));
        assertEquals(1, removed[0]);
        assertEquals(new CompletionPacket(1, context, 11, STATUS_PIPE_BROKEN, 5), out[0]);
        assertSame(context, out[0].context());
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, port, out, 4, removed, 0, false));
        assertEquals(2, removed[0]);
        assertEquals(2, out[0].key());
        assertEquals(3, out[1].key());
        assertEquals(STATUS_SUCCESS, k.io.queryIoCompletion(me, port, depth));
        assertEquals(0, depth[0]);
    }

    @Test
    void everyPacketIsRemovedExactlyOnceUnderConcurrentPostsAndRemoves() throws Exception {
        long port = port(2);
        int posters = 4;
        int perPoster = 2_000;
        java.util.Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
        List<Running> removers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            removers.add(k.start(t -> {
                CompletionPacket[] mine = new CompletionPacket[3];
                int[] n = new int[1];
                int got = 0;
                while (k.io.removeIoCompletion(t, port, mine, 3, n, 200 * MS, false) == STATUS_SUCCESS) {
                    for (int i = 0; i < n[0]; i++) {
                        if (!seen.add(mine[i].key())) {
                            duplicates.incrementAndGet();
                        }
                    }
                    got += n[0];
                }
                return got;
            }));
        }
        List<Running> senders = new ArrayList<>();
        for (int p = 0; p < posters; p++) {
            long base = (long) p * perPoster;
            senders.add(k.start(t -> {
                for (int i = 0; i < perPoster; i++) {
                    assertEquals(STATUS_SUCCESS, k.io.setIoCompletion(t, port, base + i, null, 0, 0, 0));
                }
                return 0;
            }));
        }
        for (Running sender : senders) {
            sender.await();
        }
        int total = 0;
        for (Running remover : removers) {
            total += remover.await();
        }
        assertEquals(posters * perPoster, total);
        assertEquals(posters * perPoster, seen.size());
        assertEquals(0, duplicates.get());
        assertEquals(0, object(port).depth());
    }

    @Test
    void anEmptyPortTimesOut() {
        long port = port(1);
        assertEquals(STATUS_TIMEOUT, k.io.removeIoCompletion(me, port, out, 1, removed, 0, false));
        long start = System.nanoTime();
        assertEquals(STATUS_TIMEOUT, k.io.removeIoCompletion(me, port, out, 1, removed, 50 * MS, false));
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        assertEquals(0, removed[0]);
        assertEquals(0, object(port).blockedRemovers());
    }

    @Test
    void theLastThreadToWaitIsWokenFirst() throws Exception {
        long port = port(3);
        List<Running> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(remover(port, WaitService.INFINITE, false));
            int blocked = i + 1;
            eventually(() -> object(port).blockedRemovers() == blocked);
        }
        assertEquals(STATUS_SUCCESS, post(port, 7));
        assertEquals(7, waiting.get(2).await());
        assertFalse(waiting.get(1).result().isDone());
        assertEquals(STATUS_SUCCESS, post(port, 8));
        assertEquals(8, waiting.get(1).await());
        assertEquals(STATUS_SUCCESS, post(port, 9));
        assertEquals(9, waiting.get(0).await());
        assertEquals(0, object(port).depth()); // handed over, never queued
    }

    @Test
    void theConcurrencyValueHoldsBackWaitersWhileEnoughRun() throws Exception {
        long port = port(1);
        assertEquals(STATUS_SUCCESS, post(port, 1));
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, port, out, 1, removed, 0, false)); // me: running
        Running other = remover(port, WaitService.INFINITE, false);
        eventually(() -> object(port).blockedRemovers() == 1);
        assertEquals(STATUS_SUCCESS, post(port, 2));
        Thread.sleep(30);
        assertFalse(other.result().isDone()); // one thread runs already
        assertEquals(1, object(port).depth());
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, port, out, 1, removed, 0, false));
        assertEquals(2, out[0].key()); // the thread coming back takes it itself
        assertEquals(STATUS_SUCCESS, post(port, 3));
        k.kernel.processes().endThread(me, 0); // the running thread ends: the waiter may run
        assertEquals(3, other.await());
    }

    @Test
    void aRunningThreadThatBlocksElsewhereStopsCounting() throws Exception {
        long port = port(1);
        long other = port(1);
        assertEquals(STATUS_SUCCESS, post(port, 1));
        Running worker = k.start(t -> {
            CompletionPacket[] mine = new CompletionPacket[1];
            assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(t, port, mine, 1, new int[1], 0, false));
            return k.waits.waitForSingleObject(t, other, false, WaitService.INFINITE); // blocks on another object
        });
        eventually(() -> object(other).dispatcherObject().queuedWaiters() == 1);
        assertEquals(0, object(port).running());
        Running waiter = remover(port, WaitService.INFINITE, false);
        eventually(() -> object(port).blockedRemovers() == 1);
        assertEquals(STATUS_SUCCESS, post(port, 2));
        assertEquals(2, waiter.await()); // the blocked worker does not count against the concurrency value
        assertEquals(STATUS_SUCCESS, post(other, 9));
        assertEquals(STATUS_WAIT_0, worker.await());
        assertEquals(2, object(port).running()); // both run for a while, as in Windows
    }

    @Test
    void closingThePortWakesEveryWaiterWithAbandonedWait() throws Exception {
        long port = port(2);
        Running first = remover(port, WaitService.INFINITE, false);
        Running second = remover(port, 5_000 * MS, false);
        eventually(() -> object(port).blockedRemovers() == 2);
        IoCompletionPort object = object(port);
        assertEquals(STATUS_SUCCESS, post(port, 1));
        assertEquals(1, second.await());
        assertEquals(STATUS_SUCCESS, k.objects.close(me, port));
        assertEquals(STATUS_ABANDONED_WAIT_0, first.await());
        assertEquals(STATUS_INVALID_HANDLE, k.io.removeIoCompletion(me, port, out, 1, removed, 0, false));
        assertFalse(object.post(new CompletionPacket(1, null, 0, 0, 0))); // dropped once closed
        assertEquals(0, object.depth());
    }

    @Test
    void anInterruptEndsARemove() throws Exception {
        long port = port(1);
        boolean[] flag = new boolean[1];
        Running waiter = k.start(t -> {
            int status = k.io.removeIoCompletion(t, port, new CompletionPacket[1], 1, new int[1], WaitService.INFINITE,
                    false);
            flag[0] = Thread.currentThread().isInterrupted();
            return status;
        });
        eventually(() -> object(port).blockedRemovers() == 1);
        waiter.thread().javaThread().interrupt();
        assertEquals(STATUS_CANCELLED, waiter.await());
        assertTrue(flag[0]);
        assertEquals(0, object(port).blockedRemovers());
        assertEquals(STATUS_SUCCESS, post(port, 1));
        assertEquals(1, object(port).depth()); // nobody took it
    }

    @Test
    void terminationEndsARemove() throws Exception {
        long port = port(1);
        Running waiter = remover(port, WaitService.INFINITE, false);
        eventually(() -> object(port).blockedRemovers() == 1);
        k.kernel.processes().endThread(waiter.thread(), 1);
        assertEquals(STATUS_THREAD_IS_TERMINATING, waiter.await());
        assertEquals(0, object(port).blockedRemovers());
    }

    @Test
    void anAlertableRemoveRunsApcsInsteadOfWaiting() throws Exception {
        long port = port(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        me.queueApc(() -> ran.add("before"));
        assertEquals(STATUS_USER_APC, k.io.removeIoCompletion(me, port, out, 1, removed, WaitService.INFINITE, true));
        assertEquals(List.of("before"), ran);
        Running waiter = remover(port, WaitService.INFINITE, true);
        eventually(() -> object(port).blockedRemovers() == 1);
        waiter.thread().queueApc(() -> ran.add("during"));
        assertEquals(STATUS_USER_APC, waiter.await());
        assertEquals(List.of("before", "during"), ran);
    }

    @Test
    void aNonAlertableRemoveIgnoresApcs() {
        long port = port(1);
        me.queueApc(() -> { });
        assertEquals(STATUS_TIMEOUT, k.io.removeIoCompletion(me, port, out, 1, removed, 20 * MS, false));
        assertTrue(me.hasApcs());
    }

    @Test
    void thePortHandleIsSignalledWhilePacketsWait() {
        long port = port(1);
        assertEquals(STATUS_TIMEOUT, k.waits.waitForSingleObject(me, port, false, 0));
        assertEquals(STATUS_SUCCESS, post(port, 1));
        assertEquals(STATUS_WAIT_0, k.waits.waitForSingleObject(me, port, false, 0));
        assertEquals(STATUS_WAIT_0, k.waits.waitForSingleObject(me, port, false, 0)); // a wait consumes nothing
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, port, out, 1, removed, 0, false));
        assertEquals(STATUS_TIMEOUT, k.waits.waitForSingleObject(me, port, false, 0));
    }

    @Test
    void rightsAndArgumentsAreChecked() {
        long port = port(1);
        long[] queryOnly = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(me, -1, port, -1, queryOnly, 0x0001, 0, 0));
        assertEquals(STATUS_ACCESS_DENIED, post(queryOnly[0], 1));
        assertEquals(STATUS_ACCESS_DENIED, k.io.removeIoCompletion(me, queryOnly[0], out, 1, removed, 0, false));
        int[] depth = new int[1];
        assertEquals(STATUS_SUCCESS, k.io.queryIoCompletion(me, queryOnly[0], depth));
        long[] modifyOnly = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(me, -1, port, -1, modifyOnly, 0x0002, 0, 0));
        assertEquals(STATUS_ACCESS_DENIED, k.io.queryIoCompletion(me, modifyOnly[0], depth));
        assertEquals(STATUS_INVALID_HANDLE, post(0x7FF0, 1));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.io.setIoCompletion(me, -1, 0, null, 0, 0, 0));
        assertEquals(STATUS_INVALID_PARAMETER, k.io.removeIoCompletion(me, port, null, 1, removed, 0, false));
        assertEquals(STATUS_INVALID_PARAMETER, k.io.removeIoCompletion(me, port, out, 0, removed, 0, false));
        assertEquals(STATUS_INVALID_PARAMETER, k.io.removeIoCompletion(me, port, out, 5, removed, 0, false));
        assertEquals(STATUS_INVALID_PARAMETER, k.io.queryIoCompletion(me, port, null));
        long[] handle = {9};
        assertEquals(STATUS_INVALID_PARAMETER, k.io.createIoCompletion(me, ObjectAttributes.NONE, ALL, -1, handle));
        assertEquals(0, object(port).depth());
    }

    @Test
    void aNamedPortOpensByName() {
        long[] created = new long[1];
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\port1", 0);
        assertEquals(STATUS_SUCCESS, k.io.createIoCompletion(me, name, ALL, 0, created));
        assertEquals(Runtime.getRuntime().availableProcessors(), object(created[0]).concurrency());
        long[] opened = new long[1];
        assertEquals(STATUS_SUCCESS, k.io.openIoCompletion(me, name, ALL, opened));
        assertEquals(STATUS_SUCCESS, post(opened[0], 4));
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, created[0], out, 1, removed, 0, false));
        assertEquals(4, out[0].key());
        assertNull(out[1]);
    }
}
