package dev.kobj.win32;

/** A booted Win32 world over one kernel: attach processes, register programs. {@link #close()} ends every process it made. */
public interface Win32System extends AutoCloseable {
    Win32Process attach(String imageName);

    /**
     * Attaches a process that runs as {@code identity} (its token's user, groups, privileges and
     * default DACL) instead of the kernel's default user. A kobj extension of the contract.
     */
    Win32Process attach(String imageName, dev.kobj.api.security.Identity identity);

    /**
     * Attaches a process that runs as {@code identity} in session {@code sessionId} (&ge; 0) instead of
     * session 1: its Win32 names resolve in {@code \Sessions\<sessionId>\BaseNamedObjects} (made on
     * demand; {@code \BaseNamedObjects} for session 0) and its children inherit the session. A kobj
     * extension of the contract. Throws {@code IllegalStateException} when the kernel's process limit
     * ({@code KernelConfig.Limits}) is reached.
     */
    Win32Process attach(String imageName, dev.kobj.api.security.Identity identity, int sessionId);
    void register(String imageName, Win32Program program);
    @Override
    void close();
}
