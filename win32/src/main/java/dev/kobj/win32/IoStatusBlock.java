package dev.kobj.win32;

/** Mirrors IO_STATUS_BLOCK. */
public class IoStatusBlock {
    public int status;
    public long information;
}
