package dev.kobj.launcher;

import dev.kobj.api.inspect.KernelInspector.HandleSnapshot;
import dev.kobj.api.inspect.KernelInspector.ProcessSnapshot;
import dev.kobj.api.object.HandleEntry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code handles [PID]}: handle tables, as Sysinternals handle shows them. */
@Command(name = "handles", mixinStandardHelpOptions = true,
        description = "List the handles of process PID (default: every process).")
final class HandlesCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PID", description = "A process id (see ps).")
    Integer pid;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Only handles to objects of this type.")
    String type;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    HandlesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Table table = table(console.session(), pid, type);
        if (table == null) {
            return console.fail("handles: no process " + pid + " (see ps)");
        }
        table.print(console.out(), console.json(json));
        return 0;
    }

    /** The handles of process {@code pid} (null: all), of type {@code type} (null: any); null for no such process. */
    static Table table(Session session, Integer pid, String type) {
        Table table = new Table("PID", "IMAGE", "HANDLE", "TYPE", "ACCESS", "FLAGS", "NAME");
        if (pid != null) {
            Optional<ProcessSnapshot> process = session.inspector().processes().stream()
                    .filter(p -> p.process().id() == pid).findFirst();
            if (process.isEmpty()) {
                return null;
            }
            add(table, session, process.get(), type);
        } else {
            for (ProcessSnapshot p : session.inspector().processes()) {
                add(table, session, p, type);
            }
        }
        return table;
    }

    private static void add(Table table, Session session, ProcessSnapshot process, String type) {
        List<HandleSnapshot> handles = session.inspector().handles(process.process().id()).orElse(List.of());
        for (HandleSnapshot h : handles) {
            HandleEntry entry = h.entry();
            String typeName = entry.object().type().name();
            if (type != null && !type.equalsIgnoreCase(typeName)) {
                continue;
            }
            String name = Session.fullName(entry.object());
            table.row(process.process().id(), process.process().imageName(), hex(h.handle()), typeName,
                    String.format("0x%08X", entry.grantedAccess()), flags(entry), name == null ? "" : name);
        }
    }

    static String hex(long handle) {
        return "0x" + Long.toHexString(handle).toUpperCase(java.util.Locale.ROOT);
    }

    private static String flags(HandleEntry entry) {
        String flags = (entry.inherit() ? "I" : "") + (entry.protectFromClose() ? "P" : "");
        return flags.isEmpty() ? "-" : flags;
    }
}
