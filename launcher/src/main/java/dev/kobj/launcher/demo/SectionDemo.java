package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.MappedView;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;
import java.lang.foreign.ValueLayout;

/**
 * {@code demo section}: worker processes each add to a counter in a named section, under a named
 * mutex; no increment is lost, so the total is exact.
 */
final class SectionDemo implements Demo {
    static final int WORKERS = 3;
    static final int INCREMENTS = 1000;

    @Override
    public String name() {
        return "section";
    }

    @Override
    public java.util.List<String> modules() {
        return java.util.List.of("ipc", "sync");
    }

    @Override
    public String description() {
        return "worker processes add to a counter in a named section under a named mutex";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        system.register("worker.exe", (k32, commandLine) -> {
            long section = k32.OpenFileMapping(FILE_MAP_ALL_ACCESS, false, "kobj-demo-counter");
            long mutex = k32.OpenMutex(SYNCHRONIZE | MUTANT_QUERY_STATE, false, "kobj-demo-counter-lock");
            if (section == 0 || mutex == 0) {
                return k32.GetLastError();
            }
            MappedView view = k32.MapViewOfFile(section, FILE_MAP_ALL_ACCESS, 0, 0, 8);
            for (int i = 0; i < INCREMENTS; i++) {
                k32.WaitForSingleObject(mutex, INFINITE);
                long value = view.segment().get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
                Thread.yield(); // invite a race the mutex must prevent
                view.segment().set(ValueLayout.JAVA_LONG_UNALIGNED, 0, value + 1);
                k32.ReleaseMutex(mutex);
            }
            k32.UnmapViewOfFile(view.address());
            return 0;
        });
        long section = shell.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "kobj-demo-counter");
        long mutex = shell.CreateMutex(null, false, "kobj-demo-counter-lock");
        ProcessInformation[] workers = new ProcessInformation[WORKERS];
        for (int i = 0; i < WORKERS; i++) {
            workers[i] = Demo.start(shell, "worker.exe", false, 0);
        }
        int failures = 0;
        for (ProcessInformation worker : workers) {
            failures += Demo.exitCode(shell, worker) == 0 ? 0 : 1;
        }
        MappedView view = shell.MapViewOfFile(section, FILE_MAP_READ, 0, 0, 8);
        long total = view.segment().get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
        out.printf("demo:   %d workers x %d increments under the mutex: the counter is %d%n", WORKERS, INCREMENTS,
                total);
        shell.UnmapViewOfFile(view.address());
        shell.CloseHandle(mutex);
        shell.CloseHandle(section);
        Demo.close(shell, workers);
        return failures == 0 && total == (long) WORKERS * INCREMENTS ? 0 : 1;
    }
}
