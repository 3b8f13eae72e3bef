package dev.kobj.launcher;

import java.io.PrintWriter;

/** The {@code kobj} command's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try (Console console = new Console(new GlobalOptions(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true))) {
            code = Commands.kobj(console).execute(args);
        }
        System.exit(code);
    }
}
