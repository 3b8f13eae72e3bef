package dev.kobj.api.process;

/**
 * Told of the lifecycle of a kernel's processes and threads (NT's process and thread notify routines);
 * jobs and per-thread state of a family are built on it. A plugin contributes one through
 * {@link dev.kobj.api.KernelBinder#processListener(Class)}; every method has a default that does nothing.
 *
 * <p>The core calls listeners with none of its locks held, on the thread that caused the event (the
 * creator, the ending thread, the terminator or the kernel's sweep), in no fixed order between
 * listeners. A listener must be quick and must not block; an exception it throws is logged and does
 * not stop the kernel or the other listeners. Because the core needs the listeners to build its
 * process service, a listener must not inject {@link ProcessService} or a service that does.
 *
 * @since 0.1
 */
public interface ProcessListener {
    /**
     * A process was created, after its handles were inherited and before any thread of it runs.
     *
     * @param parent the creating process, or {@code null} for a process attached without one
     */
    default void processCreated(KProcess process, KProcess parent) {
    }

    /**
     * A process has ended: every thread of it has ended and every handle is closed. Called once per
     * process, before its object is signalled, so a thread woken by the process's end sees what the
     * listeners did (a job's accounting, unmapped views).
     */
    default void processExited(KProcess process, int exitCode) {
    }

    /**
     * A thread has ended at kernel level (returned, exited, terminated, or its adopted Java thread
     * died): its mutants are abandoned and its object signalled. Called once per thread, before the
     * {@link #processExited} its end may cause.
     */
    default void threadEnded(KThread thread, int exitCode) {
    }
}
