package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.INFINITE;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;
import java.util.List;

/**
 * A small Windows-style program that shows one mechanism. It registers the programs it starts in
 * {@code system} and drives them from {@code shell}, the calling thread's process (the launcher's
 * console), closing every handle it opened there before it returns.
 */
public interface Demo {
    /** Every demo, by name. */
    List<Demo> ALL = List.of(new EventsDemo(), new PipeDemo(), new DuplicateDemo(), new SectionDemo(),
            new JobDemo(), new PhilosophersDemo(), new LpcDemo(), new DeadlockDemo());

    String name();

    String description();

    /** The plugin modules (by id) whose families the demo uses. */
    List<String> modules();

    /** Runs the demo; its exit code (0 when it showed what it meant to). */
    int run(Win32System system, Kernel32 shell, PrintWriter out);

    /** Starts {@code image} (registered first), with {@code image} and {@code arguments} as its command line. */
    static ProcessInformation start(Kernel32 k32, String image, boolean inheritHandles, int flags, String... arguments) {
        ProcessInformation pi = new ProcessInformation();
        String commandLine = arguments.length == 0 ? image : image + " " + String.join(" ", arguments);
        if (!k32.CreateProcess(image, commandLine, null, null, inheritHandles, flags, null, null, null, pi)) {
            throw new Failure("CreateProcess " + image, k32.GetLastError());
        }
        return pi;
    }

    /** A Win32 call a demo needs failed (e.g. CreateProcess past the kernel's process limit). */
    final class Failure extends RuntimeException {
        private final int error;

        public Failure(String call, int error) {
            super(call, null, false, false);
            this.error = error;
        }

        /** The call's Win32 error (GetLastError). */
        public int error() {
            return error;
        }
    }

    /** Waits for a process to end and returns its exit code. */
    static int exitCode(Kernel32 k32, ProcessInformation pi) {
        k32.WaitForSingleObject(pi.hProcess, INFINITE);
        int[] code = new int[1];
        k32.GetExitCodeProcess(pi.hProcess, code);
        return code[0];
    }

    /** Closes the process and thread handles CreateProcess gave. */
    static void close(Kernel32 k32, ProcessInformation... processes) {
        for (ProcessInformation pi : processes) {
            k32.CloseHandle(pi.hProcess);
            k32.CloseHandle(pi.hThread);
        }
    }

    /** The words of a command line after the image name. */
    static String[] arguments(String commandLine) {
        String[] words = commandLine.strip().split("\\s+");
        return java.util.Arrays.copyOfRange(words, 1, words.length);
    }
}
