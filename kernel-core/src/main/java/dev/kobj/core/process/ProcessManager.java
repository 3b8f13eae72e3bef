package dev.kobj.core.process;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Processes and threads, minimal until the processes work lands: ids, sessions, adoption of Java
 * threads. Process and thread ids come from one pool, multiples of 4 from 4, never reused
 * (nt-semantics.md §10).
 */
public final class ProcessManager implements ProcessService {
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, KProcess> processes = new ConcurrentHashMap<>();

    @Inject
    public ProcessManager() {
    }

    @Override
    public KProcess createProcess(String imageName, int sessionId) {
        requireNonNull(imageName, "imageName is null");
        if (sessionId < 0) {
            throw new IllegalArgumentException("sessionId < 0: " + sessionId);
        }
        CoreProcess process = new CoreProcess(nextId(), sessionId, imageName);
        processes.put(process.id(), process);
        return process;
    }

    @Override
    public KThread adoptThread(KProcess process, Thread javaThread) {
        requireNonNull(process, "process is null");
        requireNonNull(javaThread, "javaThread is null");
        return new CoreThread(nextId(), process, javaThread);
    }

    @Override
    public Optional<KProcess> process(int id) {
        return Optional.ofNullable(processes.get(id));
    }

    private int nextId() {
        return lastId.addAndGet(4);
    }

    private record CoreProcess(int id, int sessionId, String imageName) implements KProcess {
    }

    private static final class CoreThread implements KThread {
        private final int id;
        private final KProcess process;
        private final Thread javaThread;
        private int lastError;

        CoreThread(int id, KProcess process, Thread javaThread) {
            this.id = id;
            this.process = process;
            this.javaThread = javaThread;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public KProcess process() {
            return process;
        }

        @Override
        public Thread javaThread() {
            return javaThread;
        }

        @Override
        public int lastError() {
            return lastError;
        }

        @Override
        public void setLastError(int error) {
            lastError = error;
        }
    }
}
