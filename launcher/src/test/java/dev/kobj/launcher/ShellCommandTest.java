package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ShellCommandTest {
    /** Runs the shell on a dumb terminal fed {@code input}; what the terminal showed. */
    static String shell(String input, String... globalOptions) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try (Console console = new Console(new GlobalOptions(), new PrintWriter(screen, true), new PrintWriter(err, true))) {
            console.setTerminals(() -> {
                try {
                    return new DumbTerminal("kobj-test", Terminal.TYPE_DUMB,
                            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen,
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String[] args = globalOptions.length == 0 ? new String[] {"shell"} : globalOptions;
            assertEquals(0, Commands.kobj(console).execute(args));
        }
        return screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** Puts each input line after its prompt, as a person's terminal would have echoed it. */
    static String withInput(String screen, List<String> inputs) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (String input : inputs) {
            int prompt = screen.indexOf(ShellCommand.PROMPT, at);
            if (prompt < 0) {
                break;
            }
            out.append(screen, at, prompt + ShellCommand.PROMPT.length()).append(input).append('\n');
            at = prompt + ShellCommand.PROMPT.length();
        }
        return out.append(screen.substring(at)).toString();
    }

    @Test
    void theReadmeTutorialSession() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf("<!-- shell-tutorial -->");
        int start = readme.indexOf("```text\n", marker) + "```text\n".length();
        String transcript = readme.substring(start, readme.indexOf("```", start));
        List<String> inputs = transcript.lines().filter(l -> l.startsWith(ShellCommand.PROMPT))
                .map(l -> l.substring(ShellCommand.PROMPT.length())).toList();
        String screen = shell(String.join("\n", inputs) + "\n");
        String banner = "kobj: a kernel with modules core, fs, ipc, sync. Type help, or press Tab; exit leaves.\n";
        assertEquals(banner + transcript, withInput(screen, inputs));
    }

    @Test
    void endOfInputLeavesAndBadLinesAreOneLine() {
        String screen = shell("create frob\necho \"open\n\nfrob\n");
        assertEquals("""
                kobj: a kernel with modules core, fs, ipc, sync. Type help, or press Tab; exit leaves.
                kobj> kobj: create: Invalid value for positional parameter at index 0 (TYPE): expected one of \
                [event, mutex, semaphore, timer, section, directory, link, keyedevent] (case-insensitive) but was \
                'frob' (see: help create)
                kobj> kobj: unclosed quote "
                kobj> kobj> kobj: unknown command 'frob' (see: help)
                kobj> \
                """, screen);
    }

    @Test
    void onlyTheChosenModules() {
        String screen = shell("create section S\ncreate event E\n", "--modules", "sync", "shell");
        assertEquals("""
                kobj: a kernel with modules core, sync. Type help, or press Tab; exit leaves.
                kobj> kobj: create section: this kernel has no Section type (modules: core, sync)
                kobj> 0x4 created Event \\Sessions\\1\\BaseNamedObjects\\E
                kobj> \
                """, screen);
    }

    private static List<String> complete(Console console, String line) {
        org.jline.reader.impl.DefaultParser parser = new org.jline.reader.impl.DefaultParser();
        parser.setEscapeChars(new char[0]);
        List<org.jline.reader.Candidate> candidates = new java.util.ArrayList<>();
        new ShellCompleter(console).complete(null, parser.parse(line, line.length()), candidates);
        return candidates.stream().map(org.jline.reader.Candidate::value).sorted().toList();
    }

    @Test
    void tabCompletesCommandsOptionsChoicesNamesAndPaths() {
        try (Console console = new Console(new GlobalOptions(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))) {
            assertEquals(true, complete(console, "").containsAll(List.of("create", "deadlocks", "exit", "help", "ps")));
            assertEquals(List.of("\\Sessions\\1\\", "\\Sessions\\BNOLINKS\\"), complete(console, "dir \\Sessions\\"));
            assertEquals(List.of("\\Sessions\\"), complete(console, "dir \\ses"));
            assertEquals(true, complete(console, "create ").containsAll(List.of("event", "mutex", "keyedevent")));
            assertEquals(true, complete(console, "wait --a").containsAll(List.of("--all", "--alertable")));
            console.execute(List.of("create", "event", "Ready"));
            assertEquals(List.of("Ready"), complete(console, "wait "));
        }
    }
}
