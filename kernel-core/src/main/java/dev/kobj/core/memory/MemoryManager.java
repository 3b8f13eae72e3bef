package dev.kobj.core.memory;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.memory.BackingStore;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.process.KProcess;
import dev.kobj.core.process.CoreProcess;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pagefile stores on anonymous memory, and the processes' commit counters.
 *
 * <p>Sections up to 16 MiB are carved from big reservations and never share an address
 * ({@link PagefileSlab}); larger ones get a mapping of their own. Either way a store's pages go back to
 * the system after its section dies (MADV_DONTNEED), but the mapping is unmapped only when the collector
 * finds no segment of it left (an automatic arena). So a view kept past its section reads that section's
 * bytes or zeros: it never touches freed memory and never sees another section's bytes, and no section
 * pays for the thread handshake that closing a shared arena costs (tens of microseconds, more than
 * everything else a section does).
 */
public final class MemoryManager implements MemoryService {
    private final PagefileSlab slab = new PagefileSlab();

    @Inject
    public MemoryManager() {
    }

    @Override
    public BackingStore pagefile(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size <= 0: " + size);
        }
        if (size <= PagefileSlab.MAX_CARVED && AnonymousMemory.isNative()) {
            MemorySegment carved = slab.carve(size);
            return carved == null ? null : new PagefileStore(carved, size, slab::release);
        }
        MemorySegment segment = AnonymousMemory.reserve(size, Arena.ofAuto());
        return segment == null ? null : new PagefileStore(segment, size, AnonymousMemory::discard);
    }

    private final java.util.List<CommitLimit> limits = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public boolean charge(KProcess process, long bytes) {
        requireNonNull(process, "process is null");
        if (bytes > 0) {
            for (CommitLimit limit : limits) {
                if (!limit.allows(process, bytes)) {
                    return false;
                }
            }
        }
        ((CoreProcess) process).committedBytes().addAndGet(bytes);
        return true;
    }

    @Override
    public void addLimit(CommitLimit limit) {
        limits.add(requireNonNull(limit, "limit is null"));
    }

    @Override
    public long committedBytes(KProcess process) {
        return ((CoreProcess) requireNonNull(process, "process is null")).committedBytes().get();
    }

    private static final class PagefileStore implements BackingStore {
        private final MemorySegment mapping;
        private final MemorySegment segment;
        private final java.util.function.Consumer<MemorySegment> giveBack;
        private final AtomicBoolean released = new AtomicBoolean();

        PagefileStore(MemorySegment mapping, long size, java.util.function.Consumer<MemorySegment> giveBack) {
            this.mapping = mapping;
            this.segment = mapping.asSlice(0, size);
            this.giveBack = giveBack;
        }

        @Override
        public MemorySegment segment() {
            return segment;
        }

        @Override
        public long size() {
            return segment.byteSize();
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                giveBack.accept(mapping);
            }
        }
    }
}
