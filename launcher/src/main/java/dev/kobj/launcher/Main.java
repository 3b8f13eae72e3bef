package dev.kobj.launcher;

import picocli.CommandLine;

/** The {@code kobj} command's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for tests and for {@link #main}. */
    static CommandLine commandLine() {
        return new CommandLine(new KobjCommand())
                .setExecutionExceptionHandler(new BootFailureHandler());
    }
}
