package dev.kobj.core.process;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Processes and threads, minimal until the processes work lands: ids, sessions, handle tables,
 * adoption of Java threads. Process and thread ids come from one pool, multiples of 4 from 4, never
 * reused (nt-semantics.md §10).
 */
public final class ProcessManager implements ProcessService, AutoCloseable {
    /** How often the sweep looks for adopted Java threads that have terminated. */
    static final long SWEEP_MILLIS = 100;

    private final HandleTablePolicy policy;
    private final ObjectManager objects;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, CoreProcess> processes = new ConcurrentHashMap<>();
    private final java.util.Set<CoreThread> adopted = ConcurrentHashMap.newKeySet();
    private final Object sweeperLock = new Object();
    private Thread sweeper; // guarded by sweeperLock
    private boolean closed; // guarded by sweeperLock

    @Inject
    public ProcessManager(HandleTablePolicy policy, ObjectManager objects) {
        this.policy = requireNonNull(policy, "policy is null");
        this.objects = requireNonNull(objects, "objects is null");
    }

    @Override
    public KProcess createProcess(String imageName, int sessionId) {
        requireNonNull(imageName, "imageName is null");
        if (sessionId < 0) {
            throw new IllegalArgumentException("sessionId < 0: " + sessionId);
        }
        objects.baseNamedObjects(sessionId);
        CoreProcess process = new CoreProcess(nextId(), sessionId, imageName, policy);
        processes.put(process.id(), process);
        return process;
    }

    @Override
    public KThread adoptThread(KProcess process, Thread javaThread) {
        requireNonNull(process, "process is null");
        requireNonNull(javaThread, "javaThread is null");
        CoreThread thread = new CoreThread(nextId(), (CoreProcess) process, javaThread);
        adopted.add(thread);
        startSweeper();
        return thread;
    }

    @Override
    public boolean hasEnded(KThread thread) {
        CoreThread core = (CoreThread) thread;
        if (core.isEnded()) {
            return true;
        }
        if (core.javaThread().isAlive()) {
            return false;
        }
        end(core);
        return true;
    }

    /** A thread's kernel end: it abandons the mutexes it owns (nt-semantics.md §6.2, §10). */
    private void end(CoreThread thread) {
        if (thread.markEnded()) {
            adopted.remove(thread);
            DispatcherMutant.abandonAll(thread);
        }
    }

    private void sweep() {
        for (CoreThread thread : adopted) {
            if (!thread.javaThread().isAlive()) {
                end(thread);
            }
        }
    }

    private void startSweeper() {
        synchronized (sweeperLock) {
            if (sweeper != null || closed) {
                return;
            }
            sweeper = Thread.ofVirtual().name("kobj-thread-sweep").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(SWEEP_MILLIS);
                        sweep();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Stops the sweep. */
    @Override
    public void close() {
        synchronized (sweeperLock) {
            closed = true;
            if (sweeper != null) {
                sweeper.interrupt();
            }
        }
    }

    @Override
    public Optional<KProcess> process(int id) {
        return Optional.ofNullable(processes.get(id));
    }

    private int nextId() {
        return lastId.addAndGet(4);
    }
}
