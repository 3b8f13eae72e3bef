package dev.kobj.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watch [types|ps|handles]}: a live, refreshing view; bounded by --count (in scripts, once by default). */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Refresh a view (types, ps or handles) every --interval ms.",
            "In the shell it runs until Ctrl-C; in a script --count times (default 1)."})
final class WatchCommand implements Callable<Integer> {
    /** What can be watched. */
    enum View { types, ps, handles }

    private final Console console;

    @Parameters(index = "0", arity = "0..1", defaultValue = "types", paramLabel = "VIEW",
            description = "One of: ${COMPLETION-CANDIDATES} (default types).")
    View view;

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Refresh N times, then stop.")
    Integer count;

    @Option(names = {"-i", "--interval"}, paramLabel = "MS", defaultValue = "1000",
            description = "Milliseconds between refreshes (default 1000).")
    int intervalMillis;

    WatchCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (intervalMillis < 0 || (count != null && count < 1)) {
            throw new IllegalArgumentException("watch: --interval must be >= 0 and --count >= 1");
        }
        int times = count != null ? count : console.isInteractive() ? Integer.MAX_VALUE : 1;
        Session session = console.session();
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return 0; // Ctrl-C ends the watch; the shell clears the interrupt
                }
            }
            if (console.isInteractive()) {
                console.out().print("\033[H\033[2J"); // home and clear, as watch(1) does
            }
            console.out().printf("-- %s  %tT%n", view, System.currentTimeMillis());
            Table table = switch (view) {
                case types -> TypesCommand.table(session);
                case ps -> PsCommand.table(session);
                case handles -> HandlesCommand.table(session, null, null);
            };
            table.print(console.out(), console.json(false));
            console.out().flush();
        }
        return 0;
    }
}
