package dev.kobj.launcher;

import static dev.kobj.win32.Win32.STATUS_SUCCESS;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code close OBJECT}: closes a console handle (NtClose); an unnamed object goes with its last handle. */
@Command(name = "close", mixinStandardHelpOptions = true, description = "Close a handle of the console (NtClose).")
final class CloseCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", arity = "1..*", paramLabel = "OBJECT", description = "Names the console holds, or handles.")
    java.util.List<String> objects;

    CloseCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        for (String object : objects) {
            long handle = HandleArgument.resolve(console, "close", object);
            if (handle == 0) {
                return 1;
            }
            int status = console.session().ntdll().NtClose(handle);
            if (status != STATUS_SUCCESS) {
                return console.fail("close " + object, status);
            }
            console.session().forget(handle);
            console.answer("closed " + HandlesCommand.hex(handle), java.util.Map.of("closed", handle));
        }
        return 0;
    }
}
