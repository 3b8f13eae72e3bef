package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;

/**
 * {@code demo philosophers}: five philosopher threads, five fork mutexes; each takes both forks with
 * one wait-all (WaitForMultipleObjects, bWaitAll), which acquires both or neither, so no philosopher
 * ever holds one fork while waiting for the other, and the table never deadlocks.
 */
final class PhilosophersDemo implements Demo {
    static final int SEATS = 5;
    static final int MEALS = 20;

    @Override
    public String name() {
        return "philosophers";
    }

    @Override
    public java.util.List<String> modules() {
        return java.util.List.of("sync");
    }

    @Override
    public String description() {
        return "five dining philosophers take both forks with one wait-all: no deadlock";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        system.register("table.exe", (k32, commandLine) -> {
            long[] forks = new long[SEATS];
            for (int i = 0; i < SEATS; i++) {
                forks[i] = k32.CreateMutex(null, false, "kobj-demo-fork-" + i);
            }
            long[] philosophers = new long[SEATS];
            for (int seat = 0; seat < SEATS; seat++) {
                long[] both = {forks[seat], forks[(seat + 1) % SEATS]};
                philosophers[seat] = k32.CreateThread(null, 0, parameter -> {
                    for (int meal = 0; meal < MEALS; meal++) {
                        if (k32.WaitForMultipleObjects(2, both, true, 10_000) != WAIT_OBJECT_0) {
                            return 1;
                        }
                        Thread.yield(); // eat
                        k32.ReleaseMutex(both[0]);
                        k32.ReleaseMutex(both[1]);
                    }
                    return 0;
                }, seat, 0, null);
            }
            int hungry = 0;
            for (int seat = 0; seat < SEATS; seat++) {
                k32.WaitForSingleObject(philosophers[seat], INFINITE);
                int[] code = new int[1];
                k32.GetExitCodeThread(philosophers[seat], code);
                out.printf("table:  philosopher %d ate %d meals%n", seat, code[0] == 0 ? MEALS : -1);
                hungry += code[0] == 0 ? 0 : 1;
            }
            return hungry;
        });
        ProcessInformation table = Demo.start(shell, "table.exe", false, 0);
        int hungry = Demo.exitCode(shell, table);
        out.printf("demo:   %s%n", hungry == 0 ? "everyone ate; nobody deadlocked" : hungry + " went hungry");
        Demo.close(shell, table);
        return hungry == 0 ? 0 : 1;
    }
}
