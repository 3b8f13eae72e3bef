package dev.kobj.api.inspect;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.List;
import java.util.Optional;

/**
 * A read-only look into a running kernel for tools (the launcher's {@code ps}, {@code handles},
 * {@code deadlocks}): snapshots of processes, handle tables and blocked waits. Thread-safe; each
 * answer is an immutable snapshot taken without stopping the kernel, so it may be stale by the time
 * it is read, and it changes nothing (no handle, no reference, no count).
 *
 * <p>Not for hot paths: each call walks the tables it reports on and allocates its answer.
 *
 * @since 0.1
 */
public interface KernelInspector {
    /** Every process the kernel knows (running, or ended and still referenced), ordered by id. */
    List<ProcessSnapshot> processes();

    /** The open handles of process {@code processId} in value order; empty if there is no such process. */
    Optional<List<HandleSnapshot>> handles(int processId);

    /** The threads blocked in a wait right now, ordered by thread id. */
    List<WaitSnapshot> waits();

    /** A process, its live threads (by id) and how many handles its table holds. */
    record ProcessSnapshot(KProcess process, List<KThread> threads, int handleCount) {
        public ProcessSnapshot {
            java.util.Objects.requireNonNull(process, "process is null");
            threads = List.copyOf(threads);
        }
    }

    /** One handle-table slot: the handle value and its entry. */
    record HandleSnapshot(long handle, HandleEntry entry) {
        public HandleSnapshot {
            java.util.Objects.requireNonNull(entry, "entry is null");
        }
    }

    /**
     * A thread blocked in a wait: the objects it waits on (those the inspector could name from a
     * handle table; a waitable without any handle is left out) and whether it waits for all of them.
     */
    record WaitSnapshot(KThread thread, boolean waitAll, List<KernelObject> objects) {
        public WaitSnapshot {
            java.util.Objects.requireNonNull(thread, "thread is null");
            objects = List.copyOf(objects);
        }
    }
}
