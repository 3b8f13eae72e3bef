package dev.kobj.api;

/**
 * Thrown into a Java thread at its next call into kobj once its kernel thread has been terminated
 * ({@code TerminateThread}, {@code ExitThread}, process termination, a job's kill). It is an
 * {@link Error} so that ordinary {@code catch (Exception)} blocks let it pass; kobj's own thread and
 * program bodies catch it. It carries no stack trace.
 *
 * @since 0.1
 */
public final class KernelThreadExit extends Error {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public KernelThreadExit(int exitCode) {
        super("kernel thread terminated with exit code " + exitCode, null, false, false);
        this.exitCode = exitCode;
    }

    /** The exit code the thread ended with. */
    public int exitCode() {
        return exitCode;
    }
}
