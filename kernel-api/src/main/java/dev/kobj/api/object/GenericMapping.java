package dev.kobj.api.object;

/**
 * A type's GENERIC_MAPPING: the specific and standard rights each generic right stands for
 * (nt-semantics.md §4.2).
 *
 * @since 0.1
 */
public record GenericMapping(int genericRead, int genericWrite, int genericExecute, int genericAll) {
    public static final int GENERIC_READ = 0x8000_0000;
    public static final int GENERIC_WRITE = 0x4000_0000;
    public static final int GENERIC_EXECUTE = 0x2000_0000;
    public static final int GENERIC_ALL = 0x1000_0000;
    private static final int GENERIC_BITS = GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL;

    /** {@code access} with each generic bit replaced by the rights it maps to; other bits unchanged. */
    public int map(int access) {
        if ((access & GENERIC_BITS) == 0) {
            return access;
        }
        int mapped = access & ~GENERIC_BITS;
        if ((access & GENERIC_READ) != 0) {
            mapped |= genericRead;
        }
        if ((access & GENERIC_WRITE) != 0) {
            mapped |= genericWrite;
        }
        if ((access & GENERIC_EXECUTE) != 0) {
            mapped |= genericExecute;
        }
        if ((access & GENERIC_ALL) != 0) {
            mapped |= genericAll;
        }
        return mapped;
    }
}
