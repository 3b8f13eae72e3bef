package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.api.Kernels;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.ProcessService;
import dev.kobj.win32.Kernel32;
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
 * What starting costs: booting a kernel with every module (ServiceLoader discovery, the pre-Guice
 * checks, the injector) and closing it; adopting a Java thread as a kernel thread and ending it
 * ({@code nt_thread_adoption}, the kernel's own cost on one Java thread); and a new virtual thread whose
 * first Kernel32 call adopts it ({@code thread_adoption}) beside the same virtual thread making no call
 * (the difference is what adoption adds to a thread's life).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class StartupBenchmark {
    Win32Bench bench;
    Kernel32 k32;
    ProcessService processes;
    KProcess process;
    volatile int sink;

    @Setup
    public void setUp() {
        bench = new Win32Bench(ThreadKind.VIRTUAL);
        k32 = bench.k32;
        processes = bench.kernel.processes();
        process = bench.kernelProcess();
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public Kernel kernel_boot() {
        Kernel kernel = Kernels.boot();
        kernel.close();
        return kernel;
    }

    @Benchmark
    public boolean nt_thread_adoption() {
        return processes.endThread(processes.adoptThread(process, Thread.currentThread()), 0);
    }

    @Benchmark
    public void thread_adoption() throws InterruptedException {
        Thread.ofVirtual().start(() -> sink = k32.GetCurrentThreadId()).join();
    }

    @Benchmark
    public void baseline_virtual_thread() throws InterruptedException {
        Thread.ofVirtual().start(() -> sink = 1).join();
    }
}
