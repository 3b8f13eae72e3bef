package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Random handle lookups over a table of 1,000,000 handles, beside the same random reads of the same
 * entries from a plain {@code Object[]} (the baseline: one load instead of the table's two). Both pick
 * a random index from the same precomputed order, and both read
 * the entry's granted access so that the entry itself is touched. Run with {@code -prof gc}: the lookup
 * allocates nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Benchmark)
public class HandleLookupBenchmark {
    static final int HANDLES = 1_000_000;
    static final int BATCH = 1024;

    Kernel kernel;
    ObjectManager objects;
    KThread caller;
    long[] handles;
    Object[] entries;
    int[] order;
    int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        kernel = Kernels.boot(KernelConfig.defaults().withModules("core"));
        objects = kernel.service(ObjectManager.class).orElseThrow();
        KProcess process = kernel.processes().createProcess("bench.exe", 1);
        caller = kernel.processes().adoptThread(process, Thread.currentThread());
        long[] first = new long[1];
        check(objects.createDirectory(caller, null, 0xF000F, first));
        handles = new long[HANDLES];
        entries = new Object[HANDLES];
        handles[0] = first[0];
        long[] out = new long[1];
        for (int i = 1; i < HANDLES; i++) {
            check(objects.duplicate(caller, -1, first[0], -1, out, 0, 0, 2));
            handles[i] = out[0];
        }
        for (int i = 0; i < HANDLES; i++) {
            if (handles[i] != ((long) i + 1) << 2) {
                throw new IllegalStateException("handle values are not dense: " + handles[i] + " at " + i);
            }
            entries[i] = objects.lookup(caller, handles[i]);
        }
        SplittableRandom random = new SplittableRandom(42);
        order = new int[1 << 20];
        for (int i = 0; i < order.length; i++) {
            order[i] = random.nextInt(HANDLES);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernel.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int kobjLookup() {
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            // Values are dense (checked in setUp): computing one touches no memory, as an index does not.
            sum += objects.lookup(caller, ((long) order[c++ & (order.length - 1)] + 1) << 2).grantedAccess();
        }
        cursor = c;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baselineObjectArray() {
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            sum += ((HandleEntry) entries[order[c++ & (order.length - 1)]]).grantedAccess();
        }
        cursor = c;
        return sum;
    }

    private static void check(int status) {
        if (status < 0) {
            throw new IllegalStateException("status " + Integer.toHexString(status));
        }
    }
}
