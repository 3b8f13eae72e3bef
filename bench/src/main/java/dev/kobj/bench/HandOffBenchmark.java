package dev.kobj.bench;

import static dev.kobj.win32.Win32.*;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.port.PortMessage;
import dev.kobj.api.port.PortService;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.win32.Kernel32;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wine's hand-offs between threads and processes through Kernel32, on platform or virtual threads,
 * beside the JDK's floor: an event ping-pong (each side sets the other's auto-reset event and waits on
 * its own) against a LockSupport park/unpark ping-pong; the same with the pong side in a child process
 * (named events); a mutex taken and released by two threads at once against a non-fair ReentrantLock;
 * a 64-byte message round trip over a message-mode named pipe to an echo server process; and an LPC
 * request/reply. One op is one round trip, or one acquire/release pair for the mutex (Wine: wall time /
 * total pairs). Each invocation starts its threads (or child process) and runs {@link #ROUNDS} round
 * trips, so start-up and a thread's adoption on its first call are amortised over them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Benchmark)
public class HandOffBenchmark {
    static final int ROUNDS = 2_000;

    @Param({"platform", "virtual"})
    public String threads;

    Win32Bench bench;
    Kernel32 k32;
    long ping;
    long pong;
    long mutex;
    long ready;
    int pipeNumber;
    int portNumber;

    @Setup
    public void setUp() {
        bench = new Win32Bench(threads);
        k32 = bench.k32;
        Programs.registerAll(bench);
        ping = bench.check(k32.CreateEvent(null, false, false, Programs.PING_EVENT), "CreateEvent");
        pong = bench.check(k32.CreateEvent(null, false, false, Programs.PONG_EVENT), "CreateEvent");
        mutex = bench.check(k32.CreateMutex(null, false, null), "CreateMutex");
        ready = bench.check(k32.CreateEvent(null, false, false, Programs.READY_EVENT), "CreateEvent");
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    private void pingLoop() {
        for (int i = 0; i < ROUNDS; i++) {
            k32.SetEvent(ping);
            k32.WaitForSingleObject(pong, INFINITE);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void event_pingpong_threads() throws InterruptedException {
        Thread a = bench.start(this::pingLoop);
        Thread b = bench.start(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                k32.WaitForSingleObject(ping, INFINITE);
                k32.SetEvent(pong);
            }
        });
        a.join();
        b.join();
    }

    /** The same round trips with SignalObjectAndWait: each side sets the other's event and waits in one call. */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void signal_and_wait_pingpong_threads() throws InterruptedException {
        Thread a = bench.start(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                k32.SignalObjectAndWait(ping, pong, INFINITE, false);
            }
        });
        Thread b = bench.start(() -> {
            k32.WaitForSingleObject(ping, INFINITE);
            for (int i = 1; i < ROUNDS; i++) {
                k32.SignalObjectAndWait(pong, ping, INFINITE, false);
            }
            k32.SetEvent(pong);
        });
        a.join();
        b.join();
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void event_pingpong_processes() throws InterruptedException {
        long child = Programs.spawn(k32, Programs.PONG + " " + ROUNDS);
        bench.start(this::pingLoop).join();
        Programs.join(k32, child);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void baseline_park_pingpong() throws InterruptedException {
        final class Turn {
            volatile int value;
        }
        Turn turn = new Turn();
        Thread[] sides = new Thread[2];
        sides[0] = unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                turn.value = 1;
                LockSupport.unpark(sides[1]);
                while (turn.value != 0) {
                    LockSupport.park(turn);
                }
            }
        });
        sides[1] = unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                while (turn.value != 1) {
                    LockSupport.park(turn);
                }
                turn.value = 0;
                LockSupport.unpark(sides[0]);
            }
        });
        sides[0].start(); // both references are set before either side runs: no unpark is lost to a null
        sides[1].start();
        sides[0].join();
        sides[1].join();
    }

    private Thread unstarted(Runnable body) {
        return threads.equals("virtual") ? Thread.ofVirtual().unstarted(body) : Thread.ofPlatform().unstarted(body);
    }

    /**
     * Both threads start at a gate, as in bench.c, so that they contend from the first pair: without it
     * one thread could finish its pairs before the other has started.
     */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public void mutex_contended_2threads() throws InterruptedException {
        Runnable side = () -> {
            for (int i = 0; i < ROUNDS; i++) {
                k32.WaitForSingleObject(mutex, INFINITE);
                k32.ReleaseMutex(mutex);
            }
        };
        contend(side);
    }

    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public void baseline_lock_contended_2threads() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Runnable side = () -> {
            for (int i = 0; i < ROUNDS; i++) {
                lock.lock();
                lock.unlock();
            }
        };
        contend(side);
    }

    /** Runs {@code side} on two threads released together, once both have started. */
    private void contend(Runnable side) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        Runnable gated = () -> {
            ready.countDown();
            awaitQuietly(go);
            side.run();
        };
        Thread a = bench.start(gated);
        Thread b = bench.start(gated);
        ready.await();
        go.countDown();
        a.join();
        b.join();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void named_pipe_msg_roundtrip_processes() throws InterruptedException {
        String name = "\\\\.\\pipe\\wbench_" + pipeNumber++;
        long child = Programs.spawn(k32, Programs.ECHO + " " + name);
        Thread client = bench.start(() -> {
            if (k32.WaitForSingleObject(ready, 60_000) != WAIT_OBJECT_0) {
                throw new IllegalStateException("the echo server did not start");
            }
            long pipe = bench.check(k32.CreateFile(name, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING, 0, 0),
                    "CreateFile(pipe)");
            bench.check(k32.SetNamedPipeHandleState(pipe, new int[] {PIPE_READMODE_MESSAGE}, null, null),
                    "SetNamedPipeHandleState");
            byte[] message = new byte[Programs.MESSAGE];
            byte[] reply = new byte[Programs.MESSAGE];
            int[] n = new int[1];
            for (int i = 0; i < ROUNDS; i++) {
                k32.WriteFile(pipe, message, Programs.MESSAGE, n, null);
                k32.ReadFile(pipe, reply, Programs.MESSAGE, n, null);
            }
            k32.CloseHandle(pipe); // the echo server sees a broken pipe and exits
        });
        client.join();
        Programs.join(k32, child);
    }

    /** An LPC request with a 16-byte payload and its reply, on the kernel's port service (no Win32 call). */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void nt_lpc_request_reply() throws InterruptedException {
        PortService ports = bench.kernel.service(PortService.class).orElseThrow();
        ObjectManager objects = bench.kernel.service(ObjectManager.class).orElseThrow();
        KProcess process = bench.kernelProcess();
        KThread creator = bench.kernel.processes().adoptThread(process, Thread.currentThread());
        String name = "\\BaseNamedObjects\\bench-lpc-" + portNumber++;
        long[] port = new long[1];
        Win32Bench.checkStatus(ports.createPort(creator, ObjectAttributes.named(name, 0), 0, 0, port));
        Thread server = bench.start(() -> {
            KThread self = bench.kernel.processes().adoptThread(process, Thread.currentThread());
            PortMessage[] message = new PortMessage[1];
            ports.listenPort(self, port[0], message);
            long[] comm = new long[1];
            ports.acceptConnectPort(self, 0, message[0], true, null, comm);
            ports.completeConnectPort(self, comm[0]);
            PortMessage reply = null;
            for (int i = 0; i < ROUNDS; i++) {
                ports.replyWaitReceivePort(self, port[0], null, reply, message);
                reply = new PortMessage(0, message[0].messageId(), 0, 0, message[0].data());
            }
            ports.replyPort(self, port[0], reply);
            objects.close(self, comm[0]);
            bench.kernel.processes().endThread(self, 0);
        });
        Thread client = bench.start(() -> {
            KThread self = bench.kernel.processes().adoptThread(process, Thread.currentThread());
            long[] comm = new long[1];
            ports.connectPort(self, name, null, null, null, null, null, comm);
            PortMessage request = PortMessage.of(new byte[16]);
            PortMessage[] reply = new PortMessage[1];
            for (int i = 0; i < ROUNDS; i++) {
                ports.requestWaitReplyPort(self, comm[0], request, reply);
            }
            objects.close(self, comm[0]);
            bench.kernel.processes().endThread(self, 0);
        });
        server.join();
        client.join();
        objects.close(creator, port[0]);
        bench.kernel.processes().endThread(creator, 0);
    }
}
