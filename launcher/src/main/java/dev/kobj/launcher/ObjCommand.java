package dev.kobj.launcher;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.DispatcherSemaphore;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Sddl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code obj PATH}: one object's header (type, counts, flags, SDDL) and its state. */
@Command(name = "obj", mixinStandardHelpOptions = true,
        description = "Show an object's header: type, handle and pointer counts, flags, SDDL, and its state.")
final class ObjCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "OBJECT",
            description = "An NT path, a name as for create, a name the console opened, or a handle (0x8).")
    String object;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    ObjCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Session session = console.session();
        long handle = session.handle(object);
        if (handle != 0) {
            HandleEntry entry = session.entry(handle);
            if (entry == null) {
                return console.fail("obj " + object, dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE);
            }
            print(describe(session, entry.object(), handle, 0));
            return 0;
        }
        String path = session.path(object);
        long[] opened = new long[1];
        KThread caller = session.caller();
        int status = session.objects().open(caller, ObjectAttributes.named(path,
                ObjectAttributes.OBJ_CASE_INSENSITIVE | ObjectAttributes.OBJ_OPENLINK), null,
                dev.kobj.api.object.Access.MAXIMUM_ALLOWED, opened);
        if (status != STATUS_SUCCESS) {
            return console.fail("obj " + path, status);
        }
        try {
            print(describe(session, session.entry(opened[0]).object(), opened[0], 1));
        } finally {
            session.objects().close(caller, opened[0]);
        }
        return 0;
    }

    private void print(Map<String, Object> fields) {
        if (console.json(json)) {
            console.out().println(Json.write(fields));
            return;
        }
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        fields.forEach((k, v) -> console.out().printf("%-" + width + "s %s%n", k + ":", v));
    }

    /** The header less {@code own} handles the look itself holds. */
    private static Map<String, Object> describe(Session session, KernelObject object, long handle, int own) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String name = Session.fullName(object);
        fields.put("name", name == null ? "(unnamed)" : name);
        fields.put("type", object.type().name());
        fields.put("handles", object.handleCount() - own);
        fields.put("pointers", object.pointerCount() - own);
        fields.put("flags", (object.isPermanent() ? "permanent " : "") + (object.isExclusive() ? "exclusive" : ""));
        fields.put("sddl", object.securityDescriptor() == null ? "(none)" : Sddl.format(object.securityDescriptor()));
        if (object.type().name().equals("SymbolicLink")) {
            String[] target = new String[1];
            if (session.objects().querySymbolicLink(session.caller(), handle, target) == STATUS_SUCCESS) {
                fields.put("target", target[0]);
            }
        }
        if (object instanceof Waitable waitable) {
            fields.put("state", state(waitable.dispatcherObject()));
        }
        String flags = fields.get("flags").toString().strip();
        fields.put("flags", flags.isEmpty() ? "-" : flags);
        return fields;
    }

    static String state(DispatcherObject d) {
        return switch (d) {
            case DispatcherEvent e -> (e.isSignalled() ? "signaled" : "not signaled")
                    + (e.isNotification() ? " (notification)" : " (synchronization)");
            case DispatcherMutant m -> {
                KThread owner = m.owner();
                yield owner == null ? (m.isAbandoned() ? "free (abandoned)" : "free")
                        : "owned by thread " + owner.id() + " of process " + owner.process().id()
                                + ", count " + m.currentCount();
            }
            case DispatcherSemaphore s -> "count " + s.count() + " of " + s.maximum();
        };
    }
}
