package dev.kobj.ipc;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.port.PortMessage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A caller blocked in the LPC: a client awaiting a reply or its connection's answer. Completed once,
 * by the server or by a disconnection, through a dispatcher event the caller waits on.
 */
final class Pending {
    final DispatcherEvent done;
    /** The communication port the request left by (a reply to it goes back there; its loss ends this). */
    final PortObject from;
    volatile int status;
    volatile PortMessage result;
    volatile PortObject clientPort;
    /** A client's port view: its section, mapped into the server at acceptance. */
    volatile SectionObject section;
    volatile long viewOffset;
    volatile long viewSize;
    private final AtomicBoolean completed = new AtomicBoolean();

    Pending(DispatcherContext context, PortObject from) {
        this.done = new DispatcherEvent(context, true, false);
        this.from = from;
    }

    /** The first completion wins; false for a later one. */
    boolean complete(int completion, PortMessage message) {
        if (!completed.compareAndSet(false, true)) {
            return false;
        }
        result = message;
        status = completion;
        done.set();
        return true;
    }
}
