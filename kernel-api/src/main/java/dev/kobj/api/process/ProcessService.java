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

    /** Makes {@code javaThread} a kernel thread of {@code process} (a new thread id each call). */
    KThread adoptThread(KProcess process, Thread javaThread);

    /**
     * Whether {@code thread} has ended; an adopted Java thread that has terminated is found out here
     * (lazily, and by the kernel's periodic sweep) and ends as a kernel thread: it abandons its mutants.
     */
    boolean hasEnded(KThread thread);

    /** The live process with that id. */
    Optional<KProcess> process(int id);
}
