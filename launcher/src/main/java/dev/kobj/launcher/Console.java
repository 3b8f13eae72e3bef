package dev.kobj.launcher;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * What every command of one {@code kobj} run shares: the global options, where to print, and the
 * session (a kernel booted on first use and closed with the console). Commands report failures through
 * {@link #fail} so each is one line. Used by one thread at a time.
 */
final class Console implements AutoCloseable {
    private final GlobalOptions options;
    private PrintWriter out;
    private PrintWriter err;
    private Session session;
    private CommandLine lines;
    private String where = "";
    private boolean interactive;
    private java.io.InputStream in = System.in;
    private java.util.function.Supplier<org.jline.terminal.Terminal> terminals = ShellCommand::systemTerminal;

    Console(GlobalOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    GlobalOptions options() {
        return options;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Redirects output (the shell prints through its terminal). */
    void setWriters(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        if (lines != null) {
            lines.setOut(out).setErr(err);
        }
    }

    /** Standard input, for {@code run -}. */
    java.io.InputStream in() {
        return in;
    }

    void setIn(java.io.InputStream in) {
        this.in = in;
    }

    /** The terminal the shell reads from: the system's, or one a test gives. */
    org.jline.terminal.Terminal terminal() {
        return terminals.get();
    }

    void setTerminals(java.util.function.Supplier<org.jline.terminal.Terminal> terminals) {
        this.terminals = terminals;
    }

    /** Whether a person is at a terminal (the shell): watch runs until interrupted, screens are cleared. */
    boolean isInteractive() {
        return interactive;
    }

    void setInteractive(boolean interactive) {
        this.interactive = interactive;
    }

    /** The session, booted from the global options on first use. */
    synchronized Session session() {
        if (session == null) {
            session = new Session(LauncherConfig.of(options));
        }
        return session;
    }

    synchronized boolean hasSession() {
        return session != null;
    }

    /** Whether to answer in JSON: the global {@code --json} or the command's own. */
    boolean json(boolean local) {
        return options.json || local;
    }

    /** Prints an answer: {@code text}, or with --json the fields as one JSON object. */
    void answer(String text, java.util.Map<String, Object> fields) {
        out.println(options.json ? Json.write(fields) : text);
    }

    /** Where failures say they happened, e.g. {@code demo.kobj:3: }; empty outside scripts. */
    void setWhere(String where) {
        this.where = where;
    }

    /** Prints {@code kobj: [where]what: STATUS_X (ERROR_Y n)} and returns exit code 1. */
    int fail(String what, int status) {
        return fail(what + ": " + Statuses.describe(
                session().kernel().service(dev.kobj.api.status.StatusRegistry.class).orElseThrow(), status));
    }

    /** Prints one failure line and returns exit code 1. */
    int fail(String message) {
        err.println("kobj: " + where + message);
        err.flush();
        return 1;
    }

    /** Prints a failure's trace when --debug asked for it. */
    void debug(Throwable t) {
        if (options.debug) {
            t.printStackTrace(err);
            err.flush();
        }
    }

    /** The command tree of shell and script lines, built once over this console. */
    CommandLine lines() {
        if (lines == null) {
            lines = Commands.lineCommands(this);
            lines.setOut(out).setErr(err);
        }
        return lines;
    }

    /** Runs one line's words; the exit code (0 for an empty line). */
    int execute(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        return lines().execute(words.toArray(String[]::new));
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            try {
                session.close();
            } finally {
                session = null;
            }
        }
    }
}
