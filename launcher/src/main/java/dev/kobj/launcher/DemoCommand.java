package dev.kobj.launcher;

import dev.kobj.launcher.demo.Demo;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code demo NAME}: small Windows-style programs on the session's kernel, one mechanism each. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a demo on this kernel:",
            "  events        producer and consumer processes in lock step over two named events",
            "  pipe          a child inherits a pipe's write end and writes to its parent",
            "  duplicate     DuplicateHandle puts an unnamed event into a child, which signals it",
            "  section       worker processes add to a counter in a named section under a named mutex",
            "  job           a job ends the three processes in it at once",
            "  philosophers  five dining philosophers take both forks with one wait-all: no deadlock",
            "  lpc           a client and a server process talking over a named LPC port",
            "  deadlock      leaves two threads deadlocked on two mutexes, for deadlocks to find and kill to end"})
final class DemoCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Names.class,
            description = "The demo: ${COMPLETION-CANDIDATES}.")
    String name;

    /** The demo names, for help and Tab. */
    static final class Names extends ArrayList<String> {
        Names() {
            super(Demo.ALL.stream().map(Demo::name).toList());
        }
    }

    DemoCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<Demo> demo = Demo.ALL.stream().filter(d -> d.name().equals(name)).findFirst();
        if (demo.isEmpty()) {
            console.fail("demo: no demo named " + name + " (try: " + String.join(", ", new Names()) + ")");
            return 2;
        }
        Session session = console.session();
        java.util.List<String> loaded = session.kernel().modules().stream().map(m -> m.id()).toList();
        java.util.List<String> missing = demo.get().modules().stream().filter(m -> !loaded.contains(m)).toList();
        if (!missing.isEmpty()) {
            return console.fail("demo " + name + ": needs the " + String.join(", ", missing)
                    + " module; this kernel has " + String.join(", ", loaded));
        }
        try {
            int code = demo.get().run(session.system(), session.kernel32(), console.out());
            console.out().flush();
            return code;
        } catch (Demo.Failure e) {
            console.out().flush();
            return console.fail("demo " + name + ": " + e.getMessage() + ": " + Statuses.win32ErrorName(e.error())
                    + " " + e.error());
        }
    }
}
