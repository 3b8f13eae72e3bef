package dev.kobj.core.process;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.dispatch.Waiter;
import dev.kobj.api.status.NtStatus;
import java.util.concurrent.locks.LockSupport;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessListener;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.security.Identity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Processes and threads: ids, sessions, handle tables, adoption of Java threads, rundown, and the
 * lifecycle listeners. Process and thread ids come from one pool, multiples of 4 from 4, never reused
 * (nt-semantics.md §10). A thread's id is forgotten when it ends; a process's once it has ended and its
 * last handle is closed (so OpenProcess still reaches an ended process others hold, as in NT).
 * Listeners are called with no lock held.
 */
public final class ProcessManager implements ProcessService, AutoCloseable {
    /** How often the sweep looks for adopted Java threads that have terminated. */
    static final long SWEEP_MILLIS = 100;

    private final HandleTablePolicy policy;
    private final ObjectManager objects;
    private final DispatcherContext context;
    private final List<ProcessListener> listeners;
    private final KernelConfig.ThreadKind threadKind;
    private final int maxProcesses;
    private final AtomicInteger liveProcesses = new AtomicInteger();
    private final Set<CoreProcess> refused = ConcurrentHashMap.newKeySet(); // over the limit: never counted
    private final Map<Integer, CoreThread> threads = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, CoreProcess> processes = new ConcurrentHashMap<>();
    private final java.util.Set<CoreThread> adopted = ConcurrentHashMap.newKeySet();
    private final Object sweeperLock = new Object();
    private volatile Thread sweeper; // written under sweeperLock
    private boolean closed; // guarded by sweeperLock
    private final java.util.List<ThreadRundown> rundowns = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Inject
    public ProcessManager(HandleTablePolicy policy, ObjectManager objects, DispatcherContext context,
            Set<ProcessListener> listeners, KernelConfig config) {
        this.listeners = List.copyOf(requireNonNull(listeners, "listeners is null"));
        this.threadKind = requireNonNull(config, "config is null").threads();
        requireNonNull(policy, "policy is null");
        int maxHandles = Math.min(policy.maxHandles(), config.limits().handles()); // a module may only lower it
        this.policy = maxHandles == policy.maxHandles() ? policy : new HandleTablePolicy(maxHandles, policy.reuse());
        this.maxProcesses = config.limits().processes();
        this.objects = requireNonNull(objects, "objects is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** Registers core work for every thread end (the I/O manager's, at boot). */
    public void addRundown(ThreadRundown rundown) {
        rundowns.add(requireNonNull(rundown, "rundown is null"));
    }

    @Override
    public KProcess createProcess(String imageName, int sessionId, Identity identity) {
        requireNonNull(imageName, "imageName is null");
        requireNonNull(identity, "identity is null");
        if (sessionId < 0) {
            throw new IllegalArgumentException("sessionId < 0: " + sessionId);
        }
        if (!admit()) {
            throw new IllegalStateException("the kernel's process limit (" + maxProcesses + ") is reached");
        }
        CoreProcess process = newProcess(imageName, sessionId, identity, false);
        notify(l -> l.processCreated(process, null));
        return process;
    }

    @Override
    public KProcess createChildProcess(KProcess parent, String imageName, boolean inheritHandles,
            int creationFlags) {
        requireNonNull(parent, "parent is null");
        requireNonNull(imageName, "imageName is null");
        boolean admitted = admit();
        CoreProcess child = newProcess(imageName, parent.sessionId(), parent.identity(), true); // the token is inherited
        child.setCreationFlags(creationFlags);
        if (!admitted) {
            refused.add(child);
        } else if (inheritHandles) {
            objects.inheritHandles(parent, child);
        }
        notify(l -> l.processCreated(child, parent));
        if (!admitted) { // over the limit: ended before it runs, as a job refuses one (CreateProcess: QUOTA_EXCEEDED)
            endProcess(child, NtStatus.STATUS_QUOTA_EXCEEDED);
        }
        return child;
    }

    private CoreProcess newProcess(String imageName, int sessionId, Identity identity, boolean endsWithLastThread) {
        objects.baseNamedObjects(sessionId);
        CoreProcess process = new CoreProcess(nextId(), sessionId, imageName, identity, policy, context,
                endsWithLastThread, this);
        processes.put(process.id(), process);
        return process;
    }

    /** Counts one more live process if the limit allows it. */
    private boolean admit() {
        int live;
        do {
            live = liveProcesses.get();
            if (live >= maxProcesses) {
                return false;
            }
        } while (!liveProcesses.compareAndSet(live, live + 1));
        return true;
    }

    @Override
    public boolean endProcess(KProcess process, int exitCode) {
        CoreProcess core = (CoreProcess) process;
        if (!core.markEnded(exitCode)) {
            return false;
        }
        if (!refused.remove(core)) {
            liveProcesses.decrementAndGet();
        }
        for (CoreThread thread : core.threads) {
            endThread(thread, exitCode);
        }
        objects.closeAll(core);
        // Listeners first (jobs account the exit, sections unmap), so that whoever waits on the
        // process sees their work done, as NT's PspExitProcess does before the process is signalled.
        notify(l -> l.processExited(core, exitCode));
        core.dispatcherObject().set();
        if (core.handleCount() == 0) {
            forget(core); // else when its last handle closes (the Process type's close procedure)
        }
        return true;
    }

    /** The last handle to {@code thread} closed: an ended thread's id is given up. */
    void lastHandleClosed(CoreThread thread) {
        if (thread.isEnded()) {
            forget(thread);
        }
    }

    /**
     * An ended thread with no handle left: its id is given up and the creator's reference dropped, so the
     * object is deleted (§1.2) and leaves the Thread type's count. Once: only the remover dereferences.
     */
    private void forget(CoreThread thread) {
        if (threads.remove(thread.id(), thread)) {
            objects.dereference(thread);
        }
    }

    /** The last handle to {@code process} closed: an ended process's id is given up. */
    void lastHandleClosed(CoreProcess process) {
        if (process.isEnded()) {
            forget(process);
        }
    }

    /** As {@link #forget(CoreThread)}, for a process. */
    private void forget(CoreProcess process) {
        if (processes.remove(process.id(), process)) {
            objects.dereference(process);
        }
    }

    @Override
    public Thread newJavaThread(Runnable body) {
        requireNonNull(body, "body is null");
        return threadKind == KernelConfig.ThreadKind.PLATFORM
                ? Thread.ofPlatform().daemon(true).unstarted(body) // like a virtual one, it never holds the JVM up
                : Thread.ofVirtual().unstarted(body);
    }

    /** Tells every listener; one that throws is logged and the others are still told. */
    private void notify(java.util.function.Consumer<ProcessListener> event) {
        for (ProcessListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                System.getLogger(ProcessManager.class.getName()).log(System.Logger.Level.WARNING,
                        "process listener " + listener.getClass().getName() + " failed", e);
            }
        }
    }

    @Override
    public KThread adoptThread(KProcess process, Thread javaThread) {
        requireNonNull(process, "process is null");
        requireNonNull(javaThread, "javaThread is null");
        CoreProcess owner = (CoreProcess) process;
        CoreThread thread = new CoreThread(nextId(), owner, javaThread, context);
        threads.put(thread.id(), thread);
        owner.threads.add(thread);
        owner.liveThreads.incrementAndGet();
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
        if (core.javaThread().isAlive() || core.javaThread().getState() == Thread.State.NEW) {
            return false;
        }
        endThread(core, 0);
        return true;
    }

    /** A thread's kernel end: its exit code, its mutexes abandoned, its object signalled (§6.2, §10). */
    @Override
    public boolean endThread(KThread thread, int exitCode) {
        CoreThread core = (CoreThread) thread;
        if (!core.markEnded(exitCode)) {
            return false;
        }
        adopted.remove(core);
        core.process().endedUserTime.addAndGet(CoreThread.userTimeOf(core.javaThread())); // before it leaves the set
        if (core.handleCount() == 0) {
            forget(core); // else when its last handle closes: OpenThread works while one is held
        }
        Waiter waiter = core.waiterIfPresent();
        if (waiter != null && waiter.cancel(NtStatus.STATUS_THREAD_IS_TERMINATING)) {
            LockSupport.unpark(core.javaThread()); // termination wakes the thread's wait (two-step end)
        }
        LockSupport.unpark(core.javaThread()); // and a thread stopped by SuspendThread
        for (ThreadRundown rundown : rundowns) {
            rundown.threadEnded(core); // its pending I/O is cancelled
        }
        DispatcherMutant.abandonAll(core);
        core.discardApcs();
        core.dispatcherObject().set();
        CoreProcess process = core.process();
        process.threads.remove(core);
        notify(l -> l.threadEnded(core, exitCode));
        if (process.liveThreads.decrementAndGet() == 0 && process.endsWithLastThread()) {
            endProcess(process, exitCode); // the last thread's exit code is the process's
        }
        return true;
    }

    @Override
    public Optional<KThread> thread(int id) {
        return Optional.ofNullable(threads.get(id));
    }

    private void sweep() {
        for (CoreThread thread : adopted) {
            if (!thread.javaThread().isAlive() && thread.javaThread().getState() != Thread.State.NEW) {
                endThread(thread, 0); // an adopted Java thread that terminated ends with exit code 0
            }
        }
    }

    private void startSweeper() {
        if (sweeper != null) {
            return; // the common case, without the lock every adoption would take
        }
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

    /** The processes the kernel knows, for the inspector; a live view. */
    java.util.Collection<CoreProcess> allProcesses() {
        return processes.values();
    }

    private int nextId() {
        return lastId.addAndGet(4);
    }
}
