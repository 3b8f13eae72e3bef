package dev.kobj.launcher;

import static dev.kobj.win32.Win32.STATUS_ABANDONED_WAIT_0;
import static dev.kobj.win32.Win32.STATUS_TIMEOUT;

import dev.kobj.api.status.NtStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wait OBJECT...}: the console thread waits (Ctrl-C in the shell interrupts it: STATUS_CANCELLED).
 * A timeout is a failure here (exit code 1), so a script stops on it.
 */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait for one object, or for any (or --all) of several.",
            "Prints the outcome (STATUS_WAIT_n and the object); a timeout fails the command."})
final class WaitCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", arity = "1..*", paramLabel = "OBJECT", description = "Names the console holds, or handles.")
    List<String> objects;

    @Option(names = {"-t", "--timeout"}, paramLabel = "MS", description = "Give up after MS milliseconds (default: never).")
    Long timeoutMillis;

    @Option(names = "--all", description = "Wait until every object is signaled at once.")
    boolean all;

    @Option(names = "--alertable", description = "An alertable wait (queued APCs end it).")
    boolean alertable;

    WaitCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        long[] handles = new long[objects.size()];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = HandleArgument.resolve(console, "wait", objects.get(i));
            if (handles[i] == 0) {
                return 1;
            }
        }
        Session session = console.session();
        Long timeout = timeoutMillis == null ? null : -timeoutMillis * 10_000;
        int status = handles.length == 1 && !all
                ? session.ntdll().NtWaitForSingleObject(handles[0], alertable, timeout)
                : session.ntdll().NtWaitForMultipleObjects(handles.length, handles, all ? 0 : 1, alertable, timeout);
        String what = "wait " + String.join(" ", objects);
        if (status == STATUS_TIMEOUT) {
            return console.fail(what + ": STATUS_TIMEOUT after " + timeoutMillis + " ms");
        }
        if (NtStatus.isError(status)) {
            return console.fail(what, status);
        }
        String name = NtStatus.name(status);
        String object = null;
        if (status >= 0 && status < objects.size()) {
            name = "STATUS_WAIT_" + status;
            object = objects.get(status);
        } else if (status >= STATUS_ABANDONED_WAIT_0 && status < STATUS_ABANDONED_WAIT_0 + objects.size()) {
            object = objects.get(status - STATUS_ABANDONED_WAIT_0);
        }
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("status", name);
        fields.put("object", object);
        console.answer(object == null ? name : name + " " + object, fields);
        return 0;
    }
}
