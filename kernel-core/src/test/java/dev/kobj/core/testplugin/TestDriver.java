package dev.kobj.core.testplugin;

import static dev.kobj.api.status.NtStatus.STATUS_CANCELLED;
import static dev.kobj.api.status.NtStatus.STATUS_END_OF_FILE;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.DeviceRegistry;
import dev.kobj.api.io.Driver;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver for tests: {@code \Device\KobjTest} (link {@code \??\KobjTest}). The file name says how it
 * answers reads, writes and controls:
 * <ul>
 * <li>{@code sync}: at once; a read fills {@code buffer[i] = (byte) (byteOffset + i)} up to {@link #FILE_SIZE}
 * (STATUS_END_OF_FILE at or past it), a write takes every byte.
 * <li>{@code later}: pends with a cancel routine (which completes with STATUS_CANCELLED and 0 bytes);
 * the test completes it with {@link #next()} and {@link #completeNext}.
 * <li>{@code never}: pends with no cancel routine; only {@link #completeNext} ends it.
 * <li>{@code missing}: the create fails with STATUS_OBJECT_NAME_NOT_FOUND.
 * </ul>
 * Counts creates, cleanups and closes.
 */
public final class TestDriver implements Driver {
    public static final long FILE_SIZE = 100;
    public final AtomicInteger creates = new AtomicInteger();
    public final AtomicInteger cleanups = new AtomicInteger();
    public final AtomicInteger closes = new AtomicInteger();
    /** The processes unlockAll was called for, in order. */
    public final java.util.List<dev.kobj.api.process.KProcess> unlockAlls = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final AtomicInteger cancels = new AtomicInteger();
    private final BlockingDeque<IoRequest> pending = new LinkedBlockingDeque<>();
    private volatile DeviceObject device;

    @com.google.inject.Inject
    public TestDriver() {
    }

    @Override
    public void load(DeviceRegistry devices) {
        device = devices.createDevice("KobjTest", DeviceObject.FILE_DEVICE_UNKNOWN, "KobjTest");
    }

    public DeviceObject device() {
        return device;
    }

    @Override
    public int create(IoRequest request) {
        String name = request.fileName();
        if (!name.equals("sync") && !name.equals("later") && !name.equals("never") && !name.isEmpty()) {
            return STATUS_OBJECT_NAME_NOT_FOUND;
        }
        creates.incrementAndGet();
        request.file().setContext(name);
        request.setInformation(CreateParameters.FILE_OPENED);
        return STATUS_SUCCESS;
    }

    @Override
    public int read(IoRequest request) {
        return answer(request);
    }

    @Override
    public int write(IoRequest request) {
        return answer(request);
    }

    @Override
    public int deviceControl(IoRequest request) {
        return answer(request);
    }

    private int answer(IoRequest request) {
        String mode = (String) request.file().context();
        switch (mode) {
            case "later" -> {
                pending.add(request);
                if (!request.setCancelRoutine(this::cancelled)) {
                    pending.remove(request);
                    return STATUS_CANCELLED;
                }
                return STATUS_PENDING;
            }
            case "never" -> {
                pending.add(request);
                return STATUS_PENDING;
            }
            default -> {
                return sync(request);
            }
        }
    }

    private void cancelled(IoRequest request) {
        cancels.incrementAndGet();
        pending.remove(request);
        request.complete(STATUS_CANCELLED, 0);
    }

    private static int sync(IoRequest request) {
        if (request.major() == IoRequest.READ) {
            long at = request.byteOffset();
            if (at >= FILE_SIZE) {
                return STATUS_END_OF_FILE;
            }
            int n = (int) Math.min(request.length(), FILE_SIZE - at);
            for (int i = 0; i < n; i++) {
                request.buffer()[request.bufferOffset() + i] = (byte) (at + i);
            }
            request.setInformation(n);
            return STATUS_SUCCESS;
        }
        request.setInformation(request.length());
        return STATUS_SUCCESS;
    }

    /** The oldest pending request, waiting up to 5 s for one; null if none came. */
    public IoRequest next() throws InterruptedException {
        return pending.pollFirst(5, TimeUnit.SECONDS);
    }

    /** How many requests are held pending now. */
    public int pendingCount() {
        return pending.size();
    }

    /** Completes a held request as the driver would: its cancel routine removed first. */
    public boolean complete(IoRequest request, int status, long information) {
        pending.remove(request);
        if (((String) request.file().context()).equals("later") && !request.clearCancelRoutine()) {
            return false; // the cancel routine owns it
        }
        return request.complete(status, information);
    }

    /** Completes the oldest pending request (waiting for one up to 5 s). */
    public boolean completeNext(int status, long information) throws InterruptedException {
        IoRequest request = next();
        return request != null && complete(request, status, information);
    }

    @Override
    public void cleanup(FileObject file) {
        cleanups.incrementAndGet();
    }

    @Override
    public void close(FileObject file) {
        closes.incrementAndGet();
    }

    @Override
    public void unlockAll(FileObject file, dev.kobj.api.process.KProcess process) {
        unlockAlls.add(process);
    }
}
