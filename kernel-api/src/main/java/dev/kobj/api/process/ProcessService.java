package dev.kobj.api.process;

import java.util.Optional;

/**
 * Processes and threads of a kernel. Thread-safe.
 *
 * @since 0.1
 */
public interface ProcessService {
    /** Session of the processes win32 starts. */
    int DEFAULT_SESSION = 1;

    /** Creates a process with no parent and no threads yet. */
    KProcess createProcess(String imageName, int sessionId);

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

    /** The live thread with that id. */
    Optional<KThread> thread(int id);

    /**
     * Whether {@code thread} has ended; an adopted Java thread that has terminated is found out here
     * (lazily, and by the kernel's periodic sweep) and ends as a kernel thread: it abandons its mutants.
     */
    boolean hasEnded(KThread thread);

    /** The live process with that id. */
    Optional<KProcess> process(int id);
}
