package dev.kobj.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import dev.kobj.api.status.NtStatus;
import dev.kobj.core.testplugin.LifecycleModule;
import dev.kobj.core.testplugin.LifecycleModule.Event;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lifecycle listeners contributed by a plugin, process ids given up at the right time, the thread kind option. */
@Timeout(30)
class ProcessLifecycleTest {
    private final Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("lifecycle"));
    private final ProcessService processes = kernel.processes();
    private final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    private final LifecycleModule.LifecycleLog log =
            kernel.service(LifecycleModule.LifecycleLog.class).orElseThrow();

    @AfterEach
    void close() {
        kernel.close();
    }

    /** A thread the kernel creates, blocked until released. */
    private KThread parkedThread(KProcess process, CountDownLatch release) {
        Thread java = processes.newJavaThread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        KThread thread = processes.adoptThread(process, java);
        java.start();
        return thread;
    }

    @Test
    void listenersHearCreationThreadEndsAndExitInOrderWithNoLockHeld() {
        KProcess parent = processes.createProcess("parent.exe", 1);
        KProcess child = processes.createChildProcess(parent, "child.exe", false);
        CountDownLatch release = new CountDownLatch(1);
        KThread first = parkedThread(child, release);
        KThread second = parkedThread(child, release);
        assertTrue(processes.endThread(first, 5));
        assertFalse(processes.endThread(first, 6), "a thread ends once");
        assertTrue(processes.endThread(second, 7)); // the last thread: the child exits with its code
        release.countDown();
        assertEquals(List.of(
                new Event("created", parent.id(), 0, false),
                new Event("created", child.id(), parent.id(), false),
                new Event("ended", first.id(), 5, false),
                new Event("ended", second.id(), 7, false),
                new Event("exited", child.id(), 7, false)), log.events(),
                "the throwing listener stopped nothing");
    }

    @Test
    void endProcessTellsEveryThreadEndThenTheExitOnce() {
        KProcess process = processes.createProcess("p.exe", 1);
        CountDownLatch release = new CountDownLatch(1);
        KThread thread = parkedThread(process, release);
        assertTrue(processes.endProcess(process, 3));
        assertFalse(processes.endProcess(process, 4));
        release.countDown();
        assertEquals(List.of(
                new Event("created", process.id(), 0, false),
                new Event("ended", thread.id(), 3, false),
                new Event("exited", process.id(), 3, false)), log.events());
    }

    @Test
    void anEndedProcessIdIsGivenUpWhenNoHandleRefersToIt() {
        KProcess unreferenced = processes.createProcess("a.exe", 1);
        processes.endProcess(unreferenced, 0);
        assertTrue(processes.process(unreferenced.id()).isEmpty(), "no handle: forgotten at once");

        KProcess holder = processes.createProcess("holder.exe", 1);
        KThread caller = processes.adoptThread(holder, Thread.currentThread());
        KProcess held = processes.createProcess("b.exe", 1);
        long[] handle = new long[1];
        assertEquals(NtStatus.STATUS_SUCCESS,
                objects.insert(holder, (KernelObject) held, 0x1F_FFFF, 0, handle));
        processes.endProcess(held, 9);
        assertSame(held, processes.process(held.id()).orElseThrow(), "OpenProcess still reaches it by id");
        assertEquals(NtStatus.STATUS_SUCCESS, objects.close(caller, handle[0]));
        assertTrue(processes.process(held.id()).isEmpty(), "its last handle closed: forgotten");
        assertTrue(processes.process(holder.id()).isPresent(), "a running process is kept");
    }

    @Test
    void kernelThreadsAreVirtualByDefaultAndPlatformDaemonsOnRequest() {
        assertTrue(processes.newJavaThread(() -> { }).isVirtual());
        try (Kernel platform = Kernels.boot(KernelConfig.defaults().withModules("core")
                .withThreads(KernelConfig.ThreadKind.PLATFORM))) {
            Thread thread = platform.processes().newJavaThread(() -> { });
            assertFalse(thread.isVirtual());
            assertTrue(thread.isDaemon());
            assertEquals(Thread.State.NEW, thread.getState());
        }
    }
}
