package dev.kobj.api.object;

/**
 * The replaceable policies of handle tables: how many handles a process may hold and which freed value
 * comes back first. The structure (a first page and a flat array of immutable entries) is not
 * replaceable. Bind one with {@link dev.kobj.api.KernelBinder#handleTablePolicy}; the default is
 * Windows': 2^24 handles, the most recently freed value first (nt-semantics.md §2.1).
 *
 * @since 0.1
 */
public record HandleTablePolicy(int maxHandles, Reuse reuse) {
    /** Windows' per-process limit. */
    public static final int MAX_HANDLES = 1 << 24;

    public static final HandleTablePolicy DEFAULT = new HandleTablePolicy(MAX_HANDLES, Reuse.MOST_RECENTLY_FREED);

    /** Which free value an allocation takes. Programs must not depend on either. */
    public enum Reuse {
        /** The value freed last (Windows' free list). */
        MOST_RECENTLY_FREED,
        /** The lowest free value (Wine). */
        LOWEST_FREE
    }

    public HandleTablePolicy {
        java.util.Objects.requireNonNull(reuse, "reuse is null");
        if (maxHandles < 1 || maxHandles > MAX_HANDLES) {
            throw new IllegalArgumentException("maxHandles must be in [1, 2^24]: " + maxHandles);
        }
    }
}
