package dev.kobj.core.process;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Processes and threads, minimal until the processes work lands: ids, sessions, handle tables,
 * adoption of Java threads. Process and thread ids come from one pool, multiples of 4 from 4, never
 * reused (nt-semantics.md §10).
 */
public final class ProcessManager implements ProcessService {
    private final HandleTablePolicy policy;
    private final ObjectManager objects;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, CoreProcess> processes = new ConcurrentHashMap<>();

    @Inject
    public ProcessManager(HandleTablePolicy policy, ObjectManager objects) {
        this.policy = requireNonNull(policy, "policy is null");
        this.objects = requireNonNull(objects, "objects is null");
    }

    @Override
    public KProcess createProcess(String imageName, int sessionId) {
        requireNonNull(imageName, "imageName is null");
        if (sessionId < 0) {
            throw new IllegalArgumentException("sessionId < 0: " + sessionId);
        }
        objects.baseNamedObjects(sessionId);
        CoreProcess process = new CoreProcess(nextId(), sessionId, imageName, policy);
        processes.put(process.id(), process);
        return process;
    }

    @Override
    public KThread adoptThread(KProcess process, Thread javaThread) {
        requireNonNull(process, "process is null");
        requireNonNull(javaThread, "javaThread is null");
        return new CoreThread(nextId(), (CoreProcess) process, javaThread);
    }

    @Override
    public Optional<KProcess> process(int id) {
        return Optional.ofNullable(processes.get(id));
    }

    private int nextId() {
        return lastId.addAndGet(4);
    }
}
