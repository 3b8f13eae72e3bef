package dev.kobj.core.io;

import static dev.kobj.api.io.IoRequest.USE_FILE_POINTER_POSITION;
import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.core.io.IoFixture.GENERIC_READ;
import static dev.kobj.core.io.IoFixture.SYNCHRONIZE;
import static dev.kobj.core.io.IoFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.io.CompletionPacket;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.process.KThread;
import dev.kobj.core.io.IoFixture.Block;
import dev.kobj.core.io.IoFixture.Running;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IoManagerTest {
    private final IoFixture k = new IoFixture();
    private final KThread me = k.caller;

    @AfterEach
    void close() {
        Thread.interrupted();
        k.close();
    }

    private int read(long file, Block block, byte[] buffer, int length, long at) {
        return k.io.read(me, file, 0, null, null, block, buffer, 0, length, at);
    }

    private boolean fileSignalled(long file) {
        return k.waits.waitForSingleObject(me, file, false, 0) == STATUS_WAIT_0;
    }

    // ---- opening through a device ----

    @Test
    void aNameThroughADosLinkReachesTheDriverWhichOpensAFileObject() {
        long[] handle = new long[1];
        long[] information = new long[1];
        int status = k.io.createFile(me, ObjectAttributes.named("\\??\\kobjtest\\sync", 0x40), GENERIC_READ | SYNCHRONIZE,
                1, CreateParameters.FILE_OPEN, 0, 0, null, handle, information);
        assertEquals(STATUS_SUCCESS, status);
        assertEquals(CreateParameters.FILE_OPENED, information[0]);
        assertEquals(1, k.driver.creates.get());
        FileObject file = (FileObject) k.objects.lookup(me, handle[0]).object();
        assertEquals("File", file.type().name());
        assertEquals("sync", file.fileName());
        assertSame(k.driver.device(), file.device());
        assertEquals(0x120089 | SYNCHRONIZE, file.access()); // GENERIC_READ mapped
        assertEquals(1, file.shareAccess());
        int[] type = new int[1];
        assertEquals(STATUS_SUCCESS, k.io.queryDeviceType(me, handle[0], type));
        assertEquals(DeviceObject.FILE_DEVICE_UNKNOWN, type[0]);
        ObjectInfo.Type[] info = new ObjectInfo.Type[1];
        assertEquals(STATUS_SUCCESS, k.objects.queryType(me, handle[0], info));
        assertEquals("File", info[0].typeName());
    }

    @Test
    void theDeviceItselfOpensWithAnEmptyName() {
        long[] handle = new long[1];
        assertEquals(STATUS_SUCCESS, k.io.createFile(me, ObjectAttributes.named("\\Device\\KobjTest", 0), GENERIC_READ,
                0, CreateParameters.FILE_OPEN, 0, 0, null, handle, null));
        assertEquals("", ((FileObject) k.objects.lookup(me, handle[0]).object()).fileName());
    }

    @Test
    void badNamesAndParametersOpenNothing() {
        long[] handle = {99};
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, create("\\??\\KobjTest\\missing", 1, 0, handle));
        assertEquals(0, handle[0]);
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, create("\\Device\\Nope\\x", 1, 0, handle));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, create("\\Device\\Nope", 1, 0, handle));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, create("\\Device", 1, 0, handle)); // a directory opens no file
        assertEquals(STATUS_OBJECT_PATH_SYNTAX_BAD, create("", 1, 0, handle));
        assertEquals(STATUS_INVALID_PARAMETER, create("\\??\\KobjTest\\sync", 6, 0, handle)); // disposition
        assertEquals(STATUS_INVALID_PARAMETER, create("\\??\\KobjTest\\sync", 1, 0x30, handle)); // both sync modes
        assertEquals(STATUS_INVALID_PARAMETER, k.io.createFile(me, ObjectAttributes.named("\\??\\KobjTest\\sync", 0),
                1, 0, 1, 0x20, 0, null, handle, null)); // synchronous without SYNCHRONIZE
        assertEquals(STATUS_INVALID_PARAMETER, k.io.createFile(me, ObjectAttributes.named("\\??\\KobjTest\\sync", 0),
                GENERIC_READ, 8, 1, 0, 0, null, handle, null)); // share bits
        assertEquals(0, k.driver.creates.get());
        assertEquals(0, k.objects.typeInfo(k.kernel.objectType("File").orElseThrow()).totalNumberOfObjects());
    }

    private int create(String name, int disposition, int options, long[] handle) {
        return k.io.createFile(me, ObjectAttributes.named(name, 0x40), GENERIC_READ | SYNCHRONIZE, 0, disposition,
                options, 0, null, handle, null);
    }

    // ---- synchronous completion ----

    @Test
    void aSynchronousFileReadsAtItsPositionAndMovesIt() {
        long file = k.open("sync", true);
        byte[] buffer = new byte[10];
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, read(file, block, buffer, 10, USE_FILE_POINTER_POSITION));
        assertEquals(10, block.information);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, buffer);
        assertEquals(STATUS_SUCCESS, read(file, block, buffer, 10, USE_FILE_POINTER_POSITION));
        assertEquals(10, buffer[0]);
        assertEquals(20, ((FileObject) k.objects.lookup(me, file).object()).position());
        assertEquals(STATUS_SUCCESS, read(file, block, buffer, 10, 95)); // an explicit offset also moves it (§8)
        assertEquals(5, block.information);
        assertEquals(100, ((FileObject) k.objects.lookup(me, file).object()).position());
        assertEquals(STATUS_END_OF_FILE, read(file, block, buffer, 10, USE_FILE_POINTER_POSITION));
        assertEquals(STATUS_END_OF_FILE, block.status);
        assertEquals(4, block.reports);
        assertTrue(fileSignalled(file));
    }

    @Test
    void anOverlappedFileCompletingAtOnceReportsAndSignalsTheFile() {
        long file = k.open("sync", false);
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.io.write(me, file, 0, null, null, block, new byte[8], 0, 8, 0));
        assertEquals(STATUS_SUCCESS, block.status);
        assertEquals(8, block.information);
        assertTrue(fileSignalled(file));
        assertEquals(0, ((FileObject) k.objects.lookup(me, file).object()).position()); // not used when overlapped
        assertEquals(STATUS_INVALID_PARAMETER, read(file, block, new byte[1], 1, USE_FILE_POINTER_POSITION));
    }

    // ---- pending requests ----

    @Test
    void anOverlappedRequestPendsAndCompletesLater() throws Exception {
        long file = k.open("later", false);
        Block block = new Block();
        assertEquals(STATUS_PENDING, read(file, block, new byte[16], 16, 0));
        assertEquals(0, block.reports);
        assertFalse(fileSignalled(file));
        assertTrue(k.driver.completeNext(STATUS_SUCCESS, 7));
        assertEquals(STATUS_SUCCESS, block.status);
        assertEquals(7, block.information);
        assertTrue(fileSignalled(file));
    }

    @Test
    void aRequestCompletesOnce() throws Exception {
        long file = k.open("never", false);
        Block block = new Block();
        assertEquals(STATUS_PENDING, read(file, block, new byte[4], 4, 0));
        IoRequest request = k.driver.next();
        assertTrue(request.complete(STATUS_SUCCESS, 4));
        assertFalse(request.complete(STATUS_UNSUCCESSFUL, 0));
        assertEquals(1, block.reports);
        assertEquals(STATUS_SUCCESS, block.status);
    }

    @Test
    void aSynchronousFileWaitsInsideTheCallUntilCompletion() throws Exception {
        long file = k.open("later", true);
        Block block = new Block();
        Running reader = k.start(t -> k.io.read(t, file, 0, null, null, block, new byte[16], 0, 16, 0));
        IoRequest request = k.driver.next();
        Thread.sleep(20);
        assertFalse(reader.result().isDone());
        assertTrue(k.driver.complete(request, STATUS_SUCCESS, 12));
        assertEquals(STATUS_SUCCESS, reader.await());
        assertEquals(12, block.information);
        assertEquals(12, ((FileObject) k.objects.lookup(me, file).object()).position());
    }

    @Test
    void anInterruptEndsASynchronousWaitAndCancelsTheRequest() throws Exception {
        long file = k.open("later", true);
        Block block = new Block();
        boolean[] stillInterrupted = new boolean[1];
        Running reader = k.start(t -> {
            int status = k.io.read(t, file, 0, null, null, block, new byte[4], 0, 4, 0);
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
            return status;
        });
        k.driver.next();
        reader.thread().javaThread().interrupt();
        assertEquals(STATUS_CANCELLED, reader.await());
        assertTrue(stillInterrupted[0]);
        assertEquals(1, k.driver.cancels.get());
        assertEquals(STATUS_CANCELLED, block.status);
        assertEquals(0, block.information);
    }

    @Test
    void anInterruptEndsASynchronousWaitOnARequestThatCannotBeCancelled() throws Exception {
        long file = k.open("never", true);
        Block block = new Block();
        Running reader = k.start(t -> k.io.read(t, file, 0, null, null, block, new byte[4], 0, 4, 0));
        IoRequest request = k.driver.next();
        reader.thread().javaThread().interrupt();
        assertEquals(STATUS_CANCELLED, reader.await());
        assertTrue(request.isCancelled());
        assertEquals(0, block.reports); // the driver still owns it
        assertTrue(request.complete(STATUS_SUCCESS, 1)); // a late completion reaches no later wait
        assertEquals(1, block.reports);
    }

    @Test
    void terminationEndsASynchronousWaitAndCancelsTheThreadsRequests() throws Exception {
        long sync = k.open("later", true);
        long overlapped = k.open("later", false);
        Block first = new Block();
        Block second = new Block();
        Running reader = k.start(t -> {
            assertEquals(STATUS_PENDING, k.io.read(t, overlapped, 0, null, null, first, new byte[4], 0, 4, 0));
            return k.io.read(t, sync, 0, null, null, second, new byte[4], 0, 4, 0);
        });
        eventually(() -> k.driver.pendingCount() == 2 && parked(reader));
        k.kernel.processes().endThread(reader.thread(), 5);
        assertEquals(STATUS_THREAD_IS_TERMINATING, reader.await());
        assertEquals(STATUS_CANCELLED, first.status);
        assertEquals(STATUS_CANCELLED, second.status);
        assertEquals(2, k.driver.cancels.get());
    }

    @Test
    void processEndCancelsItsRequestsAndCleansItsFilesUp() throws Exception {
        long file = k.open("later", false);
        Block block = new Block();
        assertEquals(STATUS_PENDING, read(file, block, new byte[4], 4, 0));
        k.kernel.processes().endProcess(k.process, 3);
        assertEquals(STATUS_CANCELLED, block.status);
        assertEquals(1, k.driver.cleanups.get());
        assertEquals(1, k.driver.closes.get());
    }

    private static boolean parked(Running running) {
        return running.thread().javaThread().getState() == Thread.State.WAITING
                && running.thread().waiter().isWaiting();
    }

    // ---- cancellation ----

    @Test
    void cancelIoTakesThisThreadsRequestsOnTheFileOnly() throws Exception {
        long file = k.open("later", false);
        long other = k.open("later", false);
        Block mine1 = new Block();
        Block mine2 = new Block();
        Block onOther = new Block();
        Block theirs = new Block();
        assertEquals(STATUS_PENDING, read(file, mine1, new byte[1], 1, 0));
        assertEquals(STATUS_PENDING, read(file, mine2, new byte[1], 1, 0));
        assertEquals(STATUS_PENDING, read(other, onOther, new byte[1], 1, 0));
        assertEquals(STATUS_PENDING, k.start(t -> k.io.read(t, file, 0, null, null, theirs, new byte[1], 0, 1, 0)).await());
        assertEquals(STATUS_SUCCESS, k.io.cancel(me, file, true, null));
        assertEquals(STATUS_CANCELLED, mine1.status);
        assertEquals(STATUS_CANCELLED, mine2.status);
        assertEquals(0, onOther.reports);
        assertEquals(0, theirs.reports);
        assertEquals(STATUS_NOT_FOUND, k.io.cancel(me, file, true, null));
        assertEquals(STATUS_SUCCESS, k.io.cancel(me, file, false, null)); // CancelIoEx(h, NULL): everyone's
        assertEquals(STATUS_CANCELLED, theirs.status);
        assertEquals(0, onOther.reports);
    }

    @Test
    void cancelIoExWithAContextTakesThatRequestOnly() {
        long file = k.open("later", false);
        Object ov1 = new Object();
        Object ov2 = new Object();
        Block b1 = new Block();
        Block b2 = new Block();
        assertEquals(STATUS_PENDING, k.io.read(me, file, 0, null, ov1, b1, new byte[1], 0, 1, 0));
        assertEquals(STATUS_PENDING, k.io.read(me, file, 0, null, ov2, b2, new byte[1], 0, 1, 0));
        assertEquals(STATUS_SUCCESS, k.io.cancel(me, file, false, ov2));
        assertEquals(0, b1.reports);
        assertEquals(STATUS_CANCELLED, b2.status);
        assertEquals(STATUS_NOT_FOUND, k.io.cancel(me, file, false, ov2));
        assertEquals(STATUS_INVALID_HANDLE, k.io.cancel(me, 0x7FF0, false, null));
    }

    @Test
    void closingTheLastHandleCancelsPendingRequestsThenCleansUpThenCloses() throws Exception {
        long file = k.open("later", false);
        long[] copy = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(me, -1, file, -1, copy, 0, 0, 2));
        Block block = new Block();
        assertEquals(STATUS_PENDING, read(file, block, new byte[1], 1, 0));
        assertEquals(STATUS_SUCCESS, k.objects.close(me, file));
        assertEquals(0, block.reports); // another handle keeps the file object open
        assertEquals(0, k.driver.cleanups.get());
        assertEquals(STATUS_SUCCESS, k.objects.close(me, copy[0]));
        assertEquals(STATUS_CANCELLED, block.status);
        assertEquals(1, k.driver.cleanups.get());
        assertEquals(1, k.driver.closes.get());
    }

    /**
     * IopCloseFile: a process's last handle to a file object that another process still holds asks the
     * driver to unlock all of that process's locks; a handle that is not the process's last, and the last
     * handle of all (which cleans up instead), do not.
     */
    @Test
    void aProcessesLastHandleToASharedFileObjectUnlocksAllForThatProcess() throws Exception {
        long file = k.open("sync", true);
        dev.kobj.api.process.KProcess other = k.kernel.processes().createProcess("other.exe", 1);
        long[] otherProcess = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.insert(k.process, (dev.kobj.api.object.KernelObject) other, 0x1F_FFFF,
                0, otherProcess));
        long[] first = new long[1];
        long[] second = new long[1];
        long[] mine = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(me, -1, file, otherProcess[0], first, 0, 0, 2));
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(me, -1, file, otherProcess[0], second, 0, 0, 2));
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(me, -1, file, -1, mine, 0, 0, 2));
        assertEquals(STATUS_SUCCESS, k.objects.close(me, mine[0]));
        assertTrue(k.driver.unlockAlls.isEmpty(), "the caller still has a handle");
        int[] seen = new int[2];
        Thread closer = Thread.ofPlatform().start(() -> {
            KThread them = k.kernel.processes().adoptThread(other, Thread.currentThread());
            k.objects.close(them, first[0]);
            seen[0] = k.driver.unlockAlls.size();
            k.objects.close(them, second[0]);
            seen[1] = k.driver.unlockAlls.size();
        });
        closer.join();
        assertEquals(0, seen[0], "the other process still had a handle");
        assertEquals(1, seen[1]);
        assertEquals(List.of(other), k.driver.unlockAlls);
        assertEquals(STATUS_SUCCESS, k.objects.close(me, file));
        assertEquals(1, k.driver.cleanups.get(), "the last handle of all cleans up");
        assertEquals(List.of(other), k.driver.unlockAlls);
    }

    @Test
    void duplicateWithCloseSourceNeverCleansTheFileObjectUp() {
        // Found by the hardening tests: closing the source first took the file object through its cleanup
        // (a pipe end disconnected) before the new handle existed.
        long file = k.open("sync", false);
        long[] moved = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(me, -1, file, -1, moved, 0, 0, 0x1 | 0x2));
        assertEquals(STATUS_INVALID_HANDLE, k.objects.close(me, file), "the source is closed");
        assertEquals(0, k.driver.cleanups.get(), "a handle was open all along");
        assertEquals(STATUS_SUCCESS, k.objects.close(me, moved[0]));
        assertEquals(1, k.driver.cleanups.get());
    }

    @Test
    void aReferenceKeepsTheFileObjectAfterCleanupUntilItIsDropped() {
        long file = k.open("sync", false);
        FileObject object = (FileObject) k.objects.lookup(me, file).object();
        assertTrue(object.reference());
        assertEquals(STATUS_SUCCESS, k.objects.close(me, file));
        assertEquals(1, k.driver.cleanups.get());
        assertEquals(0, k.driver.closes.get());
        k.objects.dereference(object);
        assertEquals(1, k.driver.closes.get());
    }

    // ---- APC and completion port reports ----

    @Test
    void aCompletionRoutineRunsAsAnApcOfTheIssuingThread() throws Exception {
        long file = k.open("later", false);
        Object context = new Object();
        List<Object> calls = new ArrayList<>();
        assertEquals(STATUS_PENDING, k.io.read(me, file, 0, (c, s, n) -> calls.add(List.of(c, s, n)), context, null,
                new byte[4], 0, 4, 0));
        assertTrue(k.driver.completeNext(STATUS_SUCCESS, 3));
        assertTrue(calls.isEmpty());
        assertTrue(me.hasApcs());
        assertTrue(me.runApcs());
        assertEquals(List.of(List.of(context, STATUS_SUCCESS, 3L)), calls);
    }

    @Test
    void aFileOnAPortQueuesAPacketPerCompletion() throws Exception {
        long port = port(2);
        long file = k.open("later", false);
        assertEquals(STATUS_SUCCESS, k.io.associate(me, file, port, 42));
        assertEquals(STATUS_INVALID_PARAMETER, k.io.associate(me, file, port, 43)); // one port per file
        Object ov = new Object();
        assertEquals(STATUS_PENDING, k.io.read(me, file, 0, null, ov, null, new byte[4], 0, 4, 0));
        assertEquals(STATUS_INVALID_PARAMETER,
                k.io.read(me, file, 0, (c, s, n) -> { }, ov, null, new byte[4], 0, 4, 0)); // no APC on a port
        assertTrue(k.driver.completeNext(STATUS_PIPE_BROKEN, 2));
        CompletionPacket[] out = new CompletionPacket[1];
        int[] removed = new int[1];
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, port, out, 1, removed, 0, false));
        assertEquals(new CompletionPacket(42, ov, 0, STATUS_PIPE_BROKEN, 2), out[0]);
    }

    @Test
    void skipOnSuccessDropsThePacketOfAnInlineSuccessOnly() throws Exception {
        long port = port(2);
        long sync = k.open("sync", false);
        long later = k.open("later", false);
        assertEquals(STATUS_SUCCESS, k.io.associate(me, sync, port, 1));
        assertEquals(STATUS_SUCCESS, k.io.associate(me, later, port, 2));
        assertEquals(STATUS_SUCCESS, k.io.setCompletionModes(me, sync, FileObject.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS));
        assertEquals(STATUS_SUCCESS, k.io.setCompletionModes(me, later, FileObject.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS));
        assertEquals(STATUS_INVALID_PARAMETER, k.io.setCompletionModes(me, later, 4));
        assertEquals(STATUS_SUCCESS, read(sync, null, new byte[4], 4, 0));
        assertEquals(STATUS_END_OF_FILE, read(sync, null, new byte[4], 4, 100)); // a failure still reports
        assertEquals(STATUS_PENDING, read(later, null, new byte[4], 4, 0));
        assertTrue(k.driver.completeNext(STATUS_SUCCESS, 4)); // completed later: reported
        int[] depth = new int[1];
        assertEquals(STATUS_SUCCESS, k.io.queryIoCompletion(me, port, depth));
        assertEquals(2, depth[0]);
        CompletionPacket[] out = new CompletionPacket[2];
        int[] removed = new int[1];
        assertEquals(STATUS_SUCCESS, k.io.removeIoCompletion(me, port, out, 2, removed, 0, false));
        assertEquals(STATUS_END_OF_FILE, out[0].status());
        assertEquals(2, out[1].key());
    }

    private long port(int concurrency) {
        long[] handle = new long[1];
        assertEquals(STATUS_SUCCESS, k.io.createIoCompletion(me, ObjectAttributes.NONE, 0x1F0003, concurrency, handle));
        return handle[0];
    }

    // ---- checks ----

    @Test
    void requestsAreCheckedBeforeTheDriverSeesThem() {
        long readOnly = k.open(me, "sync", false, GENERIC_READ | SYNCHRONIZE);
        byte[] buffer = new byte[4];
        assertEquals(STATUS_ACCESS_DENIED, k.io.write(me, readOnly, 0, null, null, null, buffer, 0, 4, 0));
        assertEquals(STATUS_ACCESS_DENIED, k.io.flush(me, readOnly, null));
        assertEquals(STATUS_INVALID_HANDLE, read(0x7FF0, null, buffer, 4, 0));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, read(port(1), null, buffer, 4, 0));
        assertEquals(STATUS_ACCESS_VIOLATION, read(readOnly, null, buffer, 5, 0));
        assertEquals(STATUS_ACCESS_VIOLATION, read(readOnly, null, null, 1, 0));
        assertEquals(STATUS_ACCESS_VIOLATION, k.io.read(me, readOnly, 0, null, null, null, buffer, -1, 1, 0));
        assertEquals(STATUS_INVALID_PARAMETER, read(readOnly, null, buffer, 4, -5));
        assertEquals(STATUS_INVALID_HANDLE, k.io.read(me, readOnly, 0x7FF0, null, null, null, buffer, 0, 4, 0));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.io.read(me, readOnly, readOnly, null, null, null, buffer, 0, 4, 0));
        assertEquals(STATUS_SUCCESS, read(readOnly, null, buffer, 0, 0)); // zero bytes are fine, even without a buffer
        long writable = k.open("sync", true);
        assertEquals(STATUS_SUCCESS, k.io.flush(me, writable, null));
    }

    @Test
    void controlsNeedTheAccessTheirCodeNames() {
        long readOnly = k.open(me, "sync", false, GENERIC_READ | SYNCHRONIZE);
        int anyAccess = 0x00220000;
        int writeAccess = 0x00228000;
        Block block = new Block();
        assertEquals(STATUS_SUCCESS, k.io.deviceControl(me, readOnly, 0, null, null, block, false, anyAccess, null, 0,
                new byte[2], 2, null));
        assertEquals(STATUS_ACCESS_DENIED, k.io.deviceControl(me, readOnly, 0, null, null, block, false, writeAccess,
                null, 0, null, 0, null));
        assertEquals(STATUS_ACCESS_VIOLATION, k.io.deviceControl(me, readOnly, 0, null, null, block, true, anyAccess,
                null, 3, null, 0, null));
    }
}
