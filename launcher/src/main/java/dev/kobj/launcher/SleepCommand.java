package dev.kobj.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sleep MS}: pauses a script (the console thread sleeps through the kernel: Sleep). */
@Command(name = "sleep", mixinStandardHelpOptions = true, description = "Pause for MS milliseconds.")
final class SleepCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "MS")
    int millis;

    SleepCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (millis < 0) {
            throw new IllegalArgumentException("sleep: MS must be 0 or more, not " + millis);
        }
        console.session().kernel32().Sleep(millis);
        return 0;
    }
}
