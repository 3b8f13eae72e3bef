package dev.kobj.api.io;

/**
 * A completion routine (NtReadFile's ApcRoutine, ReadFileEx's lpCompletionRoutine): queued as a user APC
 * to the thread that issued the I/O, and run at its next alertable wait.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IoApc {
    void completed(Object context, int status, long information);
}
