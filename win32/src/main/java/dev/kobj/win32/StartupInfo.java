package dev.kobj.win32;

/** Mirrors the STARTUPINFO fields kobj uses: flags and the three standard handles. */
public class StartupInfo {
    public int flags;
    public long hStdInput;
    public long hStdOutput;
    public long hStdError;
}
