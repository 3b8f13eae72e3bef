package dev.kobj.fs;

/**
 * The argument of the volume's private lock control (IRP_MJ_LOCK_CONTROL's IRP_MN_LOCK, carried as a file
 * system control request so that a waiting lock pends, and is waited for or cancelled, like any I/O).
 */
record LockRange(long offset, long length, boolean exclusive, boolean failImmediately) {
    /**
     * CTL_CODE(FILE_DEVICE_FILE_SYSTEM, 0xB00, METHOD_NEITHER, FILE_READ_ACCESS | FILE_WRITE_ACCESS):
     * the I/O manager lets it through on a handle granting FILE_READ_DATA or FILE_WRITE_DATA (§4.3).
     */
    static final int FSCTL_LOCK = 0x9 << 16 | 3 << 14 | 0xB00 << 2 | 3;
}
