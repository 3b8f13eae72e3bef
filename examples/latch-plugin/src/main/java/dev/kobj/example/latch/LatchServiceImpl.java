package dev.kobj.example.latch;

import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import jakarta.inject.Inject;

/** The latch service over the object manager: each call checks the handle's type and access first. */
final class LatchServiceImpl implements LatchService {
    private final ObjectManager objects;
    private final DispatcherContext context;

    @Inject
    LatchServiceImpl(ObjectManager objects, WaitService waits) {
        this.objects = requireNonNull(objects, "objects is null");
        this.context = requireNonNull(waits, "waits is null").context();
    }

    @Override
    public int createLatch(KThread caller, ObjectAttributes attributes, int desiredAccess, int count, long[] handle) {
        if (count < 0) {
            if (handle != null && handle.length > 0) {
                handle[0] = 0;
            }
            return STATUS_INVALID_PARAMETER;
        }
        return objects.create(caller, attributes, LatchTypes.LATCH, desiredAccess,
                () -> new LatchObject(context, count), handle);
    }

    @Override
    public int openLatch(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return objects.open(caller, attributes, LatchTypes.LATCH, desiredAccess, handle);
    }

    @Override
    public int countDown(KThread caller, long handle, int[] remaining) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(LatchTypes.LATCH, LATCH_COUNT_DOWN);
        if (status == STATUS_SUCCESS) {
            store(remaining, ((LatchObject) entry.object()).countDown());
        }
        return status;
    }

    @Override
    public int queryLatch(KThread caller, long handle, int[] remaining) {
        HandleEntry entry = objects.lookup(caller, handle);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(LatchTypes.LATCH, LATCH_QUERY_STATE);
        if (status == STATUS_SUCCESS) {
            store(remaining, ((LatchObject) entry.object()).count());
        }
        return status;
    }

    private static void store(int[] out, int value) {
        if (out != null && out.length > 0) {
            out[0] = value;
        }
    }
}
