package dev.kobj.win32;

import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;

/**
 * What a Kernel32 or Ntdll call needs of its caller: the calling thread's kernel thread (adopted on
 * its first call) and its process. Every method acts for the Java thread that calls it.
 */
interface CallContext {
    /** The calling Java thread's kernel thread in this process, adopted on its first call. */
    KThread thread();

    /** The kernel's object manager. */
    ObjectManager objects();

    /** The kernel's waits. */
    dev.kobj.api.dispatch.WaitService waits();

    /** The sync family's service, or {@code null} on a kernel without it. */
    dev.kobj.api.sync.SyncService sync();

    /** This process's Ntdll. */
    Ntdll ntdll();

    /** A family's service, or {@code null} on a kernel without that family. */
    <T> T service(Class<T> api);

    /** The kernel's security: descriptors and tokens. */
    dev.kobj.api.security.SecurityService security();

    /** The kernel's I/O manager. */
    dev.kobj.api.io.IoService io();

    /** The kernel's processes and threads. */
    dev.kobj.api.process.ProcessService processes();

    /** The Thread object type. */
    dev.kobj.api.object.ObjectType threadType();

    /**
     * Creates a kernel thread of this process on a new Java thread (virtual unless the kernel was
     * configured for platform threads) running {@code body},
     * with a handle in {@code handle[0]}; the body's return value is the exit code.
     *
     * @return an NTSTATUS
     */
    int createThread(ThreadProc body, long parameter, boolean suspended, int handleAttributes, long[] handle,
            int[] threadId);

    /** This process as the kernel knows it. */
    dev.kobj.api.process.KProcess process();

    /** The program registered for an image name, or {@code null}. */
    Win32Program program(String imageName);

    /** A new child process of this one (handles inherited when asked), not yet running anything. */
    Win32ProcessImpl createChild(String imageName, boolean inheritHandles, int creationFlags);

    /** The value stored for STD_INPUT/OUTPUT/ERROR_HANDLE (index 0, 1, 2). */
    long stdHandle(int index);

    void setStdHandle(int index, long handle);

    /**
     * This process's current directory, a cleaned full DOS path ({@code C:\\} for a root) that relative
     * file names resolve against: {@code C:\\} for an attached process, the parent's or CreateProcess's
     * {@code lpCurrentDirectory} for a child.
     */
    String currentDirectory();

    void setCurrentDirectory(String directory);

    /** The directory Win32 object names resolve in: this process's session BaseNamedObjects. */
    String baseNamedObjects();

    /** The calling thread's last error. */
    int lastError();

    /** Sets the calling thread's last error. */
    void setLastError(int error);

    /** The id of the process the call is made in. */
    int processId();

    /** The kernel thread id of the calling Java thread in this process. */
    int threadId();

    /** The Win32 error for an NT status (RtlNtStatusToDosError). */
    int ntStatusToDosError(int status);
}
