package dev.kobj.win32;

/** Mirrors OVERLAPPED. kobj passes the same instance back through completion ports. */
public class Overlapped {
    public long internal;
    public long internalHigh;
    public int offset;
    public int offsetHigh;
    public long hEvent;

    public Overlapped() {
    }

    /** An OVERLAPPED whose completion sets {@code hEvent}. */
    public Overlapped(long hEvent) {
        this.hEvent = hEvent;
    }
}
