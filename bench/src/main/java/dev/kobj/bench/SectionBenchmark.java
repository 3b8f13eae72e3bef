package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.section.SectionService;
import dev.kobj.api.section.SectionView;
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
 * Wine's {@code section_map_unmap}: create a 1 MiB pagefile section, map a view, unmap it, close the
 * handle; beside it, the JDK doing the same memory work (a shared arena of 1 MiB, allocated and
 * closed). Also a write through one view read through another, beside a plain segment write+read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class SectionBenchmark {
    private static final long MIB = 1 << 20;

    Kernel kernel;
    ObjectManager objects;
    SectionService sections;
    KThread caller;
    final long[] handle = new long[1];
    final SectionView[] view = new SectionView[1];
    MemorySegment writer;
    MemorySegment reader;
    MemorySegment plain;
    long offset;

    @Setup
    public void setUp() {
        kernel = Kernels.boot(KernelConfig.defaults().withModules("core", "ipc"));
        objects = kernel.service(ObjectManager.class).orElseThrow();
        sections = kernel.service(SectionService.class).orElseThrow();
        KProcess process = kernel.processes().createProcess("bench.exe", 1);
        caller = kernel.processes().adoptThread(process, Thread.currentThread());
        sections.createSection(caller, null, SectionService.SECTION_ALL_ACCESS, MIB, SectionService.PAGE_READWRITE,
                0, 0, handle);
        sections.mapView(caller, handle[0], SectionService.FILE_MAP_WRITE, 0, 0, view);
        writer = view[0].segment();
        sections.mapView(caller, handle[0], SectionService.FILE_MAP_READ, 0, 0, view);
        reader = view[0].segment();
        plain = Arena.ofAuto().allocate(MIB);
    }

    @TearDown
    public void tearDown() {
        kernel.close();
    }

    @Benchmark
    public int sectionMapUnmap() {
        sections.createSection(caller, null, SectionService.SECTION_ALL_ACCESS, MIB, SectionService.PAGE_READWRITE,
                0, 0, handle);
        sections.mapView(caller, handle[0], SectionService.FILE_MAP_WRITE, 0, 0, view);
        sections.unmapView(caller, view[0].baseAddress());
        return objects.close(caller, handle[0]);
    }

    @Benchmark
    public long jdkSharedArena1MiB() {
        try (Arena arena = Arena.ofShared()) {
            return arena.allocate(MIB).address();
        }
    }

    @Benchmark
    public long writeOneViewReadAnother() {
        offset = (offset + 4096) & (MIB - 1);
        writer.set(ValueLayout.JAVA_LONG, offset, offset);
        return reader.get(ValueLayout.JAVA_LONG, offset);
    }

    @Benchmark
    public long plainSegmentWriteRead() {
        offset = (offset + 4096) & (MIB - 1);
        plain.set(ValueLayout.JAVA_LONG, offset, offset);
        return plain.get(ValueLayout.JAVA_LONG, offset);
    }
}
