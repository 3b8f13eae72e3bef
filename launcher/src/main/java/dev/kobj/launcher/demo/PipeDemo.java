package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.SecurityAttributes;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code demo pipe}: an anonymous pipe whose write end a child inherits (the second way to share:
 * inheritance, at the same handle value, told on the command line). The parent reads until the child's
 * end closes with the child.
 */
final class PipeDemo implements Demo {
    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public java.util.List<String> modules() {
        return java.util.List.of("ipc");
    }

    @Override
    public String description() {
        return "a child inherits a pipe's write end and writes to its parent";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        system.register("writer.exe", (k32, commandLine) -> {
            long write = Long.decode(Demo.arguments(commandLine)[0]);
            out.printf("writer: my handle 0x%x is the inherited write end%n", write);
            for (String line : new String[] {"hello from the child\n", "handles are inherited at the same value\n"}) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                if (!k32.WriteFile(write, bytes, bytes.length, new int[1], null)) {
                    return k32.GetLastError();
                }
            }
            return 0; // the process's end closes the write end
        });
        long[] read = new long[1];
        long[] write = new long[1];
        if (!shell.CreatePipe(read, write, new SecurityAttributes(null, true), 0)) {
            return fail(out, shell, "CreatePipe");
        }
        shell.SetHandleInformation(read[0], HANDLE_FLAG_INHERIT, 0); // the child gets only the write end
        ProcessInformation child = Demo.start(shell, "writer.exe", true, 0, "0x" + Long.toHexString(write[0]));
        shell.CloseHandle(write[0]); // else the pipe never breaks: the parent's own write end keeps it open
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[64];
        int[] n = new int[1];
        while (shell.ReadFile(read[0], buffer, buffer.length, n, null) && n[0] > 0) {
            text.append(new String(buffer, 0, n[0], StandardCharsets.UTF_8));
        }
        int error = shell.GetLastError();
        text.toString().lines().forEach(line -> out.printf("parent: read \"%s\"%n", line));
        out.printf("parent: then %s: the child has exited with %d%n",
                error == ERROR_BROKEN_PIPE ? "ERROR_BROKEN_PIPE" : "error " + error, Demo.exitCode(shell, child));
        shell.CloseHandle(read[0]);
        Demo.close(shell, child);
        return error == ERROR_BROKEN_PIPE ? 0 : 1;
    }

    private static int fail(PrintWriter out, Kernel32 k32, String call) {
        out.printf("demo: %s failed with error %d%n", call, k32.GetLastError());
        return 1;
    }
}
