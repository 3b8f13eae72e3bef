package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
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
 * Create an unnamed object with a handle and close it (a symbolic link, the core's smallest body), a
 * duplicate-and-close of a handle, and an open-by-name-and-close of a link with default security (an
 * access check against the creator token's shared descriptor) beside one with no DACL; with
 * {@code -prof gc}, bytes/op is what each costs the heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Benchmark)
public class ObjectCreateBenchmark {
    Kernel kernel;
    ObjectManager objects;
    KThread caller;
    long existing;
    final long[] out = new long[1];
    final ObjectAttributes securedName = ObjectAttributes.named("\\BaseNamedObjects\\dflt-sd", 0);
    final ObjectAttributes unsecuredName = ObjectAttributes.named("\\BaseNamedObjects\\null-sd", 0);

    @Setup
    public void setUp() {
        kernel = Kernels.boot(KernelConfig.defaults().withModules("core"));
        objects = kernel.service(ObjectManager.class).orElseThrow();
        KProcess process = kernel.processes().createProcess("bench.exe", 1);
        caller = kernel.processes().adoptThread(process, Thread.currentThread());
        objects.createSymbolicLink(caller, null, 0xF0001, "\\x", out);
        existing = out[0];
        objects.createSymbolicLink(caller, securedName, 0xF0001, "\\x", out);
        objects.createSymbolicLink(caller, new ObjectAttributes(0, unsecuredName.name(), 0,
                dev.kobj.api.security.Sddl.parse("D:NO_ACCESS_CONTROL")), 0xF0001, "\\x", out);
    }

    @TearDown
    public void tearDown() {
        kernel.close();
    }

    @Benchmark
    public int createAndCloseUnnamed() {
        objects.createSymbolicLink(caller, null, 0xF0001, "\\x", out);
        return objects.close(caller, out[0]);
    }

    @Benchmark
    public int duplicateAndClose() {
        objects.duplicate(caller, -1, existing, -1, out, 0, 0, 2);
        return objects.close(caller, out[0]);
    }

    @Benchmark
    public int openAndCloseNamedDefaultSecurity() {
        objects.openSymbolicLink(caller, securedName, 1, out);
        return objects.close(caller, out[0]);
    }

    @Benchmark
    public int openAndCloseNamedNullDacl() {
        objects.openSymbolicLink(caller, unsecuredName, 1, out);
        return objects.close(caller, out[0]);
    }
}
