package dev.kobj.core.process;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.dispatch.Waiter;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.status.NtStatus;
import dev.kobj.core.CoreTypes;

/** A Thread object bound to one Java thread. Its last error is touched only by that Java thread. */
public final class CoreThread extends KernelObject implements KThread, Waitable {
    /** THREAD_ALL_ACCESS, what the current-thread pseudo-handle grants. */
    public static final int ALL_ACCESS = 0x001F_FFFF;

    private final int id;
    private final CoreProcess process;
    /** The process's handle table, kept here so a lookup is one load shorter. */
    private final dev.kobj.core.object.HandleTable handles;
    private final HandleEntry[] firstHandles;
    private final Thread javaThread;
    private final HandleEntry self;
    private int lastError;
    private volatile Waiter waiter;
    // Plain volatile fields, not atomics: every call into kobj reads both (the fence), one load each.
    private static final java.lang.invoke.VarHandle ENDED;
    private static final java.lang.invoke.VarHandle SUSPEND_COUNT;

    static {
        try {
            java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
            ENDED = lookup.findVarHandle(CoreThread.class, "ended", boolean.class);
            SUSPEND_COUNT = lookup.findVarHandle(CoreThread.class, "suspendCount", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile boolean ended;
    private final DispatcherEvent endedEvent;
    private volatile int exitCode = ProcessService.STILL_ACTIVE;
    private final java.util.Queue<Runnable> apcs = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile int suspendCount;
    private DispatcherObject[] waitObjects;
    private KernelObject[] waitKernelObjects;
    private final long[] waitBuckets = new long[16];
    private DispatcherObject[] lastDistinct; // the thread's own: touched only by its waits
    private int lastDistinctCount;
    private int spinNanos; // the thread's own: how long its next single-object wait may spin
    private volatile ThreadBlocking blocking;

    CoreThread(int id, CoreProcess process, Thread javaThread, DispatcherContext context) {
        super(CoreTypes.THREAD);
        this.endedEvent = new DispatcherEvent(context, true, false);
        this.id = id;
        this.process = process;
        this.handles = process.handles();
        this.firstHandles = handles.firstSegment();
        this.javaThread = javaThread;
        this.self = new HandleEntry(this, ALL_ACCESS, 0);
        setSecurityDescriptor(process.token().defaultDescriptor());
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * A live platform thread's user time in nanoseconds: its host CPU time (user and system), since on
     * Linux the JVM reads user time alone from /proc (tens of microseconds, paid by every thread's end)
     * and the total from a clock (well under one). 0 for a virtual or ended thread, or where unsupported.
     */
    static long userTimeOf(Thread thread) {
        if (thread.isVirtual() || !thread.isAlive() || !CPU.isThreadCpuTimeSupported()) {
            return 0;
        }
        long time = CPU.getThreadCpuTime(thread.threadId());
        return Math.max(0, time);
    }

    /** The Thread type's close procedure: no handle to this thread is left. */
    public void lastHandleClosed() {
        process.manager().lastHandleClosed(this);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public CoreProcess process() {
        return process;
    }

    @Override
    public Thread javaThread() {
        return javaThread;
    }

    @Override
    public int lastError() {
        return lastError;
    }

    @Override
    public void setLastError(int error) {
        lastError = error;
    }

    @Override
    public Waiter waiter() {
        Waiter w = waiter;
        if (w == null) {
            synchronized (this) { // rare: first wait or first mutant; another thread may abandon for us
                w = waiter;
                if (w == null) {
                    w = new Waiter(this);
                    waiter = w;
                }
            }
        }
        return w;
    }

    /** Ends this thread once with {@code code}; true for the one caller that did, who must run its rundown. */
    boolean markEnded(int code) {
        if (!ENDED.compareAndSet(this, false, true)) {
            return false;
        }
        exitCode = code;
        return true;
    }

    @Override
    public boolean isEnded() {
        return ended;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }

    /** Signalled once the thread has ended (nt-semantics.md §10). */
    @Override
    public DispatcherEvent dispatcherObject() {
        return endedEvent;
    }

    /** MAXIMUM_SUSPEND_COUNT: SuspendThread past it fails. */
    static final int MAXIMUM_SUSPEND_COUNT = 127;

    @Override
    public int suspend() {
        if (isEnded()) {
            return -1;
        }
        int before;
        do {
            before = suspendCount;
            if (before >= MAXIMUM_SUSPEND_COUNT) {
                return -1;
            }
        } while (!SUSPEND_COUNT.compareAndSet(this, before, before + 1));
        return before;
    }

    @Override
    public int resume() {
        int before;
        do {
            before = suspendCount;
            if (before == 0) {
                return 0;
            }
        } while (!SUSPEND_COUNT.compareAndSet(this, before, before - 1));
        if (before == 1) {
            java.util.concurrent.locks.LockSupport.unpark(javaThread);
        }
        return before;
    }

    @Override
    public void checkSuspended() {
        while (suspendCount > 0 && !isEnded() && !Thread.currentThread().isInterrupted()) {
            java.util.concurrent.locks.LockSupport.park(this); // woken by ResumeThread or by termination
        }
    }

    @Override
    public boolean queueApc(Runnable apc) {
        if (isEnded()) {
            return false;
        }
        apcs.add(apc);
        Waiter w = waiter;
        if (w != null && w.cancelAlertable(NtStatus.STATUS_USER_APC)) {
            java.util.concurrent.locks.LockSupport.unpark(javaThread); // ends the alertable wait in progress
        }
        return true;
    }

    @Override
    public boolean removeApc(Runnable apc) {
        return apcs.remove(apc);
    }

    @Override
    public boolean hasApcs() {
        return !apcs.isEmpty();
    }

    @Override
    public boolean runApcs() {
        boolean ran = false;
        Runnable apc;
        while ((apc = apcs.poll()) != null) {
            ran = true;
            apc.run();
        }
        return ran;
    }

    /** An ended thread's pending APCs are discarded (nt-semantics.md §10). */
    void discardApcs() {
        apcs.clear();
    }

    /** The waiter if this thread has ever waited, else {@code null} (never creates one). */
    Waiter waiterIfPresent() {
        return waiter;
    }

    /** Scratch space for the objects of this thread's current wait; used by this thread only. */
    /** Scratch for the objects behind a wait's handles, referenced while the thread blocks. */
    public KernelObject[] waitKernelObjects() {
        KernelObject[] objects = waitKernelObjects;
        if (objects == null) {
            objects = new KernelObject[64];
            waitKernelObjects = objects;
        }
        return objects;
    }

    /** Scratch of 1,024 bits, all clear between uses: the wait engine's duplicate check for a wait-all. */
    public long[] waitBuckets() {
        return waitBuckets;
    }

    /**
     * Whether {@code list[0..count)} holds the same objects, in the same order, as the last wait-all list
     * this thread found free of duplicates: programs wait again and again on one set of handles, and
     * comparing references costs far less than hashing each object.
     */
    public boolean sameAsLastDistinct(DispatcherObject[] list, int count) {
        DispatcherObject[] last = lastDistinct; // dispatcher objects keep Object's identity equals
        return last != null && lastDistinctCount == count && java.util.Arrays.equals(last, 0, count, list, 0, count);
    }

    /** Remembers a wait-all list found free of duplicates (at most 64 references, kept until the next one). */
    public void rememberDistinct(DispatcherObject[] list, int count) {
        DispatcherObject[] last = lastDistinct;
        if (last == null) {
            last = new DispatcherObject[list.length];
            lastDistinct = last;
        }
        System.arraycopy(list, 0, last, 0, count);
        if (lastDistinctCount > count) {
            java.util.Arrays.fill(last, count, lastDistinctCount, null); // no stale references kept
        }
        lastDistinctCount = count;
    }

    /** How long this thread's next single-object wait may spin before it blocks, in ns (0: not at all). */
    public int spinNanos() {
        return spinNanos;
    }

    public void setSpinNanos(int nanos) {
        spinNanos = nanos;
    }

    public DispatcherObject[] waitObjects() {
        DispatcherObject[] objects = waitObjects;
        if (objects == null) {
            objects = new DispatcherObject[64];
            waitObjects = objects;
        }
        return objects;
    }

    /** What to tell when this thread blocks and runs again (its I/O state), or {@code null}. */
    public ThreadBlocking blocking() {
        return blocking;
    }

    public void setBlocking(ThreadBlocking blocking) {
        this.blocking = blocking;
    }

    /** The handle table of this thread's process. */
    public dev.kobj.core.object.HandleTable handles() {
        return handles;
    }

    /** The process's first page of handle entries ({@link dev.kobj.core.object.HandleTable#firstSegment()}). */
    public HandleEntry[] firstHandles() {
        return firstHandles;
    }

    /** The entry the pseudo-handle -2 stands for. */
    public HandleEntry selfEntry() {
        return self;
    }

    @Override
    public String toString() {
        return "Thread[" + id + " of " + process.id() + "]";
    }
}
