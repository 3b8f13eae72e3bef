package dev.kobj.win32;

/** A booted Win32 world over one kernel: attach processes, register programs. {@link #close()} ends every process it made. */
public interface Win32System extends AutoCloseable {
    Win32Process attach(String imageName);
    void register(String imageName, Win32Program program);
    @Override
    void close();
}
