package dev.kobj.bench;

import static dev.kobj.win32.Win32.INFINITE;
import static dev.kobj.win32.Win32.INVALID_HANDLE_VALUE;

import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.api.io.CompletionPacket;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Overlapped;
import java.util.concurrent.LinkedBlockingQueue;
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
 * Wine's {@code completion_port_post_get} through Kernel32 on one thread: PostQueuedCompletionStatus
 * then GetQueuedCompletionStatus (key 42, no OVERLAPPED), beside LinkedBlockingQueue offer + poll of a
 * packet-sized record. With {@code -prof gc}: the packet is the one object a post must create.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class CompletionPortBenchmark {
    Win32Bench bench;
    Kernel32 k32;
    long port;
    final int[] bytes = new int[1];
    final long[] key = new long[1];
    final Overlapped[] overlapped = new Overlapped[1];
    final LinkedBlockingQueue<CompletionPacket> queue = new LinkedBlockingQueue<>();

    @Setup
    public void setUp() {
        bench = new Win32Bench(ThreadKind.PLATFORM);
        k32 = bench.k32;
        port = bench.check(k32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 1), "CreateIoCompletionPort");
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public long completion_port_post_get() {
        k32.PostQueuedCompletionStatus(port, 1, 42, null);
        k32.GetQueuedCompletionStatus(port, bytes, key, overlapped, INFINITE);
        return key[0];
    }

    @Benchmark
    public CompletionPacket baseline_queue_offer_poll() {
        queue.offer(new CompletionPacket(42, null, 0, 0, 1));
        return queue.poll();
    }
}
