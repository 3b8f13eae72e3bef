package dev.kobj.core.process;

import dev.kobj.api.process.KThread;

/**
 * Core work to do when a kernel thread ends, after its waits are woken and before its object is
 * signalled: the I/O manager cancels the thread's pending requests (IoCancelThreadIo). Called once per
 * thread, on the ending thread or on the one that terminates it, with no process-manager lock held.
 */
public interface ThreadRundown {
    void threadEnded(KThread thread);
}
