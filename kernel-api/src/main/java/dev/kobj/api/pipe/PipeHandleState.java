package dev.kobj.api.pipe;

/**
 * SetNamedPipeHandleState for one end: the new read mode (0 byte, 1 message) and completion mode (0 wait,
 * 1 nowait), each {@link #UNCHANGED} to keep it.
 *
 * @since 0.1
 */
public record PipeHandleState(int readMode, int completionMode) {
    public static final int UNCHANGED = -1;
}
