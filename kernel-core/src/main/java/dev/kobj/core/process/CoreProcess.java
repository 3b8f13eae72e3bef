package dev.kobj.core.process;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.ProcessService;
import dev.kobj.core.CoreTypes;
import dev.kobj.api.security.Identity;
import dev.kobj.core.object.HandleTable;
import dev.kobj.core.security.TokenObject;

/** A Process object: id, session, image name and its handle table. Thread-safe. */
public final class CoreProcess extends KernelObject implements KProcess, Waitable {
    /** PROCESS_ALL_ACCESS, what the current-process pseudo-handle grants. */
    public static final int ALL_ACCESS = 0x001F_FFFF;

    private final int id;
    private final int sessionId;
    private final String imageName;
    private final HandleTable handles;
    private final TokenObject token;
    private final HandleEntry self;
    private final DispatcherEvent endedEvent;
    private final boolean endsWithLastThread;
    private final ProcessManager manager;
    final java.util.concurrent.atomic.AtomicInteger liveThreads = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.Set<CoreThread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int exitCode = ProcessService.STILL_ACTIVE;
    private volatile int creationFlags;
    /** User time of its threads that have ended, in nanoseconds. */
    final java.util.concurrent.atomic.AtomicLong endedUserTime = new java.util.concurrent.atomic.AtomicLong();
    /** Committed bytes charged by the families (sections); jobs read it. */
    private final java.util.concurrent.atomic.AtomicLong committedBytes = new java.util.concurrent.atomic.AtomicLong();

    CoreProcess(int id, int sessionId, String imageName, Identity identity, HandleTablePolicy policy,
            DispatcherContext context, boolean endsWithLastThread, ProcessManager manager) {
        super(CoreTypes.PROCESS);
        this.manager = manager;
        this.endedEvent = new DispatcherEvent(context, true, false);
        this.endsWithLastThread = endsWithLastThread;
        this.id = id;
        this.sessionId = sessionId;
        this.imageName = imageName;
        this.handles = new HandleTable(policy);
        this.token = new TokenObject(identity, sessionId);
        setSecurityDescriptor(token.defaultDescriptor());
        this.self = new HandleEntry(this, ALL_ACCESS, 0);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int sessionId() {
        return sessionId;
    }

    @Override
    public String imageName() {
        return imageName;
    }

    @Override
    public long userTimeNanos() {
        long total = endedUserTime.get();
        for (CoreThread thread : threads) {
            total += CoreThread.userTimeOf(thread.javaThread());
        }
        return total;
    }

    @Override
    public int creationFlags() {
        return creationFlags;
    }

    void setCreationFlags(int flags) {
        this.creationFlags = flags;
    }

    @Override
    public Identity identity() {
        return token.identity();
    }

    /** The primary token: the process's identity and the default descriptor of what it creates. */
    public TokenObject token() {
        return token;
    }

    public java.util.concurrent.atomic.AtomicLong committedBytes() {
        return committedBytes;
    }

    public HandleTable handles() {
        return handles;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }

    @Override
    public boolean isEnded() {
        return ended.get();
    }

    /** Ends the process once with {@code code}; true for the caller that did. */
    boolean markEnded(int code) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        exitCode = code;
        return true;
    }

    ProcessManager manager() {
        return manager;
    }

    /** The Process type's close procedure: no handle to this process is left. */
    public void lastHandleClosed() {
        manager.lastHandleClosed(this);
    }

    boolean endsWithLastThread() {
        return endsWithLastThread;
    }

    /** Signalled once the process has ended. */
    @Override
    public DispatcherEvent dispatcherObject() {
        return endedEvent;
    }

    /** The entry the pseudo-handle -1 stands for. */
    public HandleEntry selfEntry() {
        return self;
    }

    @Override
    public String toString() {
        return "Process[" + id + " " + imageName + "]";
    }
}
