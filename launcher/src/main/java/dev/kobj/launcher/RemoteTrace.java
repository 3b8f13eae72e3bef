package dev.kobj.launcher;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * {@code trace --pid PID}: kobj's JFR events of another JVM, streamed live. The Attach API starts that
 * JVM's local JMX agent; a {@link RemoteRecordingStream} over it enables the events without threshold.
 * Ends with the target, an interrupt (Ctrl-C in the shell) or the duration. Its own class so that
 * jdk.attach and JMX load only for this command.
 */
final class RemoteTrace {
    /** How often the connection is checked while no event arrives: the target may have ended. */
    private static final Duration POLL = Duration.ofMillis(500);

    private final Console console;

    RemoteTrace(Console console) {
        this.console = console;
    }

    /** Streams until the target ends, the thread is interrupted or {@code duration} (null: no limit) is over. */
    int run(long pid, Duration duration) {
        if (ProcessHandle.of(pid).isEmpty()) {
            return console.fail("trace: no process " + pid);
        }
        // Only a JVM that lists itself is attached to: attaching to anything else would send it SIGQUIT.
        boolean jvm = VirtualMachine.list().stream().map(VirtualMachineDescriptor::id)
                .anyMatch(id -> id.equals(Long.toString(pid)));
        if (!jvm) {
            return console.fail("trace: process " + pid + " is not a Java VM (or not one of this user's)");
        }
        if (pid == ProcessHandle.current().pid()) {
            return console.fail("trace: " + pid + " is this kobj; use trace COMMAND");
        }
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException e) {
            console.debug(e);
            return console.fail("trace: cannot attach to " + pid + ": " + firstLine(e.getMessage()));
        }
        JMXConnector connector = null;
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return stream(pid, connector.getMBeanServerConnection(), duration);
        } catch (IOException e) {
            console.debug(e);
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return ended(pid);
            }
            return console.fail("trace: lost pid " + pid + ": " + firstLine(e.getMessage()));
        } finally {
            closeQuietly(connector);
        }
    }

    private int stream(long pid, MBeanServerConnection connection, Duration duration) throws IOException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        RemoteRecordingStream stream = new RemoteRecordingStream(connection);
        // Ctrl-C at a one-shot `kobj trace --pid` ends this JVM: close the target's recording on the way out.
        AtomicBoolean exiting = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            exiting.set(true);
            closeQuietly(stream);
        }, "kobj-trace-close");
        Runtime.getRuntime().addShutdownHook(closer);
        boolean ended = false;
        try {
            for (String event : TraceCommand.EVENTS) {
                stream.enable(event).withoutThreshold();
            }
            stream.onEvent(event -> TraceCommand.print(console, event));
            CountDownLatch closed = new CountDownLatch(1);
            stream.onClose(closed::countDown);
            stream.startAsync();
            console.err().println("trace: streaming kobj events of pid " + pid
                    + (duration == null ? " (Ctrl-C ends)" : " for " + duration.toMillis() + " ms"));
            console.err().flush();
            boolean interrupted = false;
            try {
                for (long left = deadline - System.nanoTime(); !ended && left > 0; left = deadline - System.nanoTime()) {
                    ended = closed.await(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS) || !alive(pid, connection);
                }
            } catch (InterruptedException e) {
                interrupted = true; // Ctrl-C in the shell: stop as at the end of the duration
            }
            if (exiting.get()) {
                return 0; // this JVM is exiting (Ctrl-C): the hook closed the stream, the target runs on
            }
            if (!ended) {
                stream.stop(); // the target's last events, still in its buffers, are printed first
            }
            if (interrupted) {
                Thread.currentThread().interrupt(); // the shell clears it before the next command
            }
        } finally {
            closeQuietly(stream);
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook is running or has run
            }
        }
        console.out().flush();
        return ended ? ended(pid) : 0;
    }

    private int ended(long pid) {
        console.out().flush();
        console.err().println("trace: pid " + pid + " ended");
        console.err().flush();
        return 0;
    }

    /** Closing what spoke to a target that has ended fails; there is nothing left to release then. */
    private void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            console.debug(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip().replaceAll(";.*$", "");
    }

    private static boolean alive(long pid, MBeanServerConnection connection) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                connection.getMBeanCount();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
