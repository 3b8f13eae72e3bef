package dev.kobj.launcher;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code echo TEXT}: prints its words, for scripts that explain themselves. */
@Command(name = "echo", mixinStandardHelpOptions = true, description = "Print the words given.")
final class EchoCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(arity = "0..*", paramLabel = "WORD")
    List<String> words = List.of();

    EchoCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.out().println(String.join(" ", words));
        return 0;
    }
}
