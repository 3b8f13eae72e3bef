package dev.kobj.launcher;

import dev.kobj.api.inspect.KernelInspector.ProcessSnapshot;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.Sddl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ps}: the kernel's processes. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = "List the processes: id, image, session, user, threads, handles, state.")
final class PsCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    PsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        table(console.session()).print(console.out(), console.json(json));
        return 0;
    }

    static Table table(Session session) {
        Table table = new Table("PID", "IMAGE", "SESSION", "USER", "THREADS", "HANDLES", "STATE");
        for (ProcessSnapshot p : session.inspector().processes()) {
            KProcess process = p.process();
            table.row(process.id(), process.imageName(), process.sessionId(), user(process.identity()),
                    p.threads().size(), p.handleCount(),
                    process.isEnded() ? "exited " + process.exitCode() : "running");
        }
        return table;
    }

    static String user(Identity identity) {
        return identity.user().equals(Identity.SYSTEM.user()) ? "SYSTEM" : Sddl.formatSid(identity.user());
    }
}
