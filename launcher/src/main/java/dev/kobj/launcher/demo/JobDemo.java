package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;

/**
 * {@code demo job}: three processes that would wait forever are put in a job, which ends them all
 * at once with one exit code (TerminateJobObject).
 */
final class JobDemo implements Demo {
    static final int CHILDREN = 3;
    static final int EXIT_CODE = 42;

    @Override
    public String name() {
        return "job";
    }

    @Override
    public java.util.List<String> modules() {
        return java.util.List.of("fs", "sync");
    }

    @Override
    public String description() {
        return "a job ends the three processes in it at once";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        system.register("forever.exe", (k32, commandLine) -> {
            long never = k32.CreateEvent(null, true, false, null);
            k32.WaitForSingleObject(never, INFINITE); // only the job's end stops this
            return 0;
        });
        long job = shell.CreateJobObject(null, "kobj-demo-job");
        ProcessInformation[] children = new ProcessInformation[CHILDREN];
        for (int i = 0; i < CHILDREN; i++) {
            children[i] = Demo.start(shell, "forever.exe", false, CREATE_SUSPENDED);
            shell.AssignProcessToJobObject(job, children[i].hProcess);
            shell.ResumeThread(children[i].hThread);
            out.printf("demo:   process %d is in the job%n", children[i].dwProcessId);
        }
        out.printf("demo:   TerminateJobObject(job, %d)%n", EXIT_CODE);
        shell.TerminateJobObject(job, EXIT_CODE);
        int ended = 0;
        for (ProcessInformation child : children) {
            int code = Demo.exitCode(shell, child);
            out.printf("demo:   process %d exited with %d%n", child.dwProcessId, code);
            ended += code == EXIT_CODE ? 1 : 0;
        }
        shell.CloseHandle(job);
        Demo.close(shell, children);
        return ended == CHILDREN ? 0 : 1;
    }
}
