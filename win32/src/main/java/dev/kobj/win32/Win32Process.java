package dev.kobj.win32;

/** One Win32 process: its Kernel32 and Ntdll faces and its id. A Java thread that calls either acts as a thread of this process. */
public interface Win32Process {
    Kernel32 kernel32();
    Ntdll ntdll();
    int id();
}
