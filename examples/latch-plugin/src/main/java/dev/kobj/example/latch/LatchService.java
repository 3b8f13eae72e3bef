package dev.kobj.example.latch;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;

/**
 * CountdownLatch objects: made with a count, counted down by anyone with LATCH_COUNT_DOWN, waited for
 * with the ordinary waits (the handle is signalled once the count is 0). Every method returns an
 * NTSTATUS and writes its outputs to the small arrays it is given. Thread-safe.
 */
public interface LatchService {
    int LATCH_QUERY_STATE = 0x0001;
    int LATCH_COUNT_DOWN = 0x0002;
    int LATCH_ALL_ACCESS = 0x001F_0003;

    /**
     * Creates a latch; with OBJ_OPENIF an existing name is opened instead (STATUS_OBJECT_NAME_EXISTS), else it is
     * STATUS_OBJECT_NAME_COLLISION. STATUS_INVALID_PARAMETER for count &lt; 0.
     */
    int createLatch(KThread caller, ObjectAttributes attributes, int desiredAccess, int count, long[] handle);

    /** Opens a named latch. */
    int openLatch(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /** Counts down by one (not below 0); {@code remaining[0]} gets the count left. */
    int countDown(KThread caller, long handle, int[] remaining);

    /** {@code remaining[0]} gets the count. */
    int queryLatch(KThread caller, long handle, int[] remaining);
}
