package dev.kobj.api.pipe;

/**
 * FSCTL_PIPE_WAIT: the pipe's name below the file system, and how long to wait for a listening
 * instance, in 100 ns units, {@link dev.kobj.api.dispatch.WaitService#INFINITE}, or {@link #DEFAULT} for
 * the pipe's default timeout.
 *
 * @since 0.1
 */
public record PipeWait(String name, long timeout) {
    public static final long DEFAULT = Long.MAX_VALUE;
}
