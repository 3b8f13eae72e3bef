package dev.kobj.win32;

/** Mirrors OVERLAPPED_ENTRY, filled by {@code GetQueuedCompletionStatusEx}. */
public class OverlappedEntry {
    public long lpCompletionKey;
    public Overlapped lpOverlapped;
    public long internal;
    public int dwNumberOfBytesTransferred;
}
