package dev.kobj.core.testplugin;

import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectType;
import java.util.concurrent.atomic.AtomicLong;

/** The test plugin's object body: a number, and what its type procedures saw. */
public final class Counter extends KernelObject {
    final AtomicLong value;
    volatile int lastHandlesLeft = -1;
    volatile int deletes;
    volatile int opens;

    Counter(ObjectType type, long initial) {
        super(type);
        this.value = new AtomicLong(initial);
    }

    public long value() {
        return value.get();
    }

    public int deletes() {
        return deletes;
    }

    public int lastHandlesLeft() {
        return lastHandlesLeft;
    }

    public int opens() {
        return opens;
    }
}
