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

/** Pagefile stores on anonymous memory, one shared arena each, and the processes' commit counters. */
public final class MemoryManager implements MemoryService {
    @Inject
    public MemoryManager() {
    }

    @Override
    public BackingStore pagefile(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size <= 0: " + size);
        }
        Arena arena = Arena.ofShared();
        MemorySegment segment = AnonymousMemory.reserve(size, arena);
        if (segment == null) {
            arena.close();
            return null;
        }
        return new PagefileStore(arena, segment.asSlice(0, size));
    }

    @Override
    public void charge(KProcess process, long bytes) {
        ((CoreProcess) requireNonNull(process, "process is null")).committedBytes().addAndGet(bytes);
    }

    @Override
    public long committedBytes(KProcess process) {
        return ((CoreProcess) requireNonNull(process, "process is null")).committedBytes().get();
    }

    private static final class PagefileStore implements BackingStore {
        private final Arena arena;
        private final MemorySegment segment;
        private final AtomicBoolean released = new AtomicBoolean();

        PagefileStore(Arena arena, MemorySegment segment) {
            this.arena = arena;
            this.segment = segment;
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
                arena.close(); // unmaps; later accesses through any slice fail
            }
        }
    }
}
