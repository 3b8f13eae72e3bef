package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README tutorial session on a real terminal: the shell runs in a detached tmux pane (its own tmux
 * server, 120x40), the lines are typed with send-keys, one path completed with Tab, and the screen read
 * back with capture-pane. Skipped where tmux is not installed; the dumb-terminal test covers the rest.
 */
@Timeout(120)
class TmuxShellTest {
    private static final long WAIT_MILLIS = 10_000;
    private static final String BANNER = "kobj: a kernel with modules core, fs, ipc, sync. Type help, or press Tab; exit leaves.";

    @TempDir
    Path home;

    private final String socket = "kobj-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    private static boolean tmuxInstalled() {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tmux")));
    }

    /** Runs {@code tmux -L socket ARGS}; its standard output. */
    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "tmux " + String.join(" ", args));
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The whole pane, history included, wrapped lines joined, trailing blanks dropped. */
    private List<String> screen() throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(tmux("capture-pane", "-t", "kobj", "-p", "-J", "-S", "-").lines()
                .map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    /** Polls the pane until {@code done} holds (at most ~10 s); the last screen. */
    private List<String> awaitScreen(Predicate<List<String>> done, String what) throws Exception {
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        List<String> lines = screen();
        while (!done.test(lines) && System.nanoTime() < end) {
            Thread.sleep(50);
            lines = screen();
        }
        assertTrue(done.test(lines), what + ":\n" + String.join("\n", lines));
        return lines;
    }

    /** The prompt is back, after {@code count} prompts in all. */
    private List<String> awaitPrompts(int count, String what) throws Exception {
        String prompt = ShellCommand.PROMPT.strip(); // an empty prompt line's trailing blank is dropped
        return awaitScreen(lines -> lines.stream().filter(l -> l.startsWith(prompt)).count() >= count
                && lines.getLast().equals(ShellCommand.PROMPT.strip()), what);
    }

    private void type(String text) throws Exception {
        tmux("send-keys", "-t", "kobj", "-l", text);
    }

    @Test
    void theReadmeTutorialOnARealTerminalWithTabCompletion() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not on PATH");
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf("<!-- shell-tutorial -->");
        int start = readme.indexOf("```text\n", marker) + "```text\n".length();
        List<String> transcript = readme.substring(start, readme.indexOf("```", start)).lines().toList();
        List<String> inputs = transcript.stream().filter(l -> l.startsWith(ShellCommand.PROMPT))
                .map(l -> l.substring(ShellCommand.PROMPT.length())).filter(l -> !l.equals("exit")).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            tmux("new-session", "-d", "-s", "kobj", "-x", "120", "-y", "40", java, "-Duser.home=" + home,
                    "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "shell");
            tmux("set-option", "-t", "kobj", "remain-on-exit", "on"); // a crash stays readable
            awaitPrompts(1, "the first prompt");
            for (int i = 0; i < inputs.size(); i++) {
                type(inputs.get(i));
                tmux("send-keys", "-t", "kobj", "Enter");
                awaitPrompts(i + 2, "after " + inputs.get(i));
            }
            List<String> expected = new ArrayList<>();
            expected.add(BANNER);
            expected.addAll(transcript.subList(0, transcript.size() - 1)); // up to "kobj> exit"
            expected.add(ShellCommand.PROMPT.strip());
            assertEquals(String.join("\n", expected), String.join("\n", screen()));

            type("dir \\Sessions\\1\\Base");
            tmux("send-keys", "-t", "kobj", "Tab");
            awaitScreen(lines -> lines.getLast().equals("kobj> dir \\Sessions\\1\\BaseNamedObjects\\"), "Tab completion");
            tmux("send-keys", "-t", "kobj", "Enter");
            List<String> lines = awaitPrompts(inputs.size() + 2, "the completed dir");
            assertEquals(List.of("kobj> dir \\Sessions\\1\\BaseNamedObjects\\",
                    "Global   SymbolicLink  -> \\BaseNamedObjects",
                    "Local    SymbolicLink  -> \\Sessions\\1\\BaseNamedObjects",
                    "Lock     Mutant",
                    "Session  SymbolicLink  -> \\Sessions\\BNOLINKS",
                    "kobj>"), lines.subList(lines.size() - 6, lines.size()));

            type("exit");
            tmux("send-keys", "-t", "kobj", "Enter");
            awaitScreen(l -> tmuxQuiet("display-message", "-p", "-t", "kobj", "#{pane_dead}").strip().equals("1"),
                    "exit ends the shell");
        } finally {
            tmuxQuiet("kill-server");
        }
    }

    /** As {@link #tmux}, for the finally block and polls: failures are the empty string. */
    private String tmuxQuiet(String... args) {
        try {
            return tmux(args);
        } catch (Exception | AssertionError e) {
            return "";
        }
    }
}
