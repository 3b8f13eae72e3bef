package dev.kobj.core.testplugin;

import com.google.inject.Binder;
import com.google.inject.Inject;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessListener;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test-only plugin listening to process and thread lifecycles: one listener records every event and
 * exposes them through a service, another always throws (the core must carry on).
 */
public final class LifecycleModule implements KernelModule {
    /** One lifecycle event: {@code kind} created/exited/ended, the process or thread id, and the parent id or exit code. */
    public record Event(String kind, int id, int value, boolean heldLock) {
    }

    /** The recorded events, oldest first. */
    public interface LifecycleLog {
        List<Event> events();
    }

    @Override
    public String id() {
        return "lifecycle";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder)
                .processListener(Throwing.class)
                .processListener(Recording.class)
                .service(LifecycleLog.class, LogImpl.class);
    }

    static final class Recording implements ProcessListener {
        final Queue<Event> events = new ConcurrentLinkedQueue<>();

        @Inject
        Recording(ObjectManager objects) { // a listener may use services the process service does not need
            java.util.Objects.requireNonNull(objects, "objects is null");
        }

        @Override
        public void processCreated(KProcess process, KProcess parent) {
            events.add(new Event("created", process.id(), parent == null ? 0 : parent.id(), Thread.holdsLock(process)));
        }

        @Override
        public void processExited(KProcess process, int exitCode) {
            events.add(new Event("exited", process.id(), exitCode, Thread.holdsLock(process)));
        }

        @Override
        public void threadEnded(KThread thread, int exitCode) {
            events.add(new Event("ended", thread.id(), exitCode, Thread.holdsLock(thread)));
        }
    }

    static final class Throwing implements ProcessListener {
        @Inject
        Throwing() {
        }

        @Override
        public void processCreated(KProcess process, KProcess parent) {
            throw new IllegalStateException("a faulty listener (expected in tests)");
        }

        @Override
        public void threadEnded(KThread thread, int exitCode) {
            throw new IllegalStateException("a faulty listener (expected in tests)");
        }
    }

    static final class LogImpl implements LifecycleLog {
        private final Recording recording;

        @Inject
        LogImpl(Recording recording) {
            this.recording = java.util.Objects.requireNonNull(recording, "recording is null");
        }

        @Override
        public List<Event> events() {
            return List.copyOf(recording.events);
        }
    }
}
