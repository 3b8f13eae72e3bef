package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.io.IoService;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32System;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * 4 KiB sequential write then read back of the same block, cycling through 1 MiB, on the in-memory C:
 * volume: through the I/O manager ({@code IoService}, explicit offsets), through Kernel32 (WriteFile,
 * SetFilePointer back, ReadFile), and beside them a {@link FileChannel} on the very Jimfs file system the
 * volume serves (positional write and read of a preallocated buffer).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Benchmark)
public class FileBenchmark {
    private static final int BLOCK = 4096;
    private static final long SPAN = 1 << 20;
    private static final int SYNCHRONIZE = 0x0010_0000;
    private static final int FILE_READ_DATA = 0x1;
    private static final int FILE_WRITE_DATA = 0x2;

    Kernel kernel;
    Win32System system;
    Kernel32 k32;
    IoService io;
    KThread caller;
    long ntFile;
    long win32File;
    FileChannel channel;
    final byte[] out = new byte[BLOCK];
    final byte[] in = new byte[BLOCK];
    final ByteBuffer outBuffer = ByteBuffer.wrap(out);
    final ByteBuffer inBuffer = ByteBuffer.wrap(in);
    final int[] transferred = new int[1];
    long ntOffset;
    long channelOffset;
    long win32Offset;

    @Setup
    public void setUp() throws Exception {
        kernel = Kernels.boot(KernelConfig.defaults());
        io = kernel.service(IoService.class).orElseThrow();
        ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
        KProcess process = kernel.processes().createProcess("bench.exe", 1);
        caller = kernel.processes().adoptThread(process, Thread.currentThread());
        long[] handle = new long[1];
        check(io.createFile(caller, ObjectAttributes.named("\\??\\C:\\nt.bin", 0x40),
                FILE_READ_DATA | FILE_WRITE_DATA | SYNCHRONIZE, 0, 5, 0x20, 0, null, handle, null));
        ntFile = handle[0];
        system = Win32.boot(kernel);
        k32 = system.attach("bench32.exe").kernel32();
        win32File = k32.CreateFile("C:\\win32.bin", Win32.GENERIC_READ | Win32.GENERIC_WRITE, 0, null,
                Win32.CREATE_ALWAYS, 0, 0);
        // The volume's own Jimfs, reached through the open's path (the bench alone reaches inside).
        Object open = ((FileObject) objects.lookup(caller, ntFile).object()).context2();
        var pathField = open.getClass().getDeclaredField("path");
        pathField.setAccessible(true);
        FileSystem jimfs = ((Path) pathField.get(open)).getFileSystem();
        channel = FileChannel.open(jimfs.getPath("C:\\channel.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @TearDown
    public void tearDown() throws IOException {
        channel.close();
        system.close();
        kernel.close();
    }

    private static void check(int status) {
        if (status < 0) {
            throw new IllegalStateException("status 0x" + Integer.toHexString(status));
        }
    }

    @Benchmark
    public int ioServiceWriteRead() {
        long at = ntOffset;
        ntOffset = (at + BLOCK) % SPAN;
        check(io.write(caller, ntFile, 0, null, null, null, out, 0, BLOCK, at));
        check(io.read(caller, ntFile, 0, null, null, null, in, 0, BLOCK, at));
        return in[0];
    }

    @Benchmark
    public int kernel32WriteRead() {
        if (win32Offset == SPAN) {
            k32.SetFilePointer(win32File, 0, null, Win32.FILE_BEGIN);
            win32Offset = 0;
        }
        k32.WriteFile(win32File, out, BLOCK, transferred, null);
        k32.SetFilePointer(win32File, -BLOCK, null, Win32.FILE_CURRENT);
        k32.ReadFile(win32File, in, BLOCK, transferred, null);
        win32Offset += BLOCK;
        return transferred[0];
    }

    @Benchmark
    public int fileChannelWriteRead() throws IOException {
        long at = channelOffset;
        channelOffset = (at + BLOCK) % SPAN;
        outBuffer.clear();
        inBuffer.clear();
        channel.write(outBuffer, at);
        return channel.read(inBuffer, at);
    }
}
