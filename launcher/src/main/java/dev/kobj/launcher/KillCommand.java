package dev.kobj.launcher;

import static dev.kobj.win32.Win32.PROCESS_TERMINATE;
import static dev.kobj.win32.Win32.SYNCHRONIZE;

import dev.kobj.win32.Kernel32;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kill PID}: ends a process (OpenProcess, TerminateProcess) and waits until it has ended. */
@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "End process PID (TerminateProcess): its threads end, its handles close, its mutexes are abandoned.")
final class KillCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "PID", description = "A process id (see ps).")
    int pid;

    @Option(names = "--exit-code", paramLabel = "N", description = "The exit code it ends with (default 1).")
    int exitCode = 1;

    KillCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (pid == console.session().consoleId()) {
            return console.fail("kill " + pid + ": that is the console (exit leaves)");
        }
        Kernel32 k32 = console.session().kernel32();
        long process = k32.OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, false, pid);
        if (process == 0) {
            return failed(k32);
        }
        try {
            if (!k32.TerminateProcess(process, exitCode)) {
                return failed(k32);
            }
            k32.WaitForSingleObject(process, 10_000);
        } finally {
            k32.CloseHandle(process);
        }
        console.answer("ended process " + pid + " with exit code " + exitCode,
                java.util.Map.of("ended", pid, "exit_code", exitCode));
        return 0;
    }

    /** Kernel32 tells a Win32 error only: the line names it. */
    private int failed(Kernel32 k32) {
        int error = k32.GetLastError();
        return console.fail("kill " + pid + ": " + Statuses.win32ErrorName(error) + " " + error);
    }
}
