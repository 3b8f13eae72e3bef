package dev.kobj.bench;

import static dev.kobj.win32.Win32.INFINITE;

import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.win32.Kernel32;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wake-up latency percentiles (JMH SampleTime: every op timed): one event round trip to a peer thread
 * that lives for the whole run (SetEvent of the peer's auto-reset event, then WaitForSingleObject on
 * ours until the peer sets it back: two wake-ups), beside the same round trip with park/unpark. The
 * benchmark thread and the peer are platform threads here; {@link Virtual} runs both on virtual threads
 * (JMH's virtual-thread executor).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Benchmark)
public class WakeLatencyBenchmark {
    Win32Bench bench;
    Kernel32 k32;
    long ping;
    long pong;
    volatile boolean stop;
    volatile int turn;
    volatile Thread pinger;
    Thread eventPeer;
    Thread parkPeer;

    ThreadKind kind() {
        return ThreadKind.PLATFORM;
    }

    @Setup(Level.Trial)
    public void setUp() {
        bench = new Win32Bench(kind());
        k32 = bench.k32;
        ping = bench.check(k32.CreateEvent(null, false, false, null), "CreateEvent");
        pong = bench.check(k32.CreateEvent(null, false, false, null), "CreateEvent");
        eventPeer = bench.start(() -> {
            while (k32.WaitForSingleObject(ping, INFINITE) == 0 && !stop) {
                k32.SetEvent(pong);
            }
        });
        parkPeer = bench.start(() -> {
            while (true) {
                while (turn != 1 && !stop) {
                    LockSupport.park(this);
                }
                if (stop) {
                    return;
                }
                turn = 0;
                LockSupport.unpark(pinger);
            }
        });
    }

    @Setup(Level.Iteration)
    public void bindPinger() {
        pinger = Thread.currentThread();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        stop = true;
        k32.SetEvent(ping);
        LockSupport.unpark(parkPeer);
        eventPeer.join();
        parkPeer.join();
        bench.close();
    }

    @Benchmark
    public int event_wake_latency() {
        k32.SetEvent(ping);
        return k32.WaitForSingleObject(pong, INFINITE);
    }

    @Benchmark
    public int baseline_park_wake_latency() {
        turn = 1;
        LockSupport.unpark(parkPeer);
        while (turn != 0) {
            LockSupport.park(this);
        }
        return turn;
    }

    /** The same on virtual threads: the benchmark thread (JMH's virtual executor) and the peers. */
    @Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "-Djmh.executor=VIRTUAL"})
    public static class Virtual extends WakeLatencyBenchmark {
        @Override
        ThreadKind kind() {
            return ThreadKind.VIRTUAL;
        }
    }
}
