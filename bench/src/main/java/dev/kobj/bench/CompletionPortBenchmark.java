package dev.kobj.bench;

import dev.kobj.api.io.CompletionPacket;
import dev.kobj.api.io.IoService;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;
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
 * A completion port's post + remove on one thread (NtSetIoCompletion then NtRemoveIoCompletion through
 * the handle) beside LinkedBlockingQueue offer + poll of a packet-sized record. Issue 8 asks for at most
 * 1.5× the baseline and nothing allocated beyond the packet: run with {@code -prof gc} and compare
 * gc.alloc.rate.norm (the packet is 40 bytes; the queue's node is its baseline's counterpart).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class CompletionPortBenchmark {
    BenchKernel k;
    IoService io;
    KThread caller;
    long port;
    final CompletionPacket[] out = new CompletionPacket[1];
    final int[] removed = new int[1];
    final Object context = new Object();
    final LinkedBlockingQueue<CompletionPacket> queue = new LinkedBlockingQueue<>();
    long key;

    @Setup
    public void setUp() {
        k = new BenchKernel();
        io = k.kernel.service(IoService.class).orElseThrow();
        caller = k.adopt();
        long[] h = new long[1];
        BenchKernel.check(io.createIoCompletion(caller, ObjectAttributes.NONE, IoService.IO_COMPLETION_ALL_ACCESS, 1, h));
        port = h[0];
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    @Benchmark
    public CompletionPacket portPostAndRemove() {
        io.setIoCompletion(caller, port, ++key, context, 0, 0, 64);
        io.removeIoCompletion(caller, port, out, 1, removed, 0, false);
        return out[0];
    }

    @Benchmark
    public CompletionPacket baselineQueueOfferAndPoll() {
        queue.offer(new CompletionPacket(++key, context, 0, 0, 64));
        return queue.poll();
    }
}
