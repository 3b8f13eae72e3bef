package dev.kobj.win32;

import static dev.kobj.win32.Win32.THREAD_ALL_ACCESS;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.KernelThreadExit;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.sync.SyncService;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process as Win32 sees it, and the binding of calling Java threads to its kernel threads.
 *
 * <p>A Java thread is adopted on its first call. The per-thread binding is a {@link ThreadLocal} of
 * small slots that {@link #release()} empties, so a long-lived Java thread that once called into a
 * process keeps nothing of a closed system alive.
 */
final class Win32ProcessImpl implements Win32Process, CallContext {
    private final Win32SystemImpl system;
    private final KProcess process;
    private final ObjectManager objects;
    private final WaitService waits;
    private final SyncService sync;
    private final dev.kobj.api.security.SecurityService security;
    private final dev.kobj.api.io.IoService io;
    private final dev.kobj.api.status.StatusRegistry statuses;
    private final String baseNamedObjects;
    private final ProcessService processes;
    private final ObjectType threadType;
    private final long[] stdHandles = new long[3];
    private volatile String currentDirectory = "C:\\";
    private final Kernel32 kernel32;
    private final Ntdll ntdll;
    private final ThreadLocal<Slot> current = new ThreadLocal<>();
    // The bindings of recent callers, by thread id: a hit is a shorter chain of loads than
    // ThreadLocal.get, which every call into kobj pays. Written only on a miss, so threads that
    // keep calling do not share a written cache line.
    private final Slot[] recent = new Slot[RECENT];
    private static final int RECENT = 64;
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private static final int MIN_PURGE = 64;
    private volatile int purgeAt = MIN_PURGE; // racy by design: a missed or doubled purge is harmless

    Win32ProcessImpl(Win32SystemImpl system, KProcess process) {
        this.system = system;
        this.process = process;
        this.objects = system.kernel().service(ObjectManager.class).orElseThrow();
        this.waits = system.kernel().service(WaitService.class).orElseThrow();
        this.sync = system.kernel().service(SyncService.class).orElse(null);
        this.security = system.kernel().service(dev.kobj.api.security.SecurityService.class).orElseThrow();
        this.io = system.kernel().service(dev.kobj.api.io.IoService.class).orElseThrow();
        this.statuses = system.kernel().service(dev.kobj.api.status.StatusRegistry.class).orElseThrow();
        this.baseNamedObjects = objects.baseNamedObjects(process.sessionId());
        this.processes = system.kernel().processes();
        this.threadType = system.kernel().objectType("Thread").orElseThrow();
        this.kernel32 = new Kernel32Impl(this);
        this.ntdll = new NtdllImpl(this);
    }

    @Override
    public Kernel32 kernel32() {
        return kernel32;
    }

    @Override
    public Ntdll ntdll() {
        return ntdll;
    }

    @Override
    public int id() {
        return process.id();
    }

    @Override
    public int lastError() {
        return currentThread().lastError();
    }

    @Override
    public void setLastError(int error) {
        currentThread().setLastError(error);
    }

    @Override
    public int processId() {
        return process.id();
    }

    @Override
    public int threadId() {
        return currentThread().id();
    }

    @Override
    public int ntStatusToDosError(int status) {
        return statuses.toDosError(status); // plugins' statuses too
    }

    @Override
    public KThread thread() {
        return currentThread();
    }

    @Override
    public ObjectManager objects() {
        return objects;
    }

    @Override
    public WaitService waits() {
        return waits;
    }

    @Override
    public <T> T service(Class<T> api) {
        return system.kernel().service(api).orElse(null);
    }

    @Override
    public dev.kobj.api.security.SecurityService security() {
        return security;
    }

    @Override
    public SyncService sync() {
        return sync;
    }

    @Override
    public dev.kobj.api.io.IoService io() {
        return io;
    }

    @Override
    public ProcessService processes() {
        return processes;
    }

    @Override
    public ObjectType threadType() {
        return threadType;
    }

    @Override
    public int createThread(ThreadProc body, long parameter, boolean suspended, int handleAttributes, long[] handle,
            int[] threadId) {
        PreparedThread thread = prepareThread(body, parameter, suspended);
        int status = objects.insert(process, (KernelObject) thread.kernelThread(), THREAD_ALL_ACCESS, handleAttributes,
                handle);
        if (status < 0) {
            processes.endThread(thread.kernelThread(), 0);
            return status;
        }
        if (threadId != null && threadId.length > 0) {
            threadId[0] = thread.kernelThread().id();
        }
        thread.javaThread().start();
        return status;
    }

    /** A kernel thread of this process on a new, not yet started, Java thread (virtual unless configured) running {@code body}. */
    PreparedThread prepareThread(ThreadProc body, long parameter, boolean suspended) {
        PreparedThread thread = prepareThread(body, parameter);
        if (suspended) {
            thread.kernelThread().suspend();
        }
        return thread;
    }

    private PreparedThread prepareThread(ThreadProc body, long parameter) {
        system.checkOpen();
        KThread[] created = new KThread[1];
        Thread javaThread = processes.newJavaThread(() -> run(created[0], body, parameter));
        created[0] = processes.adoptThread(process, javaThread);
        javaThread.setName("kobj-thread-" + created[0].id());
        return new PreparedThread(created[0], javaThread);
    }

    record PreparedThread(KThread kernelThread, Thread javaThread) {
    }

    @Override
    public KProcess process() {
        return process;
    }

    @Override
    public Win32Program program(String imageName) {
        return system.program(imageName).orElse(null);
    }

    @Override
    public Win32ProcessImpl createChild(String imageName, boolean inheritHandles, int creationFlags) {
        return system.createChild(this, imageName, inheritHandles, creationFlags);
    }

    @Override
    public long stdHandle(int index) {
        return stdHandles[index];
    }

    @Override
    public String currentDirectory() {
        return currentDirectory;
    }

    @Override
    public void setCurrentDirectory(String directory) {
        currentDirectory = java.util.Objects.requireNonNull(directory, "directory is null");
    }

    @Override
    public void setStdHandle(int index, long handle) {
        stdHandles[index] = handle;
    }

    /** A created thread's body: bound to its kernel thread, its return value (or ExitThread's) the exit code. */
    private void run(KThread thread, ThreadProc body, long parameter) {
        Slot slot = new Slot(thread);
        slots.add(slot);
        current.set(slot);
        int exitCode = Win32.STATUS_UNSUCCESSFUL;
        try {
            currentThread(); // a thread created suspended waits here for ResumeThread (or its end)
            exitCode = body.run(parameter);
        } catch (KernelThreadExit exit) {
            exitCode = exit.exitCode();
        } catch (RuntimeException | Error e) {
            System.getLogger(Win32ProcessImpl.class.getName()).log(System.Logger.Level.WARNING,
                    "thread " + thread.id() + " of process " + process.id() + " ended by an exception", e);
        } finally {
            processes.endThread(thread, exitCode);
            slots.remove(slot);
            current.remove();
            slot.thread = null; // a stale entry in recent[] no longer binds
        }
    }

    @Override
    public String baseNamedObjects() {
        return baseNamedObjects;
    }

    /**
     * A thread terminated at kernel level goes no further: the second step of termination, at its next
     * call into kobj or when a blocking call it was in returns. A suspended thread stops here until
     * resumed, so one suspended while blocked does not run on when its wait ends (as in NT, where
     * suspension is an APC that interrupts the wait).
     */
    static void fence(KThread thread) {
        thread.checkSuspended();
        if (thread.isEnded()) {
            throw new KernelThreadExit(thread.exitCode());
        }
    }

    /** The calling Java thread's kernel thread in this process, adopting it on its first call. */
    KThread currentThread() {
        Thread caller = Thread.currentThread();
        Slot slot = recent[recentIndex(caller)];
        if (slot != null && slot.owner == caller) {
            KThread thread = slot.thread;
            if (thread != null) {
                fence(thread); // SuspendThread takes effect at the next call into kobj
                return thread;
            }
        }
        return boundThread(caller);
    }

    private static int recentIndex(Thread caller) {
        return (int) caller.threadId() & (RECENT - 1);
    }

    private KThread boundThread(Thread caller) {
        Slot slot = current.get();
        if (slot != null) {
            KThread thread = slot.thread;
            if (thread != null) {
                recent[recentIndex(caller)] = slot;
                fence(thread);
                return thread;
            }
        }
        system.checkOpen();
        purgeDeadSlots();
        Slot adopted = new Slot(system.kernel().processes().adoptThread(process, caller));
        slots.add(adopted);
        current.set(adopted);
        recent[recentIndex(caller)] = adopted;
        return adopted.thread;
    }

    /**
     * Forgets the slots of adopted Java threads that have terminated (ending their kernel threads if the
     * sweep has not yet), each time the set has doubled: amortised O(1) per adoption. A slot whose Java
     * thread still runs is kept even if its kernel thread ended: that thread stays fenced.
     */
    private void purgeDeadSlots() {
        if (slots.size() < purgeAt) {
            return;
        }
        slots.removeIf(slot -> {
            KThread thread = slot.thread;
            return thread == null || !thread.javaThread().isAlive() && processes.hasEnded(thread);
        });
        purgeAt = Math.max(MIN_PURGE, slots.size() * 2);
    }

    /** How many thread bindings this process keeps (a test's view). */
    int slotCount() {
        return slots.size();
    }

    /** Ends the process (its threads, its handles) and forgets every thread binding. */
    void release() {
        processes.endProcess(process, 0);
        for (Slot slot : slots) {
            slot.thread = null;
        }
        slots.clear();
        java.util.Arrays.fill(recent, null);
    }

    private static final class Slot {
        final Thread owner = Thread.currentThread();
        volatile KThread thread;

        Slot(KThread thread) {
            this.thread = thread;
        }
    }
}
