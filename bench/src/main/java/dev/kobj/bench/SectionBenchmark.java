package dev.kobj.bench;

import static dev.kobj.win32.Win32.FILE_MAP_READ;
import static dev.kobj.win32.Win32.FILE_MAP_WRITE;
import static dev.kobj.win32.Win32.INVALID_HANDLE_VALUE;
import static dev.kobj.win32.Win32.PAGE_READWRITE;

import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.MappedView;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wine's {@code section_map_unmap} through Kernel32: CreateFileMapping (1 MiB, pagefile), MapViewOfFile,
 * UnmapViewOfFile, CloseHandle; beside it the JDK doing the same memory work (a shared arena of 1 MiB,
 * allocated and closed). Also a write through one view read through another, beside a plain segment
 * write+read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class SectionBenchmark {
    private static final int MIB = 1 << 20;

    Win32Bench bench;
    Kernel32 k32;
    MemorySegment writer;
    MemorySegment reader;
    MemorySegment plain;
    long offset;

    @Setup
    public void setUp() {
        bench = new Win32Bench(ThreadKind.PLATFORM);
        k32 = bench.k32;
        long section = bench.check(k32.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, MIB, null),
                "CreateFileMapping");
        writer = k32.MapViewOfFile(section, FILE_MAP_WRITE, 0, 0, 0).segment();
        reader = k32.MapViewOfFile(section, FILE_MAP_READ, 0, 0, 0).segment();
        plain = Arena.ofAuto().allocate(MIB);
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public boolean section_map_unmap() {
        long section = k32.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, MIB, null);
        MappedView view = k32.MapViewOfFile(section, FILE_MAP_WRITE, 0, 0, 0);
        k32.UnmapViewOfFile(view.address());
        return k32.CloseHandle(section);
    }

    @Benchmark
    public long baseline_shared_arena_1mib() {
        try (Arena arena = Arena.ofShared()) {
            return arena.allocate(MIB).address();
        }
    }

    @Benchmark
    public long write_one_view_read_another() {
        offset = (offset + 4096) & (MIB - 1);
        writer.set(ValueLayout.JAVA_LONG, offset, offset);
        return reader.get(ValueLayout.JAVA_LONG, offset);
    }

    @Benchmark
    public long baseline_segment_write_read() {
        offset = (offset + 4096) & (MIB - 1);
        plain.set(ValueLayout.JAVA_LONG, offset, offset);
        return plain.get(ValueLayout.JAVA_LONG, offset);
    }
}
