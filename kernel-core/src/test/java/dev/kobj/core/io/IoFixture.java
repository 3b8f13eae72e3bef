package dev.kobj.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.IoService;
import dev.kobj.api.io.IoStatusSink;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;
import dev.kobj.core.testplugin.TestDriver;
import dev.kobj.core.testplugin.TestDriverModule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/** A kernel with the test driver, a caller in a fresh process, and helpers for threads of that process. */
final class IoFixture implements AutoCloseable {
    static final int GENERIC_READ = 0x8000_0000;
    static final int GENERIC_WRITE = 0x4000_0000;
    static final int SYNCHRONIZE = 0x0010_0000;
    static final int SYNC_NONALERT = 0x20;

    final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("counter"));
    final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    final IoService io = kernel.service(IoService.class).orElseThrow();
    final WaitService waits = kernel.service(WaitService.class).orElseThrow();
    final TestDriver driver = kernel.service(TestDriverModule.TestDriverControl.class).orElseThrow().driver();
    final KProcess process = kernel.processes().createProcess("io.exe", 1);
    final KThread caller = kernel.processes().adoptThread(process, Thread.currentThread());
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** Opens {@code \??\KobjTest\<name>}: synchronous (FILE_SYNCHRONOUS_IO_NONALERT) or overlapped. */
    long open(String name, boolean synchronous) {
        return open(caller, name, synchronous, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE);
    }

    long open(KThread who, String name, boolean synchronous, int access) {
        long[] handle = new long[1];
        int status = io.createFile(who, ObjectAttributes.named("\\??\\KobjTest\\" + name, 0x40), access, 3, 1,
                synchronous ? SYNC_NONALERT : 0, 0, null, handle, null);
        assertEquals(NtStatus.STATUS_SUCCESS, status, NtStatus.name(status));
        return handle[0];
    }

    /** A kernel thread of the fixture's process on a new virtual thread, running {@code body}. */
    Running start(ToIntFunction<KThread> body) {
        CompletableFuture<KThread> thread = new CompletableFuture<>();
        Future<Integer> result = threads.submit(() -> {
            KThread self = kernel.processes().adoptThread(process, Thread.currentThread());
            thread.complete(self);
            return body.applyAsInt(self);
        });
        return new Running(thread.join(), result);
    }

    record Running(KThread thread, Future<Integer> result) {
        int await() throws Exception {
            return result.get(10, TimeUnit.SECONDS);
        }
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met in 10 s");
            }
            Thread.sleep(2);
        }
    }

    /** A status block: what a completion reported, and how many times. */
    static final class Block implements IoStatusSink {
        volatile int status = -1;
        volatile long information = -1;
        volatile int reports;

        @Override
        public void ioCompleted(int status, long information) {
            this.status = status;
            this.information = information;
            reports++;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        kernel.close();
    }
}
