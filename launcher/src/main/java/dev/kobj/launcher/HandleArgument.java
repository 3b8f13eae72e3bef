package dev.kobj.launcher;

/** Turns what the user typed into a console handle, or reports why it cannot in one line. */
final class HandleArgument {
    private HandleArgument() {
    }

    /** The handle, or 0 after printing {@code kobj: COMMAND REF: no handle named REF ...}. */
    static long resolve(Console console, String command, String reference) {
        long handle = console.session().handle(reference);
        if (handle == 0) {
            console.fail(command + " " + reference + ": no handle named " + reference
                    + " (create or open it first, or give a handle value such as 0x8)");
        }
        return handle;
    }
}
