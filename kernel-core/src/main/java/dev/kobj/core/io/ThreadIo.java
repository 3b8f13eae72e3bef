package dev.kobj.core.io;

import dev.kobj.api.process.KThread;
import java.util.ArrayList;
import java.util.List;

/**
 * A thread's I/O state: the requests it issued that have not completed (cancelled when it ends, as
 * IoCancelThreadIo), the port it last removed a packet from (counted there as running), and its reusable
 * node for waiting in a port. Thread-safe: the list under this object's monitor (never held while
 * parking or calling a driver).
 */
final class ThreadIo implements dev.kobj.core.process.ThreadBlocking {
    final KThread thread;
    final IoCompletionPort.RemoveWait portWait;
    /** The port this thread counts as running on; touched by the thread itself and its rundown. */
    volatile IoCompletionPort port;
    /** Whether it is blocked outside the port while counted on it; guarded by that port's lock. */
    boolean blocked;
    private Irp head;

    ThreadIo(KThread thread) {
        this.thread = thread;
        this.portWait = new IoCompletionPort.RemoveWait(thread);
        if (thread instanceof dev.kobj.core.process.CoreThread core) {
            core.setBlocking(this);
        }
    }

    @Override
    public void blocked() {
        IoCompletionPort p = port;
        if (p != null) {
            p.threadBlocked(this);
        }
    }

    @Override
    public void unblocked() {
        IoCompletionPort p = port;
        if (p != null) {
            p.threadUnblocked(this);
        }
    }

    synchronized void add(Irp irp) {
        irp.nextThread = head;
        irp.prevThread = null;
        if (head != null) {
            head.prevThread = irp;
        }
        head = irp;
        irp.onThreadList = true;
    }

    synchronized void remove(Irp irp) {
        if (!irp.onThreadList) {
            return;
        }
        if (irp.prevThread == null) {
            head = irp.nextThread;
        } else {
            irp.prevThread.nextThread = irp.nextThread;
        }
        if (irp.nextThread != null) {
            irp.nextThread.prevThread = irp.prevThread;
        }
        irp.prevThread = null;
        irp.nextThread = null;
        irp.onThreadList = false;
    }

    /** The requests still pending, for cancellation outside the monitor. */
    synchronized List<Irp> pending() {
        List<Irp> all = new ArrayList<>();
        for (Irp irp = head; irp != null; irp = irp.nextThread) {
            all.add(irp);
        }
        return all;
    }
}
