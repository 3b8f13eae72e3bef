package dev.kobj.ipc;

import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.io.IoRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pipe name in the named-pipe file system (NPFS's FCB, nt-semantics.md §7.2): what its first instance
 * fixed (type, direction, instance limit, quotas, default timeout), its instances, and the
 * WaitNamedPipe calls waiting for one of them to listen. One lock guards the name and every instance
 * and queue below it, so one pipe's operations never take two locks; the file system's table lock comes
 * before it when both are held.
 */
final class NamedPipe {
    /** FilePipeLocalInformation.NamedPipeConfiguration. */
    static final int INBOUND = 0;
    static final int OUTBOUND = 1;
    static final int DUPLEX = 2;

    /** A WaitNamedPipe call waiting with its timer. */
    record Waiting(IoRequest request, TimerQueue.Scheduled timer) {
    }

    final ReentrantLock lock = new ReentrantLock();
    final String name;
    final boolean messageType;
    final int configuration;
    final int maximumInstances;
    final int inboundQuota;
    final int outboundQuota;
    final long defaultTimeout;
    final List<PipeInstance> instances = new ArrayList<>(2); // guarded by lock
    final ArrayDeque<Waiting> waiting = new ArrayDeque<>(); // guarded by lock
    boolean deleted; // guarded by lock: the last instance closed, the name is gone

    NamedPipe(String name, boolean messageType, int configuration, int maximumInstances, int inboundQuota,
            int outboundQuota, long defaultTimeout) {
        this.name = name;
        this.messageType = messageType;
        this.configuration = configuration;
        this.maximumInstances = maximumInstances;
        this.inboundQuota = inboundQuota;
        this.outboundQuota = outboundQuota;
        this.defaultTimeout = defaultTimeout;
    }

    boolean clientsWrite() {
        return configuration != OUTBOUND;
    }

    boolean clientsRead() {
        return configuration != INBOUND;
    }

    /** An instance listening for a client, or null. Lock held. */
    PipeInstance listening() {
        for (PipeInstance instance : instances) {
            if (instance.state == PipeInstance.LISTENING) {
                return instance;
            }
        }
        return null;
    }

    /** An instance listens: every WaitNamedPipe waiting succeeds. Lock held. */
    void wakeWaiting(int status, Completions done) {
        while (!waiting.isEmpty()) {
            Waiting w = waiting.pollFirst();
            w.timer().cancel();
            if (w.request().clearCancelRoutine()) {
                done.add(w.request(), status, 0);
            }
        }
    }

    /** Removes one waiting call (timeout or cancellation); false if something else finished it. Lock held. */
    boolean removeWaiting(IoRequest request) {
        for (var it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (w.request() == request) {
                it.remove();
                w.timer().cancel();
                return true;
            }
        }
        return false;
    }
}
