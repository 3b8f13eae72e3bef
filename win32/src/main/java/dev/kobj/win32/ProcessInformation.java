package dev.kobj.win32;

/** Mirrors PROCESS_INFORMATION, filled by {@code CreateProcess}. */
public class ProcessInformation {
    public long hProcess;
    public long hThread;
    public int dwProcessId;
    public int dwThreadId;
}
