package dev.kobj.bench;

import static dev.kobj.win32.Win32.DUPLICATE_SAME_ACCESS;
import static dev.kobj.win32.Win32.EVENT_MODIFY_STATE;
import static dev.kobj.win32.Win32.SYNCHRONIZE;

import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Sddl;
import dev.kobj.win32.Kernel32;
import java.util.concurrent.ConcurrentHashMap;
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
 * Wine's handle and name scenarios through Kernel32: create+close an unnamed event, create+close an
 * event under a new name each time, open an existing name + close, duplicate + close. The baselines are
 * a ConcurrentHashMap put+remove of a new 32-byte object under a new key among 1000 resident entries (a
 * handle table's JDK analogue), keyed by a Long or by a new name string. The {@code nt_} methods are the
 * object manager's own costs on a symbolic link (the core's smallest body): create+close, and an open by
 * name with default security (an access check against the creator token's descriptor) beside one with
 * no DACL. With {@code -prof gc}, bytes/op is what each costs the heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class HandleBenchmark {
    static final String PREFIX = "Local\\wbench_n_";
    static final int RESIDENT = 1000;

    /** A baseline's value: the size of a small kernel object body (two longs, an int, a reference). */
    record Body(long id, long state, int flags, Object ref) {
    }

    Win32Bench bench;
    Kernel32 k32;
    long existing;
    long named;
    final long[] out = new long[1];
    long counter;
    final ConcurrentHashMap<Long, Body> byId = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Body> byName = new ConcurrentHashMap<>();
    ObjectManager objects;
    KThread caller;
    final ObjectAttributes securedName = ObjectAttributes.named("\\BaseNamedObjects\\dflt-sd", 0);
    final ObjectAttributes unsecuredName = ObjectAttributes.named("\\BaseNamedObjects\\null-sd", 0);

    @Setup
    public void setUp() {
        bench = new Win32Bench(ThreadKind.PLATFORM);
        k32 = bench.k32;
        existing = bench.check(k32.CreateEvent(null, false, false, null), "CreateEvent");
        named = bench.check(k32.CreateEvent(null, false, false, "Local\\wbench_open"), "CreateEvent");
        for (long i = 0; i < RESIDENT; i++) {
            byId.put(-1 - i, new Body(i, 0, 0, null));
            byName.put("resident-" + i, new Body(i, 0, 0, null));
        }
        objects = bench.kernel.service(ObjectManager.class).orElseThrow();
        caller = bench.kernel.processes().adoptThread(bench.kernelProcess(), Thread.currentThread());
        Win32Bench.checkStatus(objects.createSymbolicLink(caller, securedName, 0xF0001, "\\x", out));
        Win32Bench.checkStatus(objects.createSymbolicLink(caller, new ObjectAttributes(0, unsecuredName.name(), 0,
                Sddl.parse("D:NO_ACCESS_CONTROL")), 0xF0001, "\\x", out));
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public boolean create_close_event() {
        return k32.CloseHandle(k32.CreateEvent(null, false, false, null));
    }

    @Benchmark
    public Body baseline_chm_put_remove() {
        Long key = counter++;
        byId.put(key, new Body(key, 0, 0, this));
        return byId.remove(key);
    }

    @Benchmark
    public boolean create_close_named_event() {
        return k32.CloseHandle(k32.CreateEvent(null, false, false, PREFIX + Long.toHexString(counter++)));
    }

    @Benchmark
    public Body baseline_chm_put_remove_named() {
        String key = PREFIX + Long.toHexString(counter++);
        byName.put(key, new Body(counter, 0, 0, this));
        return byName.remove(key);
    }

    @Benchmark
    public boolean open_named_event() {
        return k32.CloseHandle(k32.OpenEvent(SYNCHRONIZE | EVENT_MODIFY_STATE, false, "Local\\wbench_open"));
    }

    @Benchmark
    public boolean duplicate_close() {
        long self = k32.GetCurrentProcess();
        k32.DuplicateHandle(self, existing, self, out, 0, false, DUPLICATE_SAME_ACCESS);
        return k32.CloseHandle(out[0]);
    }

    @Benchmark
    public int nt_create_close_link() {
        objects.createSymbolicLink(caller, null, 0xF0001, "\\x", out);
        return objects.close(caller, out[0]);
    }

    @Benchmark
    public int nt_open_close_default_security() {
        objects.openSymbolicLink(caller, securedName, 1, out);
        return objects.close(caller, out[0]);
    }

    @Benchmark
    public int nt_open_close_null_dacl() {
        objects.openSymbolicLink(caller, unsecuredName, 1, out);
        return objects.close(caller, out[0]);
    }
}
