package dev.kobj.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kobj run SCRIPT}: the shell's commands, one per line, on one kernel; {@code #} starts a
 * comment. Stops at the first failing command with its exit code, unless {@code --keep-going}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a script of shell commands (one per line, # comments) on one kernel.",
            "Stops at the first failing command with its exit code, unless --keep-going."})
final class RunCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "A script file, or - for standard input.")
    String script;

    @Option(names = {"-k", "--keep-going"}, description = "Run every line; exit with the first failure's code.")
    boolean keepGoing;

    @Option(names = {"-x", "--echo"}, description = "Print each command (after '> ') before running it.")
    boolean echo;

    RunCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        String label = script.equals("-") ? "stdin" : Path.of(script).getFileName().toString();
        try (BufferedReader in = script.equals("-")
                ? new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(script), StandardCharsets.UTF_8)) {
            return run(in, label);
        } catch (java.nio.file.NoSuchFileException e) {
            return console.fail("run: no such script: " + script);
        }
    }

    /** Runs each line of {@code in}; failures say {@code label:line:}. */
    int run(BufferedReader in, String label) throws IOException {
        // Boot before the first line, so a boot failure is not blamed on a line; on a second core while
        // this one builds the command tree, which takes about a third as long.
        Thread boot = Thread.ofPlatform().name("kobj-boot").start(() -> {
            try {
                console.session();
            } catch (RuntimeException e) {
                // this thread's own call below reports it
            }
        });
        console.lines();
        try {
            boot.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        console.session();
        int first = 0;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            List<String> words;
            console.setWhere(label + ":" + number + ": ");
            try {
                words = LineParser.words(line);
            } catch (IllegalArgumentException e) {
                words = null;
                console.fail(e.getMessage());
            }
            int code = 2;
            if (words != null) {
                if (echo && !words.isEmpty()) {
                    console.out().println("> " + line.strip());
                    console.out().flush();
                }
                code = console.execute(words);
            }
            console.out().flush();
            console.setWhere("");
            if (code != 0) {
                if (!keepGoing) {
                    return code;
                }
                first = first == 0 ? code : first;
            }
        }
        return first;
    }
}
