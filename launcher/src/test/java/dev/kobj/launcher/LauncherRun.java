package dev.kobj.launcher;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the kobj command line in process, capturing what it prints; each run boots its own kernel. */
final class LauncherRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        try (Console console = new Console(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true))) {
            return Commands.kobj(console).execute(args);
        }
    }

    /** {@code kobj [args] run -} with {@code script} as standard input. */
    int script(String script, String... args) {
        try (Console console = new Console(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true))) {
            console.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "run";
            all[args.length + 1] = "-";
            return Commands.kobj(console).execute(all);
        }
    }

    /** {@code kobj run [runOptions] -} with {@code script} as standard input. */
    int scriptWith(String[] runOptions, String script) {
        try (Console console = new Console(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true))) {
            console.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("run"));
            all.addAll(java.util.List.of(runOptions));
            all.add("-");
            return Commands.kobj(console).execute(all.toArray(String[]::new));
        }
    }

    /** {@code kobj} with no command, {@code script} as standard input (the JVM of a test has no terminal). */
    int scriptWith(String[] globalOptions, String script, boolean noCommand) {
        try (Console console = new Console(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true))) {
            console.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            return Commands.kobj(console).execute(globalOptions);
        }
    }

    /** Standard output with \n line ends. */
    String out() {
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /** Standard error with \n line ends. */
    String err() {
        return err.toString().replace(System.lineSeparator(), "\n");
    }
}
