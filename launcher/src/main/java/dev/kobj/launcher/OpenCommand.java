package dev.kobj.launcher;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.object.Access;
import dev.kobj.api.object.ObjectAttributes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code open NAME}: a handle in the console process to an existing object of any type. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open an existing object by name and keep a handle to it in the console process.")
final class OpenCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "NAME", description = "An NT path, or a name as for create.")
    String name;

    @Option(names = "--access", paramLabel = "MASK",
            description = "The access to ask for, e.g. 0x100000 (default: the most allowed).")
    String access;

    @Option(names = "--inherit", description = "The handle is inherited by child processes.")
    boolean inherit;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    OpenCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Session session = console.session();
        int desired = access == null ? Access.MAXIMUM_ALLOWED : parseMask(access);
        String path = session.path(name);
        long[] handle = new long[1];
        int status = session.objects().open(session.caller(), ObjectAttributes.named(path,
                ObjectAttributes.OBJ_CASE_INSENSITIVE | (inherit ? ObjectAttributes.OBJ_INHERIT : 0)),
                null, desired, handle);
        if (status != STATUS_SUCCESS) {
            return console.fail("open " + path, status);
        }
        session.remember(name, handle[0]);
        return CreateCommand.report(console, session, handle[0], "opened", console.json(json));
    }

    static int parseMask(String text) {
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Integer.parseUnsignedInt(text.substring(2), 16)
                    : Integer.parseUnsignedInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an access mask: " + text);
        }
    }
}
