package dev.kobj.bench;

import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.win32.Kernel32;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Wine's data-transfer scenarios through Kernel32 between platform threads: {@code pipe_throughput}
 * (an anonymous pipe of 64 KiB, a writer thread streaming 64 KiB WriteFile chunks to the reader; one op
 * is one chunk) beside a {@link java.nio.channels.Pipe} with 64 KiB direct buffers; and
 * {@code mailslot_send_recv} (a writer process sends 64-byte messages, the reader's time per message)
 * beside a bounded queue of 64-byte arrays between two threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Benchmark)
public class PipeBenchmark {
    static final int CHUNKS = 200;
    static final int CHUNK = 64 * 1024;
    static final int MESSAGES = 2_000;

    Win32Bench bench;
    Kernel32 k32;
    long ready;
    long go;
    int slotNumber;

    @Setup
    public void setUp() {
        bench = new Win32Bench(ThreadKind.PLATFORM);
        k32 = bench.k32;
        Programs.registerAll(bench);
        ready = bench.check(k32.CreateEvent(null, false, false, Programs.READY_EVENT), "CreateEvent");
        go = bench.check(k32.CreateEvent(null, true, false, Programs.GO_EVENT), "CreateEvent");
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public void pipe_throughput() throws InterruptedException {
        long[] r = new long[1];
        long[] w = new long[1];
        bench.check(k32.CreatePipe(r, w, null, CHUNK), "CreatePipe");
        Thread writer = bench.start(() -> {
            byte[] data = new byte[CHUNK];
            int[] n = new int[1];
            for (int i = 0; i < CHUNKS; i++) {
                k32.WriteFile(w[0], data, CHUNK, n, null);
            }
        });
        byte[] buffer = new byte[CHUNK];
        int[] n = new int[1];
        for (long got = 0, total = (long) CHUNKS * CHUNK; got < total; got += n[0]) {
            bench.check(k32.ReadFile(r[0], buffer, CHUNK, n, null), "ReadFile");
        }
        writer.join();
        k32.CloseHandle(r[0]);
        k32.CloseHandle(w[0]);
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public void baseline_nio_pipe_throughput() throws Exception {
        Pipe p = Pipe.open();
        Thread writer = Thread.ofPlatform().start(() -> {
            ByteBuffer data = ByteBuffer.allocateDirect(CHUNK);
            try {
                for (int i = 0; i < CHUNKS; i++) {
                    data.clear();
                    while (data.hasRemaining()) {
                        p.sink().write(data);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        for (long got = 0, total = (long) CHUNKS * CHUNK; got < total; ) {
            buffer.clear();
            got += p.source().read(buffer);
        }
        writer.join();
        p.sink().close();
        p.source().close();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void mailslot_send_recv() {
        String name = "\\\\.\\mailslot\\wbench_" + slotNumber++;
        long slot = bench.check(k32.CreateMailslot(name, 0, dev.kobj.win32.Win32.MAILSLOT_WAIT_FOREVER, null),
                "CreateMailslot");
        k32.ResetEvent(go);
        long child = Programs.spawn(k32, Programs.SLOT_WRITER + " " + name + " " + MESSAGES);
        bench.check(k32.WaitForSingleObject(ready, 60_000) == 0, "WaitForSingleObject(ready)");
        k32.SetEvent(go);
        byte[] buffer = new byte[512];
        int[] n = new int[1];
        for (int i = 0; i < MESSAGES; i++) {
            bench.check(k32.ReadFile(slot, buffer, buffer.length, n, null) && n[0] == Programs.MESSAGE,
                    "ReadFile(mailslot)");
        }
        Programs.join(k32, child);
        k32.CloseHandle(slot);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void baseline_queue_messages() throws InterruptedException {
        BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(64);
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                try {
                    queue.put(new byte[Programs.MESSAGE]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        for (int i = 0; i < MESSAGES; i++) {
            queue.take();
        }
        writer.join();
    }
}
