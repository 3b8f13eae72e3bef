package dev.kobj.launcher;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trace COMMAND...}: runs a command while JFR records kobj's events (object calls, blocking
 * waits) and prints each as it arrives. The same events show in JDK Mission Control for any program
 * that runs kobj with a recording ({@code -XX:StartFlightRecording}).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Run COMMAND and print the kernel's JFR events meanwhile:",
            "dev.kobj.ObjectCall (create, open, close) and dev.kobj.Wait (waits that blocked, with their time)."})
final class TraceCommand implements Callable<Integer> {
    static final List<String> EVENTS = List.of("dev.kobj.ObjectCall", "dev.kobj.Wait");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Console console;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "A command and its arguments, e.g. demo events.")
    List<String> command;

    TraceCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.session(); // boot first: the boot's own calls are not the command's
        int code;
        try (RecordingStream stream = new RecordingStream()) {
            for (String event : EVENTS) {
                stream.enable(event).withoutThreshold();
            }
            stream.onEvent(event -> print(event));
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

    private void print(RecordedEvent e) {
        String line = switch (e.getEventType().getName()) {
            case "dev.kobj.ObjectCall" -> String.format("%-6s %-12s %s  handle 0x%X  %s", e.getString("operation"),
                    type(e), name(e), e.getLong("handle"), e.getString("status"));
            default -> String.format("%-6s %-12s %s  %d object%s%s  %s", "wait", type(e),
                    name(e), e.getInt("objectCount"), e.getInt("objectCount") == 1 ? "" : "s",
                    e.getBoolean("waitAll") ? " (all)" : "", e.getString("status"));
        };
        console.out().printf("trace: %s  pid %d tid %d  %s  %.3f ms%n", TIME.format(e.getStartTime()),
                e.getInt("processId"), e.getInt("threadId"), line, e.getDuration().toNanos() / 1e6).flush();
    }
}
