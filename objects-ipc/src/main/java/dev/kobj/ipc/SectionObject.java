package dev.kobj.ipc;

import dev.kobj.api.memory.BackingStore;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KProcess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Section: its size, page protection and allocation attributes, and a backing store. A pagefile
 * section reserves its store on the first map (a section created but never mapped costs nothing; a
 * body that loses a create race holds none to leak), and its creator is charged the size until it
 * dies. A file-backed section comes with its file's store and a reference to the file object, both
 * let go when it dies; mapped files are not charged (their pages are the file's).
 */
final class SectionObject extends KernelObject {
    private final long size;
    private final int protection;
    private final int allocationAttributes;
    private final KProcess charged;
    private final MemoryService memory;
    private final AtomicInteger liveStores;
    /** A file-backed section's: drops its reference to the file object; null for a pagefile section. */
    private Runnable releaseFile; // guarded by this
    private final boolean fileBacked;
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
        this.fileBacked = false;
    }

    /** A file-backed section over {@code store}, counted in {@code liveStores} already. */
    SectionObject(BackingStore store, int protection, int allocationAttributes, KProcess creator,
            MemoryService memory, AtomicInteger liveStores, Runnable releaseFile) {
        super(IpcTypes.SECTION);
        this.size = store.size();
        this.protection = protection;
        this.allocationAttributes = allocationAttributes;
        this.charged = creator;
        this.memory = memory;
        this.liveStores = liveStores;
        this.store = store;
        this.releaseFile = releaseFile;
        this.fileBacked = true;
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
        if (!chargedSize && !fileBacked) {
            chargedSize = memory.charge(charged, size);
        }
        return chargedSize;
    }

    /** The store, reserved now if this is the first map; {@code null} if the system refuses the bytes. */
    synchronized BackingStore store() {
        if (store == null && !fileBacked) {
            store = memory.pagefile(size);
            if (store != null) {
                liveStores.incrementAndGet();
            }
        }
        return store;
    }

    /** The delete procedure: no handle and no view is left. Idempotent (a body that lost a create). */
    void delete() {
        BackingStore released;
        Runnable file;
        boolean uncharge;
        synchronized (this) { // taken out under the monitor, let go outside it (a file's store may wait and write)
            released = store;
            store = null;
            file = releaseFile;
            releaseFile = null;
            uncharge = chargedSize;
            chargedSize = false;
        }
        if (released != null) {
            released.release(); // a file's store writes back first
            liveStores.decrementAndGet();
        }
        if (file != null) {
            file.run();
        }
        if (uncharge) {
            memory.charge(charged, -size);
        }
    }
}
