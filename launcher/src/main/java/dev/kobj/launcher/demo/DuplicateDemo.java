package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code demo duplicate}: the parent puts a handle to its unnamed event into a suspended child with
 * DuplicateHandle (the third way to share: duplication into another process), then resumes it; the
 * child signals the event through its own handle value.
 */
final class DuplicateDemo implements Demo {
    @Override
    public String name() {
        return "duplicate";
    }

    @Override
    public java.util.List<String> modules() {
        return java.util.List.of("sync");
    }

    @Override
    public String description() {
        return "DuplicateHandle puts an unnamed event into a child, which signals it";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        AtomicLong given = new AtomicLong(); // how the parent tells the suspended child its value, like a message would
        system.register("signaller.exe", (k32, commandLine) -> {
            long event = given.get();
            out.printf("child:  my handle 0x%x is the parent's event; setting it%n", event);
            return k32.SetEvent(event) ? 0 : k32.GetLastError();
        });
        long event = shell.CreateEvent(null, true, false, null);
        ProcessInformation child = Demo.start(shell, "signaller.exe", false, CREATE_SUSPENDED);
        long[] inChild = new long[1];
        if (!shell.DuplicateHandle(shell.GetCurrentProcess(), event, child.hProcess, inChild, 0, false,
                DUPLICATE_SAME_ACCESS)) {
            out.printf("demo: DuplicateHandle failed with error %d%n", shell.GetLastError());
            return 1;
        }
        given.set(inChild[0]);
        out.printf("parent: event 0x%x here is 0x%x in process %d%n", event, inChild[0], child.dwProcessId);
        shell.ResumeThread(child.hThread);
        int wait = shell.WaitForSingleObject(event, 10_000);
        out.printf("parent: %s; the child exited with %d%n",
                wait == WAIT_OBJECT_0 ? "the event is signaled" : "no signal", Demo.exitCode(shell, child));
        shell.CloseHandle(event);
        Demo.close(shell, child);
        return wait == WAIT_OBJECT_0 ? 0 : 1;
    }
}
