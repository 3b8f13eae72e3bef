package dev.kobj.api.process;

import dev.kobj.api.security.Identity;
import java.util.Optional;

/**
 * Processes and threads of a kernel. Thread-safe.
 *
 * @since 0.1
 */
public interface ProcessService {
    /** Session of the processes win32 starts. */
    int DEFAULT_SESSION = 1;

    /**
     * Creates a process with no parent and no threads yet (Win32System.attach): it ends only when told
     * to ({@link #endProcess}), not when its threads come and go.
     */
    default KProcess createProcess(String imageName, int sessionId) {
        return createProcess(imageName, sessionId, Identity.DEFAULT);
    }

    /** Creates a process with no parent, as {@link #createProcess(String, int)}, running as {@code identity}. */
    KProcess createProcess(String imageName, int sessionId, Identity identity);

    /**
     * Creates a child of {@code parent} in the parent's session; with {@code inheritHandles}, every
     * inheritable handle of the parent is copied at the same value with the same access (§2.5). The
     * child ends when its last thread ends, with that thread's exit code.
     */
    default KProcess createChildProcess(KProcess parent, String imageName, boolean inheritHandles) {
        return createChildProcess(parent, imageName, inheritHandles, 0);
    }

    /**
     * The same, with CreateProcess's creation flags, which the child keeps
     * ({@link KProcess#creationFlags()}) for the listeners that act on them (jobs: breakaway).
     */
    KProcess createChildProcess(KProcess parent, String imageName, boolean inheritHandles, int creationFlags);

    /**
     * Ends a process (ExitProcess, TerminateProcess): the first end fixes the exit code; every thread
     * ends with it, every handle is closed, and the process object is signalled (nt-semantics.md §10).
     *
     * @return whether this call ended it
     */
    boolean endProcess(KProcess process, int exitCode);

    /** STILL_ACTIVE: the exit code of a thread or process that has not ended. */
    int STILL_ACTIVE = 0x103;

    /**
     * Makes {@code javaThread} a kernel thread of {@code process} (a new thread id each call). The Java
     * thread may be running (adoption) or not yet started (a thread the kernel creates).
     */
    KThread adoptThread(KProcess process, Thread javaThread);

    /**
     * Ends a kernel thread at kernel level: its exit code is fixed (the first end wins), its mutexes
     * are abandoned and its thread object is signalled. The Java thread itself is fenced by the caller.
     *
     * @return whether this call ended it (false if it had ended already)
     */
    boolean endThread(KThread thread, int exitCode);

    /**
     * A new, unstarted Java thread running {@code body}, of the kind the kernel was configured with
     * ({@link dev.kobj.api.KernelConfig#threads()}: virtual by default, else a daemon platform thread),
     * for a thread the kernel is about to create with {@link #adoptThread}.
     */
    Thread newJavaThread(Runnable body);

    /** The live thread with that id. */
    Optional<KThread> thread(int id);

    /**
     * Whether {@code thread} has ended; an adopted Java thread that has terminated is found out here
     * (lazily, and by the kernel's periodic sweep) and ends as a kernel thread: it abandons its mutants.
     */
    boolean hasEnded(KThread thread);

    /** The process with that id: a running one, or an ended one some handle still refers to. */
    Optional<KProcess> process(int id);
}
