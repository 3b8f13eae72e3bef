package dev.kobj.ipc;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.IoService;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.pipe.NamedPipeCreate;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A kernel with the IPC family, one process, and NT-level helpers for the pipe and mailslot drivers. */
final class PipeFixture implements AutoCloseable {
    static final int GENERIC_READ = 0x8000_0000;
    static final int GENERIC_WRITE = 0x4000_0000;
    static final int SYNCHRONIZE = 0x0010_0000;
    static final int FILE_READ_ATTRIBUTES = 0x80;
    static final int FILE_WRITE_ATTRIBUTES = 0x100;
    static final int SHARE_READ = 1;
    static final int SHARE_WRITE = 2;
    static final int SYNC = CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT;

    final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("ipc"));
    final IoService io = kernel.service(IoService.class).orElseThrow();
    final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    final KProcess process = kernel.processes().createProcess("pipes.exe", 1);
    final KThread me = adopt();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    KThread adopt() {
        return kernel.processes().adoptThread(process, Thread.currentThread());
    }

    /** Runs {@code body} on another platform thread, adopted into the process. */
    <T> Future<T> other(Body<T> body) {
        return pool.submit((Callable<T>) () -> body.run(adopt()));
    }

    @FunctionalInterface
    interface Body<T> {
        T run(KThread self) throws Exception;
    }

    /** A status block that remembers what it was told. */
    static final class Block implements dev.kobj.api.io.IoStatusSink {
        volatile int status = 0x103;
        volatile long information;

        @Override
        public void ioCompleted(int status, long information) {
            this.information = information;
            this.status = status;
        }
    }

    static NamedPipeCreate messagePipe(int instances) {
        return new NamedPipeCreate(true, true, false, instances, 64, 64, 500_000);
    }

    static NamedPipeCreate bytePipe(int instances, int quota) {
        return new NamedPipeCreate(false, false, false, instances, quota, quota, 500_000);
    }

    /** A server create: the status, the handle in {@code handle[0]}, the disposition in {@code info[0]}. */
    int server(String name, NamedPipeCreate create, int share, int disposition, boolean sync, long[] handle,
            long[] info) {
        int access = (share & SHARE_WRITE) != 0 ? GENERIC_READ : 0;
        access |= (share & SHARE_READ) != 0 ? GENERIC_WRITE : 0;
        return io.createFile(me, ObjectAttributes.named("\\Device\\NamedPipe\\" + name, 0x40), access | SYNCHRONIZE,
                share, disposition, sync ? SYNC : 0, 0, create, handle, info);
    }

    long server(String name, NamedPipeCreate create) {
        long[] h = new long[1];
        check(server(name, create, SHARE_READ | SHARE_WRITE, CreateParameters.FILE_OPEN_IF, true, h, null));
        return h[0];
    }

    int client(String name, int access, boolean sync, long[] handle) {
        return io.createFile(me, ObjectAttributes.named("\\??\\pipe\\" + name, 0x40), access | SYNCHRONIZE, 0,
                CreateParameters.FILE_OPEN, sync ? SYNC : 0, 0, null, handle, null);
    }

    long client(String name) {
        long[] h = new long[1];
        check(client(name, GENERIC_READ | GENERIC_WRITE, true, h));
        return h[0];
    }

    int write(KThread t, long file, byte[] data, Block block) {
        return io.write(t, file, 0, null, null, block, data, 0, data.length, dev.kobj.api.io.IoRequest.USE_FILE_POINTER_POSITION);
    }

    int read(KThread t, long file, byte[] buffer, int length, Block block) {
        return io.read(t, file, 0, null, null, block, buffer, 0, length, dev.kobj.api.io.IoRequest.USE_FILE_POINTER_POSITION);
    }

    int fsctl(KThread t, long file, int code, byte[] in, byte[] out, Object argument, Block block) {
        return io.deviceControl(t, file, 0, null, null, block, true, code, in, in == null ? 0 : in.length, out,
                out == null ? 0 : out.length, argument);
    }

    void close(long handle) {
        check(objects.close(me, handle));
    }

    static void check(int status) {
        if (status < 0) {
            throw new AssertionError("status 0x" + Integer.toHexString(status));
        }
    }

    /** Waits until {@code condition} holds (5 s at most). */
    static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(2);
        }
    }

    static boolean parked(Thread thread) {
        return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        kernel.close();
    }
}
