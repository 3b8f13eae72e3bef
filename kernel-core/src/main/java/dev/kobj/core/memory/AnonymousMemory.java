package dev.kobj.core.memory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Anonymous private mappings through FFM ({@code mmap}/{@code munmap} on Linux): reserved at once,
 * zero pages faulted in on first touch, so a large section costs nothing until used. Private is
 * enough: every kobj process lives in this JVM. Elsewhere, or if the calls cannot be linked, memory
 * comes zero-filled from the arena instead.
 */
final class AnonymousMemory {
    private static final int PROT_READ = 0x1;
    private static final int PROT_WRITE = 0x2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_NORESERVE = 0x4000;
    private static final long PAGE = 4096;

    private static final int MADV_DONTNEED = 4;

    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MADVISE;

    static {
        MethodHandle mmap = null;
        MethodHandle munmap = null;
        MethodHandle madvise = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                Optional<MemorySegment> mmapSymbol = linker.defaultLookup().find("mmap");
                Optional<MemorySegment> munmapSymbol = linker.defaultLookup().find("munmap");
                Optional<MemorySegment> madviseSymbol = linker.defaultLookup().find("madvise");
                if (mmapSymbol.isPresent() && munmapSymbol.isPresent() && madviseSymbol.isPresent()) {
                    mmap = linker.downcallHandle(mmapSymbol.get(),
                            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
                    munmap = linker.downcallHandle(munmapSymbol.get(),
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
                    madvise = linker.downcallHandle(madviseSymbol.get(),
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
                }
            } catch (RuntimeException | Error e) { // no native access: fall back to the arena
                mmap = null;
                munmap = null;
                madvise = null;
            }
        }
        MMAP = mmap;
        MUNMAP = munmap;
        MADVISE = madvise;
    }

    private AnonymousMemory() {
    }

    /** Whether memory comes from the system's mmap (else zero-filled from the arena, bytes at once). */
    static boolean isNative() {
        return MMAP != null;
    }

    /**
     * {@code size} zeroed bytes whose lifetime is {@code arena}'s: closing it unmaps them. {@code null}
     * when the system refuses the reservation.
     */
    static MemorySegment reserve(long size, Arena arena) {
        long length = (size + PAGE - 1) & -PAGE;
        if (MMAP == null) {
            try {
                return arena.allocate(length, PAGE);
            } catch (OutOfMemoryError | IllegalArgumentException e) {
                return null;
            }
        }
        try {
            MemorySegment address = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, length,
                    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (address.address() == -1L) { // MAP_FAILED
                return null;
            }
            return address.reinterpret(length, arena, AnonymousMemory::unmap);
        } catch (Throwable e) {
            throw new IllegalStateException("mmap failed", e);
        }
    }

    /**
     * Gives the pages back to the system at once while the mapping stays valid: later reads see zeros.
     * (On the arena fallback the bytes stay until the collector frees them.)
     */
    static void discard(MemorySegment segment) {
        if (MADVISE == null) {
            return;
        }
        try {
            int result = (int) MADVISE.invokeExact(segment, segment.byteSize(), MADV_DONTNEED);
            assert result == 0 : "madvise failed";
        } catch (Throwable e) {
            throw new IllegalStateException("madvise failed", e);
        }
    }

    private static void unmap(MemorySegment segment) {
        try {
            int result = (int) MUNMAP.invokeExact(segment, segment.byteSize());
            assert result == 0 : "munmap failed";
        } catch (Throwable e) {
            throw new IllegalStateException("munmap failed", e);
        }
    }
}
