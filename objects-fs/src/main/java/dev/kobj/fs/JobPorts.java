package dev.kobj.fs;

import dev.kobj.api.object.KernelObject;

/** Where a job's messages go: completion ports, as the I/O manager keeps them. */
interface JobPorts {
    /** Whether {@code object} is a completion port. */
    boolean isPort(KernelObject object);

    /** Queues a packet: the message as bytes transferred, the key, the process id as the overlapped value. */
    void post(KernelObject port, long key, int message, long processId);
}
