package dev.kobj.win32;

/** A booted Win32 world over one kernel: attach processes, register programs. {@link #close()} ends every process it made. */
public interface Win32System extends AutoCloseable {
    Win32Process attach(String imageName);

    /**
     * Attaches a process that runs as {@code identity} (its token's user, groups, privileges and
     * default DACL) instead of the kernel's default user. A kobj extension of the contract.
     */
    Win32Process attach(String imageName, dev.kobj.api.security.Identity identity);
    void register(String imageName, Win32Program program);
    @Override
    void close();
}
