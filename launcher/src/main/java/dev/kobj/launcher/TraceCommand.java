package dev.kobj.launcher;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trace COMMAND...}: runs a command while JFR records kobj's events (object calls, blocking
 * waits) and prints each as it arrives; {@code trace --pid PID} prints them from another JVM that runs
 * kobj ({@link RemoteTrace}). The same events show in JDK Mission Control for any program that runs
 * kobj with a recording ({@code -XX:StartFlightRecording}).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Run COMMAND and print the kernel's JFR events meanwhile:",
            "dev.kobj.ObjectCall (create, open, close) and dev.kobj.Wait (waits that blocked, with their time).",
            "With --pid, print them from another JVM running kobj until it ends, Ctrl-C or --duration."})
final class TraceCommand implements Callable<Integer> {
    static final List<String> EVENTS = List.of("dev.kobj.ObjectCall", "dev.kobj.Wait");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Console console;

    @Option(names = "--pid", paramLabel = "PID", description = "Attach to the JVM with this (host) process id.")
    Long pid;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "With --pid, stop after TIME (e.g. 3s, 500ms, 2m; a bare number is seconds).")
    Duration duration;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "A command and its arguments, e.g. demo events.")
    List<String> command = List.of();

    TraceCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (pid != null) {
            if (!command.isEmpty()) {
                throw new IllegalArgumentException("trace: give a COMMAND or --pid, not both");
            }
            return new RemoteTrace(console).run(pid, duration);
        }
        if (command.isEmpty() || duration != null) {
            throw new IllegalArgumentException(command.isEmpty() ? "trace: give a COMMAND or --pid PID"
                    : "trace: --duration goes with --pid");
        }
        console.session(); // boot first: the boot's own calls are not the command's
        int code;
        try (RecordingStream stream = new RecordingStream()) {
            for (String event : EVENTS) {
                stream.enable(event).withoutThreshold();
            }
            stream.onEvent(event -> print(console, event));
            stream.startAsync();
            try {
                code = console.execute(command);
            } finally {
                stream.stop(); // flushes: every event of the command is printed before the next prompt
            }
        }
        console.out().flush();
        return code;
    }

    private static String name(RecordedEvent e) {
        String name = e.getString("objectName");
        return name == null || name.isEmpty() ? "(unnamed)" : name;
    }

    private static String type(RecordedEvent e) {
        String type = e.getString("objectType");
        return type == null ? "-" : type;
    }

    /** Prints one event's line at once (a live view). */
    static void print(Console console, RecordedEvent event) {
        console.out().println(format(event));
        console.out().flush();
    }

    /** One event as a line: {@code trace: TIME  pid P tid T  OPERATION TYPE NAME ... STATUS  MS ms}. */
    static String format(RecordedEvent e) {
        String line = switch (e.getEventType().getName()) {
            case "dev.kobj.ObjectCall" -> String.format("%-6s %-12s %s  handle 0x%X  %s", e.getString("operation"),
                    type(e), name(e), e.getLong("handle"), e.getString("status"));
            default -> String.format("%-6s %-12s %s  %d object%s%s  %s", "wait", type(e),
                    name(e), e.getInt("objectCount"), e.getInt("objectCount") == 1 ? "" : "s",
                    e.getBoolean("waitAll") ? " (all)" : "", e.getString("status"));
        };
        return String.format("trace: %s  pid %d tid %d  %s  %.3f ms", TIME.format(e.getStartTime()),
                e.getInt("processId"), e.getInt("threadId"), line, e.getDuration().toNanos() / 1e6);
    }

    /** {@code 3s}, {@code 500ms}, {@code 2m}, or a bare number of seconds; positive. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern TIME = Pattern.compile("(\\d{1,9})(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = TIME.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 3s, 500ms or 2m");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }
}
