package dev.kobj.example.latch;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.KernelObject;
import java.util.concurrent.atomic.AtomicInteger;

/** A CountdownLatch: the header, a count, and a notification event that is set when the count reaches 0. */
final class LatchObject extends KernelObject implements Waitable {
    private final AtomicInteger count;
    private final DispatcherEvent open;

    LatchObject(DispatcherContext context, int count) {
        super(LatchTypes.LATCH);
        this.count = new AtomicInteger(count);
        this.open = new DispatcherEvent(context, true, count == 0);
    }

    /** Takes one from the count, never below 0; the step to 0 opens the latch. Returns the count left. */
    int countDown() {
        int left = count.updateAndGet(c -> Math.max(0, c - 1));
        if (left == 0) {
            open.set(); // wakes every waiter; a notification event stays set
        }
        return left;
    }

    int count() {
        return count.get();
    }

    /** What waits see: the wait engine never calls plugin code, only this embedded dispatcher object. */
    @Override
    public DispatcherEvent dispatcherObject() {
        return open;
    }
}
