package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.INFINITE;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code demo deadlock}: leaves a process whose two threads each own one named mutex and wait for the
 * other's, for the {@code deadlocks} command to find; {@code kill PID} ends it (and abandons both).
 */
final class DeadlockDemo implements Demo {
    @Override
    public String name() {
        return "deadlock";
    }

    @Override
    public List<String> modules() {
        return List.of("sync");
    }

    @Override
    public String description() {
        return "leaves two threads deadlocked on two mutexes, for deadlocks to find and kill to end";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        system.register("stuck.exe", (k32, commandLine) -> {
            long ready = k32.CreateEvent(null, true, false, null);
            long second = k32.CreateThread(null, 0, parameter -> {
                k32.CreateMutex(null, true, "kobj-demo-right");
                k32.WaitForSingleObject(ready, INFINITE);
                k32.WaitForSingleObject(k32.CreateMutex(null, false, "kobj-demo-left"), INFINITE);
                return 0;
            }, 0, 0, null);
            k32.CreateMutex(null, true, "kobj-demo-left");
            while (k32.OpenMutex(0x00100000, false, "kobj-demo-right") == 0) {
                k32.Sleep(1); // until the second thread owns its mutex
            }
            k32.SetEvent(ready);
            k32.WaitForSingleObject(k32.OpenMutex(0x00100000, false, "kobj-demo-right"), INFINITE);
            k32.WaitForSingleObject(second, INFINITE);
            return 0;
        });
        ProcessInformation stuck = Demo.start(shell, "stuck.exe", false, 0);
        shell.WaitForSingleObject(stuck.hProcess, 200); // time for both waits to begin (it never ends by itself)
        out.printf("demo:   stuck.exe is process %d: two threads, two mutexes, each waiting for the other's.%n",
                stuck.dwProcessId);
        out.printf("demo:   see it with: deadlocks; end it with: kill %d%n", stuck.dwProcessId);
        Demo.close(shell, stuck);
        return 0;
    }
}
