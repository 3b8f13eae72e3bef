package dev.kobj.api.process;

import dev.kobj.api.security.Identity;

/**
 * A kernel process: an id, a session, the image it runs. Thread-safe.
 *
 * @since 0.1
 */
public interface KProcess {
    /** The process id: a multiple of 4, never 0, from the pool thread ids share. */
    int id();

    /** The session the process runs in; processes started by win32 run in session 1. */
    int sessionId();

    /** The image name it was created for, e.g. {@code test.exe}. */
    String imageName();

    /** STILL_ACTIVE (259) while the process runs; its exit code once it has ended. */
    int exitCode();

    /** The CreateProcess flags it was made with (0 for an attached process). */
    default int creationFlags() {
        return 0;
    }

    /**
     * CPU time its threads have spent in user mode, in nanoseconds, as the JVM measures it: platform
     * threads only (the JVM does not measure virtual threads, which count 0).
     */
    default long userTimeNanos() {
        return 0;
    }

    /** Who the process runs as: its primary token's identity. */
    Identity identity();

    /** Whether the process has ended. */
    boolean isEnded();
}
