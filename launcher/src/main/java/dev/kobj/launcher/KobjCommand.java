package dev.kobj.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kobj}: boots a kernel and lets a person look inside; with no command, the shell. */
@Command(name = "kobj", mixinStandardHelpOptions = true, version = "kobj 0.1.0-SNAPSHOT",
        description = {"An NT-style kernel object manager for the JVM.",
            "With no command, starts the shell (or, with input from a pipe or file, runs it as a script);",
            "each command also runs alone on a kernel of its own."})
final class KobjCommand implements Callable<Integer> {
    private final Console console;

    @Mixin
    GlobalOptions options;

    KobjCommand(Console console) {
        this.console = console;
        this.options = console.options();
    }

    @Override
    public Integer call() throws java.io.IOException {
        java.io.Console terminal = System.console();
        if (terminal == null || !terminal.isTerminal()) { // kobj < tour.kobj: a script, with its exit code
            RunCommand run = new RunCommand(console);
            run.script = "-";
            return run.call();
        }
        return new ShellCommand(console).call();
    }
}
