package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;

/**
 * {@code demo events}: a producer and a consumer process that share two auto-reset events by name
 * (the first way to share: a name in the namespace). Each item is handed over in lock step.
 */
final class EventsDemo implements Demo {
    static final int ITEMS = 3;

    @Override
    public String name() {
        return "events";
    }

    @Override
    public java.util.List<String> modules() {
        return java.util.List.of("sync");
    }

    @Override
    public String description() {
        return "producer and consumer processes in lock step over two named events";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        system.register("producer.exe", (k32, commandLine) -> {
            long ready = k32.CreateEvent(null, false, false, "kobj-demo-item-ready");
            long taken = k32.CreateEvent(null, false, false, "kobj-demo-item-taken");
            for (int item = 1; item <= ITEMS; item++) {
                out.printf("producer: item %d is ready%n", item);
                k32.SetEvent(ready);
                if (k32.WaitForSingleObject(taken, 10_000) != WAIT_OBJECT_0) {
                    return 1;
                }
            }
            return 0;
        });
        system.register("consumer.exe", (k32, commandLine) -> {
            long ready = k32.CreateEvent(null, false, false, "kobj-demo-item-ready"); // opens the producer's, or makes it
            long taken = k32.CreateEvent(null, false, false, "kobj-demo-item-taken");
            for (int item = 1; item <= ITEMS; item++) {
                if (k32.WaitForSingleObject(ready, 10_000) != WAIT_OBJECT_0) {
                    return 1;
                }
                out.printf("consumer: took item %d%n", item);
                k32.SetEvent(taken);
            }
            return 0;
        });
        ProcessInformation consumer = Demo.start(shell, "consumer.exe", false, 0);
        ProcessInformation producer = Demo.start(shell, "producer.exe", false, 0);
        int codes = Demo.exitCode(shell, producer) | Demo.exitCode(shell, consumer);
        out.printf("demo:   both exited %s%n", codes == 0 ? "with 0" : "with a failure");
        Demo.close(shell, producer, consumer);
        return codes == 0 ? 0 : 1;
    }
}
