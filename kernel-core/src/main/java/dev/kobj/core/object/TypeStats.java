package dev.kobj.core.object;

import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.object.ObjectType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** A type's per-kernel object and handle counts with their peaks. Thread-safe, no lock. */
final class TypeStats {
    private final ObjectType type;
    private final LongAdder objects = new LongAdder();
    private final LongAdder handles = new LongAdder();
    private final AtomicLong peakObjects = new AtomicLong();
    private final AtomicLong peakHandles = new AtomicLong();

    TypeStats(ObjectType type) {
        this.type = type;
    }

    void objectCreated() {
        objects.increment();
        raise(peakObjects, objects.sum());
    }

    void objectDeleted() {
        objects.decrement();
    }

    void handleOpened() {
        handles.increment();
        raise(peakHandles, handles.sum());
    }

    void handleClosed() {
        handles.decrement();
    }

    ObjectInfo.Type info() {
        return new ObjectInfo.Type(type.name(), (int) objects.sum(), (int) handles.sum(), (int) peakObjects.get(),
                (int) peakHandles.get(), type.validAccessMask(), type.genericMapping());
    }

    private static void raise(AtomicLong peak, long value) {
        long current;
        while (value > (current = peak.get()) && !peak.compareAndSet(current, value)) {
            Thread.onSpinWait();
        }
    }
}
