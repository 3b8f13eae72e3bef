package dev.kobj.bench;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32System;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
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
 * Pipes between two platform threads through Kernel32, beside {@link java.nio.channels.Pipe} and an
 * event ping-pong in the same run: a 64-byte round trip through a pair of anonymous pipes, through one
 * message-mode duplex named pipe, through a pair of NIO pipes, and a SetEvent/WaitForSingleObject round
 * trip; 64 KiB writes streamed one way (kobj anonymous pipe vs NIO pipe); and a write then a read on one
 * thread (the CPU cost without a hand-off). One op is one round trip, one 64 KiB chunk, or one write+read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Benchmark)
public class PipeBenchmark {
    static final int ROUNDS = 2_000;
    static final int CHUNKS = 200;
    static final int MESSAGE = 64;
    static final int CHUNK = 64 * 1024;

    Win32System system;
    Kernel32 k32;

    @Setup
    public void setUp() {
        system = Win32.boot();
        k32 = system.attach("bench.exe").kernel32();
    }

    @TearDown
    public void tearDown() {
        system.close();
    }

    private static Thread start(Runnable body) {
        return Thread.ofPlatform().start(body);
    }

    private long[] pipe(int size) {
        long[] r = new long[1];
        long[] w = new long[1];
        if (!k32.CreatePipe(r, w, null, size)) {
            throw new IllegalStateException("CreatePipe failed with " + k32.GetLastError());
        }
        return new long[] {r[0], w[0]};
    }

    private void close(long... handles) {
        for (long h : handles) {
            k32.CloseHandle(h);
        }
    }

    /** Reads exactly {@code length} bytes (a byte pipe may return less per call). */
    private void readFully(long h, byte[] buffer, int length, int[] n) {
        for (int got = 0; got < length; got += n[0]) {
            if (!k32.ReadFile(h, buffer, length - got, n, null)) {
                throw new IllegalStateException("ReadFile failed with " + k32.GetLastError());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void anonymousPipePingPong() throws InterruptedException {
        long[] there = pipe(0);
        long[] back = pipe(0);
        Thread a = start(() -> {
            byte[] buffer = new byte[MESSAGE];
            int[] n = new int[1];
            for (int i = 0; i < ROUNDS; i++) {
                k32.WriteFile(there[1], buffer, MESSAGE, n, null);
                readFully(back[0], buffer, MESSAGE, n);
            }
        });
        Thread b = start(() -> {
            byte[] buffer = new byte[MESSAGE];
            int[] n = new int[1];
            for (int i = 0; i < ROUNDS; i++) {
                readFully(there[0], buffer, MESSAGE, n);
                k32.WriteFile(back[1], buffer, MESSAGE, n, null);
            }
        });
        a.join();
        b.join();
        close(there[0], there[1], back[0], back[1]);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void messageNamedPipePingPong() throws InterruptedException {
        String name = "\\\\.\\pipe\\bench-" + System.nanoTime();
        long server = k32.CreateNamedPipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1,
                4096, 4096, 0, null);
        long client = k32.CreateFile(name, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING, 0, 0);
        k32.SetNamedPipeHandleState(client, new int[] {PIPE_READMODE_MESSAGE}, null, null);
        Thread a = start(() -> {
            byte[] buffer = new byte[MESSAGE];
            int[] n = new int[1];
            for (int i = 0; i < ROUNDS; i++) {
                k32.WriteFile(client, buffer, MESSAGE, n, null);
                k32.ReadFile(client, buffer, MESSAGE, n, null);
            }
        });
        Thread b = start(() -> {
            byte[] buffer = new byte[MESSAGE];
            int[] n = new int[1];
            for (int i = 0; i < ROUNDS; i++) {
                k32.ReadFile(server, buffer, MESSAGE, n, null);
                k32.WriteFile(server, buffer, MESSAGE, n, null);
            }
        });
        a.join();
        b.join();
        close(client, server);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void eventPingPong() throws InterruptedException {
        long ping = k32.CreateEvent(null, false, false, null);
        long pong = k32.CreateEvent(null, false, false, null);
        Thread a = start(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                k32.SetEvent(ping);
                k32.WaitForSingleObject(pong, INFINITE);
            }
        });
        Thread b = start(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                k32.WaitForSingleObject(ping, INFINITE);
                k32.SetEvent(pong);
            }
        });
        a.join();
        b.join();
        close(ping, pong);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void baselineNioPipePingPong() throws Exception {
        Pipe there = Pipe.open();
        Pipe back = Pipe.open();
        Thread a = start(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(MESSAGE);
            for (int i = 0; i < ROUNDS; i++) {
                write(there.sink(), buffer);
                read(back.source(), buffer);
            }
        });
        Thread b = start(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(MESSAGE);
            for (int i = 0; i < ROUNDS; i++) {
                read(there.source(), buffer);
                write(back.sink(), buffer);
            }
        });
        a.join();
        b.join();
        closeNio(there, back);
    }

    /** One thread writes 64 bytes and reads them back: the CPU cost of a write and a read, no hand-off. */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void anonymousPipeWriteThenRead() {
        long[] p = pipe(0);
        byte[] buffer = new byte[MESSAGE];
        int[] n = new int[1];
        for (int i = 0; i < ROUNDS; i++) {
            k32.WriteFile(p[1], buffer, MESSAGE, n, null);
            k32.ReadFile(p[0], buffer, MESSAGE, n, null);
        }
        close(p[0], p[1]);
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public void anonymousPipeStream64k() throws InterruptedException {
        long[] p = pipe(CHUNK);
        Thread reader = start(() -> {
            byte[] buffer = new byte[CHUNK];
            int[] n = new int[1];
            for (int i = 0; i < CHUNKS; i++) {
                readFully(p[0], buffer, CHUNK, n);
            }
        });
        byte[] data = new byte[CHUNK];
        int[] n = new int[1];
        for (int i = 0; i < CHUNKS; i++) {
            k32.WriteFile(p[1], data, CHUNK, n, null);
        }
        reader.join();
        close(p[0], p[1]);
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public void baselineNioPipeStream64k() throws Exception {
        Pipe p = Pipe.open();
        Thread reader = start(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            for (int i = 0; i < CHUNKS; i++) {
                read(p.source(), buffer);
            }
        });
        ByteBuffer data = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < CHUNKS; i++) {
            write(p.sink(), data);
        }
        reader.join();
        closeNio(p);
    }

    private static void write(Pipe.SinkChannel sink, ByteBuffer buffer) {
        buffer.clear();
        try {
            while (buffer.hasRemaining()) {
                sink.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Pipe.SourceChannel source, ByteBuffer buffer) {
        buffer.clear();
        try {
            while (buffer.hasRemaining()) {
                source.read(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeNio(Pipe... pipes) throws IOException {
        for (Pipe p : pipes) {
            p.sink().close();
            p.source().close();
        }
    }
}
