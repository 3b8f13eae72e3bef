package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Kernel boot time: ServiceLoader discovery, the pre-Guice checks and the injector, all modules. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KernelBootBenchmark {
    @Benchmark
    public Kernel bootAllModules() {
        Kernel kernel = Kernels.boot();
        kernel.close();
        return kernel;
    }
}
