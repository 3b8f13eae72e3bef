package dev.kobj.api.object;

/**
 * Access-mask bits common to every type (nt-semantics.md §4.1).
 *
 * @since 0.1
 */
public final class Access {
    public static final int DELETE = 0x0001_0000;
    public static final int READ_CONTROL = 0x0002_0000;
    public static final int WRITE_DAC = 0x0004_0000;
    public static final int WRITE_OWNER = 0x0008_0000;
    public static final int SYNCHRONIZE = 0x0010_0000;
    public static final int STANDARD_RIGHTS_REQUIRED = 0x000F_0000;
    public static final int STANDARD_RIGHTS_ALL = 0x001F_0000;
    public static final int SPECIFIC_RIGHTS_ALL = 0x0000_FFFF;
    public static final int ACCESS_SYSTEM_SECURITY = 0x0100_0000;
    public static final int MAXIMUM_ALLOWED = 0x0200_0000;
    /** Bits 21–23 and 26–27: requesting them fails. */
    public static final int RESERVED = 0x00E0_0000 | 0x0C00_0000;

    private Access() {
    }
}
