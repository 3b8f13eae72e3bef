package dev.kobj.launcher;

import dev.kobj.api.ModuleInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

/**
 * {@code kobj shell} (and {@code kobj} alone): the commands interactively on one kernel, with history
 * ({@code ~/.kobj_history}) and Tab completion of commands, their words and object paths. Ctrl-C stops
 * the running command (a wait ends with STATUS_CANCELLED); Ctrl-D or {@code exit} leaves.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "An interactive shell on one kernel: history, Tab completion of commands and object paths.")
final class ShellCommand implements Callable<Integer> {
    static final String PROMPT = "kobj> ";

    private final Console console;

    ShellCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        // The kernel boots while the terminal and line reader are made: the two take about as long.
        Thread.ofPlatform().name("kobj-boot").start(() -> {
            try {
                console.session();
            } catch (RuntimeException e) {
                // reported when the shell asks for the session on its own thread
            }
        });
        try (Terminal terminal = console.terminal()) {
            return run(terminal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int run(Terminal terminal) {
        PrintWriter out = terminal.writer();
        PrintWriter savedOut = console.out();
        PrintWriter savedErr = console.err();
        console.setWriters(out, out);
        console.setInteractive(true);
        Thread shellThread = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> shellThread.interrupt());
        try {
            LineReader reader = reader(terminal);
            Session session = console.session(); // waits for the boot thread
            out.println("kobj: a kernel with modules " + String.join(", ",
                    session.kernel().modules().stream().map(ModuleInfo::id).toList())
                    + ". Type help, or press Tab; exit leaves.");
            out.flush();
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt drops the line
                } catch (EndOfFileException e) {
                    break;
                }
                List<String> words;
                try {
                    words = LineParser.words(line);
                } catch (IllegalArgumentException e) {
                    console.fail(e.getMessage());
                    continue;
                }
                if (words.size() == 1 && (words.getFirst().equals("exit") || words.getFirst().equals("quit"))) {
                    break;
                }
                console.execute(words);
                Thread.interrupted(); // a Ctrl-C that ended the command must not end the next one
                out.flush();
            }
            return 0;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            console.setInteractive(false);
            console.setWriters(savedOut, savedErr);
        }
    }

    private LineReader reader(Terminal terminal) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]); // NT paths are made of backslashes
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("kobj").parser(parser)
                .completer(new ShellCompleter(console))
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (!"dumb".equals(terminal.getType()) && !terminal.getType().startsWith("dumb")) {
            builder.variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".kobj_history"));
        }
        return builder.build();
    }

    /** The terminal a person types at. */
    static Terminal systemTerminal() {
        // Without a terminal (input from a pipe) JLine falls back to a dumb one; that is expected, not a warning.
        java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.SEVERE);
        try {
            return TerminalBuilder.builder().name("kobj").system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
