package dev.kobj.ipc;

import dev.kobj.api.memory.BackingStore;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KProcess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Section: its size, page protection and allocation attributes, and a backing store reserved on
 * the first map (a section created but never mapped costs nothing; a body that loses a create race
 * holds none to leak). The creator is charged the size until the section dies.
 */
final class SectionObject extends KernelObject {
    private final long size;
    private final int protection;
    private final int allocationAttributes;
    private final KProcess charged;
    private final MemoryService memory;
    private final AtomicInteger liveStores;
    private BackingStore store; // guarded by this
    private boolean chargedSize; // guarded by this

    SectionObject(long size, int protection, int allocationAttributes, KProcess charged, MemoryService memory,
            AtomicInteger liveStores) {
        super(IpcTypes.SECTION);
        this.size = size;
        this.protection = protection;
        this.allocationAttributes = allocationAttributes;
        this.charged = charged;
        this.memory = memory;
        this.liveStores = liveStores;
    }

    long size() {
        return size;
    }

    int protection() {
        return protection;
    }

    int allocationAttributes() {
        return allocationAttributes;
    }

    KProcess charged() {
        return charged;
    }

    /** Charges the creator for the size; only a section that was really created is charged. */
    synchronized boolean charge() {
        if (!chargedSize) {
            chargedSize = memory.charge(charged, size);
        }
        return chargedSize;
    }

    /** The store, reserved now if this is the first map; {@code null} if the system refuses the bytes. */
    synchronized BackingStore store() {
        if (store == null) {
            store = memory.pagefile(size);
            if (store != null) {
                liveStores.incrementAndGet();
            }
        }
        return store;
    }

    /** The delete procedure: no handle and no view is left. */
    synchronized void delete() {
        if (store != null) {
            store.release();
            store = null;
            liveStores.decrementAndGet();
        }
        if (chargedSize) {
            chargedSize = false;
            memory.charge(charged, -size);
        }
    }
}
