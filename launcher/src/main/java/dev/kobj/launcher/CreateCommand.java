package dev.kobj.launcher;

import static dev.kobj.win32.Win32.*;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.status.NtStatus;
import dev.kobj.win32.Ntdll;
import dev.kobj.win32.ObjectAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create TYPE [NAME]}: a new object with a handle in the console process (or the existing one, opened). */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an object and keep a handle to it in the console process.",
            "A NAME from \\ is a full path, Global\\NAME is in \\BaseNamedObjects, any other in the session's.",
            "Later commands take the NAME (or the handle value) to act on it."})
final class CreateCommand implements Callable<Integer> {
    /** What {@code create} makes, with the object type each needs. */
    enum Kind {
        event("Event"), mutex("Mutant"), semaphore("Semaphore"), timer("Timer"), section("Section"),
        directory("Directory"), link("SymbolicLink"), keyedevent("KeyedEvent");

        final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private final Console console;

    @Parameters(index = "0", paramLabel = "TYPE", description = "One of: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The object's name (none: unnamed).")
    String name;

    @Parameters(index = "2", arity = "0..1", paramLabel = "TARGET", description = "A link's target path.")
    String target;

    @Option(names = "--manual", description = "event, timer: manual-reset (notification) instead of auto-reset.")
    boolean manual;

    @Option(names = "--signaled", description = "event: created signaled.")
    boolean signaled;

    @Option(names = "--owned", description = "mutex: owned by the console from the start.")
    boolean owned;

    @Option(names = "--initial", paramLabel = "N", description = "semaphore: initial count (default 0).")
    int initial;

    @Option(names = "--max", paramLabel = "N", description = "semaphore: maximum count (default 1).")
    int maximum = 1;

    @Option(names = "--size", paramLabel = "BYTES", description = "section: size in bytes (default 4096).")
    long size = 4096;

    @Option(names = "--open-existing", description = "Open the object if the name exists (OBJ_OPENIF).")
    boolean openIf;

    @Option(names = "--inherit", description = "The handle is inherited by child processes.")
    boolean inherit;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    CreateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Session session = console.session();
        if (session.kernel().objectType(kind.typeName).isEmpty()) {
            return console.fail("create " + kind + ": this kernel has no " + kind.typeName + " type (modules: "
                    + String.join(", ", session.kernel().modules().stream().map(m -> m.id()).toList()) + ")");
        }
        if (kind == Kind.link && target == null) {
            return console.fail("create link: give NAME and TARGET");
        }
        if (kind != Kind.link && target != null) {
            return console.fail("create " + kind + ": unexpected " + target);
        }
        String path = name == null ? null : session.path(name);
        ObjectAttributes attributes = new ObjectAttributes(0, path,
                OBJ_CASE_INSENSITIVE | (inherit ? OBJ_INHERIT : 0) | (openIf ? OBJ_OPENIF : 0), null);
        Ntdll nt = session.ntdll();
        long[] handle = new long[1];
        int status = switch (kind) {
            case event -> nt.NtCreateEvent(handle, EVENT_ALL_ACCESS, attributes,
                    manual ? NotificationEvent : SynchronizationEvent, signaled);
            case mutex -> nt.NtCreateMutant(handle, MUTANT_ALL_ACCESS, attributes, owned);
            case semaphore -> nt.NtCreateSemaphore(handle, SEMAPHORE_ALL_ACCESS, attributes, initial, maximum);
            case timer -> nt.NtCreateTimer(handle, TIMER_ALL_ACCESS, attributes, manual ? 0 : 1);
            case section -> nt.NtCreateSection(handle, SECTION_ALL_ACCESS, attributes, size, PAGE_READWRITE,
                    SEC_COMMIT, 0);
            case directory -> nt.NtCreateDirectoryObject(handle, DIRECTORY_ALL_ACCESS, attributes);
            case link -> nt.NtCreateSymbolicLinkObject(handle, SYMBOLIC_LINK_ALL_ACCESS, attributes,
                    target.startsWith("\\") ? target : session.path(target));
            case keyedevent -> nt.NtCreateKeyedEvent(handle, KEYEDEVENT_ALL_ACCESS, attributes, 0);
        };
        if (NtStatus.isError(status)) {
            return console.fail("create " + kind + (path == null ? "" : " " + path), status);
        }
        session.remember(name, handle[0]);
        return report(console, session, handle[0], status == STATUS_OBJECT_NAME_EXISTS ? "opened existing" : "created",
                console.json(json));
    }

    /** One line about a handle the console now holds: value, type, name, what happened. */
    static int report(Console console, Session session, long handle, String what, boolean json) {
        HandleEntry entry = session.entry(handle);
        String type = entry.object().type().name();
        String name = Session.fullName(entry.object());
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("handle", handle);
            fields.put("type", type);
            fields.put("name", name);
            fields.put("access", entry.grantedAccess());
            fields.put("result", what);
            console.out().println(Json.write(fields));
        } else {
            console.out().printf("%s %s %s%s%n", HandlesCommand.hex(handle), what, type, name == null ? "" : " " + name);
        }
        return 0;
    }
}
