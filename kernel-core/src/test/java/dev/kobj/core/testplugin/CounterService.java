package dev.kobj.core.testplugin;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;

/** The test plugin's family service, in the house style: caller first, an NTSTATUS back. */
public interface CounterService {
    int COUNTER_QUERY = 0x0001;
    int COUNTER_MODIFY = 0x0002;
    int COUNTER_ALL_ACCESS = 0x000F_0003;

    int create(KThread caller, ObjectAttributes attributes, int desiredAccess, long initial, long[] handle);

    int open(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /** Adds one; needs COUNTER_MODIFY. */
    int increment(KThread caller, long handle, long[] newValue);

    /** Reads the value; needs COUNTER_QUERY. */
    int query(KThread caller, long handle, long[] value);
}
