package dev.kobj.api.memory;

import dev.kobj.api.process.KProcess;

/**
 * The core's memory: pagefile-backed stores, and the per-process committed-bytes counters that the
 * families charge (sections) and jobs read. Thread-safe.
 *
 * @since 0.1
 */
public interface MemoryService {
    /**
     * A zero-filled store of {@code size} bytes, reserved lazily as an anonymous mapping is: pages cost
     * memory only once touched. {@code null} when the system cannot reserve that much.
     */
    BackingStore pagefile(long size);

    /**
     * Adds {@code bytes} (negative to give back) to the process's committed bytes. A positive charge a
     * {@link CommitLimit} refuses is not made: false.
     */
    boolean charge(KProcess process, long bytes);

    /** A limit on committed bytes (a job's memory limits): asked before every positive charge. */
    @FunctionalInterface
    interface CommitLimit {
        boolean allows(KProcess process, long bytes);
    }

    /** Adds a limit, for the kernel's life. */
    void addLimit(CommitLimit limit);

    /** The process's committed bytes. */
    long committedBytes(KProcess process);
}
