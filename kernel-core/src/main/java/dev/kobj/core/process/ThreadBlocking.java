package dev.kobj.core.process;

/**
 * Told when a thread blocks in a wait and when it runs again: a completion port stops counting a thread
 * that blocks elsewhere as running, so another may take its packets (nt-semantics.md §7.6). Called by the
 * thread itself, around its park, with no lock held.
 */
public interface ThreadBlocking {
    void blocked();

    void unblocked();
}
