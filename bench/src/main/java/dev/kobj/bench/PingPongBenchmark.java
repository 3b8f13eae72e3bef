package dev.kobj.bench;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.port.PortMessage;
import dev.kobj.api.process.KThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * Hand-offs between two threads, platform or virtual: an event ping-pong (each side sets the other's
 * auto-reset event and waits on its own) beside a LockSupport park/unpark ping-pong, and a contended
 * mutant passed back and forth, and an LPC request/reply between a client and a server thread. One op is
 * one round trip (two hand-offs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Benchmark)
public class PingPongBenchmark {
    static final int ROUNDS = 2_000;

    @Param({"platform", "virtual"})
    public String threads;

    BenchKernel k;

    @Setup
    public void setUp() {
        k = new BenchKernel();
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    private Thread start(Runnable body) {
        Thread thread = unstarted(body);
        thread.start();
        return thread;
    }

    private Thread unstarted(Runnable body) {
        return threads.equals("virtual") ? Thread.ofVirtual().unstarted(body) : Thread.ofPlatform().unstarted(body);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void eventPingPong() throws InterruptedException {
        KThread creator = k.adopt();
        long ping = k.event(creator, false, false);
        long pong = k.event(creator, false, false);
        Thread a = start(() -> {
            KThread self = k.adopt();
            for (int i = 0; i < ROUNDS; i++) {
                k.sync.setEvent(self, ping, null);
                k.waits.waitForSingleObject(self, pong, false, WaitService.INFINITE);
            }
        });
        Thread b = start(() -> {
            KThread self = k.adopt();
            for (int i = 0; i < ROUNDS; i++) {
                k.waits.waitForSingleObject(self, ping, false, WaitService.INFINITE);
                k.sync.setEvent(self, pong, null);
            }
        });
        a.join();
        b.join();
        k.objects.close(creator, ping);
        k.objects.close(creator, pong);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void baselineParkUnparkPingPong() throws InterruptedException {
        final class Flag {
            volatile int value;
        }
        Flag flag = new Flag();
        Thread[] sides = new Thread[2];
        sides[0] = unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                flag.value = 1;
                LockSupport.unpark(sides[1]);
                while (flag.value != 0) {
                    LockSupport.park(flag);
                }
            }
        });
        sides[1] = unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                while (flag.value != 1) {
                    LockSupport.park(flag);
                }
                flag.value = 0;
                LockSupport.unpark(sides[0]);
            }
        });
        sides[0].start(); // both references are set before either side runs: no unpark is lost to a null
        sides[1].start();
        sides[0].join();
        sides[1].join();
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void contendedMutantHandOff() throws InterruptedException {
        KThread creator = k.adopt();
        long mutex = k.mutex(creator);
        Runnable side = () -> {
            KThread self = k.adopt();
            for (int i = 0; i < ROUNDS; i++) {
                k.waits.waitForSingleObject(self, mutex, false, WaitService.INFINITE);
                k.sync.releaseMutant(self, mutex, null);
            }
        };
        Thread a = start(side);
        Thread b = start(side);
        a.join();
        b.join();
        k.objects.close(creator, mutex);
    }

    private int portNumber;

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void lpcRequestReply() throws InterruptedException {
        KThread creator = k.adopt();
        long[] port = new long[1];
        k.ports.createPort(creator, ObjectAttributes.named("\\BaseNamedObjects\\bench-lpc-" + portNumber++, 0), 0,
                0, port);
        String name = "\\BaseNamedObjects\\bench-lpc-" + (portNumber - 1);
        Thread server = start(() -> {
            KThread self = k.adopt();
            PortMessage[] message = new PortMessage[1];
            k.ports.listenPort(self, port[0], message);
            long[] comm = new long[1];
            k.ports.acceptConnectPort(self, 0, message[0], true, null, comm);
            k.ports.completeConnectPort(self, comm[0]);
            PortMessage reply = null;
            for (int i = 0; i < ROUNDS; i++) {
                k.ports.replyWaitReceivePort(self, port[0], null, reply, message);
                reply = new PortMessage(0, message[0].messageId(), 0, 0, message[0].data());
            }
            k.ports.replyPort(self, port[0], reply);
            k.objects.close(self, comm[0]);
        });
        Thread client = start(() -> {
            KThread self = k.adopt();
            long[] comm = new long[1];
            k.ports.connectPort(self, name, null, null, null, null, null, comm);
            PortMessage request = PortMessage.of(new byte[16]);
            PortMessage[] reply = new PortMessage[1];
            for (int i = 0; i < ROUNDS; i++) {
                k.ports.requestWaitReplyPort(self, comm[0], request, reply);
            }
            k.objects.close(self, comm[0]);
        });
        server.join();
        client.join();
        k.objects.close(creator, port[0]);
    }
}
