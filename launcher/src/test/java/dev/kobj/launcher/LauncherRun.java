package dev.kobj.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the kobj command line in process, capturing what it prints. */
final class LauncherRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Standard output with \n line ends. */
    String out() {
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
