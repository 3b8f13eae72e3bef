package dev.kobj.win32;

/** LPTHREAD_START_ROUTINE: a thread body; its return value is the thread's exit code. */
@FunctionalInterface
public interface ThreadProc {
    int run(long parameter);
}
