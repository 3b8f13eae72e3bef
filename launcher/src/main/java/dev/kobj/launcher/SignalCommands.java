package dev.kobj.launcher;

import dev.kobj.api.status.NtStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code set}, {@code reset}, {@code release}: change an object's signal state through a console handle. */
final class SignalCommands {
    private SignalCommands() {
    }

    /** Prints {@code what} (the state before; with --json {@code key: value}) or the failure; the exit code. */
    private static int done(Console console, String command, String object, int status, String what, String key,
            Object value) {
        if (NtStatus.isError(status)) {
            return console.fail(command + " " + object, status);
        }
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("object", object);
        fields.put("status", NtStatus.name(status));
        fields.put(key, value);
        console.answer(what, fields);
        return 0;
    }

    /** {@code set OBJECT}: signals an event, or starts a timer. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Signal an event (NtSetEvent), or start a timer (NtSetTimer).")
    static final class Set implements Callable<Integer> {
        private final Console console;

        @Parameters(index = "0", paramLabel = "OBJECT", description = "A name the console holds, or a handle.")
        String object;

        @Option(names = "--due", paramLabel = "MS", description = "timer: due in MS milliseconds (default 0).")
        long dueMillis;

        @Option(names = "--period", paramLabel = "MS", description = "timer: then every MS milliseconds.")
        int periodMillis;

        @Option(names = "--pulse", description = "event: pulse (NtPulseEvent): wake waiters, leave it reset.")
        boolean pulse;

        Set(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            long handle = HandleArgument.resolve(console, "set", object);
            if (handle == 0) {
                return 1;
            }
            Session session = console.session();
            if ("Timer".equals(typeOf(session, handle))) {
                boolean[] previous = new boolean[1];
                int status = session.ntdll().NtSetTimer(handle, -dueMillis * 10_000, null, 0, false, periodMillis,
                        previous);
                return done(console, "set", object, status, "timer set; it was " + (previous[0] ? "signaled" : "not signaled"),
                        "previous_state", previous[0] ? 1 : 0);
            }
            int[] previous = new int[1];
            int status = pulse ? session.ntdll().NtPulseEvent(handle, previous)
                    : session.ntdll().NtSetEvent(handle, previous);
            return done(console, "set", object, status, (pulse ? "pulsed" : "set") + "; it was "
                    + (previous[0] != 0 ? "signaled" : "not signaled"), "previous_state", previous[0]);
        }
    }

    /** {@code reset OBJECT}: resets an event, or cancels a timer. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Reset an event (NtResetEvent), or cancel a timer (NtCancelTimer).")
    static final class Reset implements Callable<Integer> {
        private final Console console;

        @Parameters(index = "0", paramLabel = "OBJECT", description = "A name the console holds, or a handle.")
        String object;

        Reset(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            long handle = HandleArgument.resolve(console, "reset", object);
            if (handle == 0) {
                return 1;
            }
            Session session = console.session();
            if ("Timer".equals(typeOf(session, handle))) {
                boolean[] state = new boolean[1];
                int status = session.ntdll().NtCancelTimer(handle, state);
                return done(console, "reset", object, status, "timer cancelled; it was "
                        + (state[0] ? "signaled" : "not signaled"), "previous_state", state[0] ? 1 : 0);
            }
            int[] previous = new int[1];
            int status = session.ntdll().NtResetEvent(handle, previous);
            return done(console, "reset", object, status, "reset; it was "
                    + (previous[0] != 0 ? "signaled" : "not signaled"), "previous_state", previous[0]);
        }
    }

    /** {@code release OBJECT [--count N]}: releases a mutex the console owns, or a semaphore. */
    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Release a mutex the console owns (NtReleaseMutant) or a semaphore (NtReleaseSemaphore).")
    static final class Release implements Callable<Integer> {
        private final Console console;

        @Parameters(index = "0", paramLabel = "OBJECT", description = "A name the console holds, or a handle.")
        String object;

        @Option(names = "--count", paramLabel = "N", description = "semaphore: release N (default 1).")
        int count = 1;

        Release(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            long handle = HandleArgument.resolve(console, "release", object);
            if (handle == 0) {
                return 1;
            }
            Session session = console.session();
            int[] previous = new int[1];
            if ("Semaphore".equals(typeOf(session, handle))) {
                int status = session.ntdll().NtReleaseSemaphore(handle, count, previous);
                return done(console, "release", object, status, "released; the count was " + previous[0],
                        "previous_count", previous[0]);
            }
            int status = session.ntdll().NtReleaseMutant(handle, previous);
            return done(console, "release", object, status, "released; the count was " + previous[0],
                    "previous_count", previous[0]);
        }
    }

    /** The type of the console handle's object, or null for no such handle (the call then fails itself). */
    static String typeOf(Session session, long handle) {
        var entry = session.entry(handle);
        return entry == null ? null : entry.object().type().name();
    }
}
