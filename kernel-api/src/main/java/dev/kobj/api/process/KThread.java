package dev.kobj.api.process;

/**
 * A kernel thread, bound to one Java thread (platform or virtual). Its last error is read and written
 * only by that Java thread, so it needs no synchronisation.
 *
 * @since 0.1
 */
public interface KThread {
    /** The thread id: a multiple of 4, never 0, from the pool process ids share. */
    int id();

    /** The process the thread belongs to. */
    KProcess process();

    /** The Java thread this kernel thread runs on. */
    Thread javaThread();

    /** The Win32 last error of this thread. */
    int lastError();

    /** Sets the Win32 last error of this thread; called on this thread only. */
    void setLastError(int error);

    /** STILL_ACTIVE (259) while the thread runs; its exit code once it has ended. */
    int exitCode();

    /** Whether the thread has ended (returned, exited, been terminated, or its adopted Java thread died). */
    boolean isEnded();

    /**
     * Queues a user APC (FIFO); it runs on this thread at its next alertable wait, which it ends with
     * STATUS_USER_APC. False if the thread has ended.
     */
    boolean queueApc(Runnable apc);

    /** Takes back a queued user APC that has not run yet (a cancelled timer's); true if it was queued. */
    boolean removeApc(Runnable apc);

    /** Whether user APCs are queued. */
    boolean hasApcs();

    /** Runs every queued user APC in order, on this thread; true if any ran. */
    boolean runApcs();

    /**
     * Adds one to the suspend count (SuspendThread); the thread stops at its next call into kobj.
     *
     * @return the count before, or -1 if the thread has ended
     */
    int suspend();

    /** Takes one from the suspend count (ResumeThread), waking the thread at 0; returns the count before. */
    int resume();

    /**
     * Called by the thread itself at each call into kobj: blocks while it is suspended, until resumed,
     * terminated or interrupted.
     */
    void checkSuspended();

    /** This thread's reusable wait state and its list of owned mutants. */
    dev.kobj.api.dispatch.Waiter waiter();
}
