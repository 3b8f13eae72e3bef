package dev.kobj.core.process;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KProcess;
import dev.kobj.core.CoreTypes;
import dev.kobj.core.object.HandleTable;

/** A Process object: id, session, image name and its handle table. Thread-safe. */
public final class CoreProcess extends KernelObject implements KProcess {
    /** PROCESS_ALL_ACCESS, what the current-process pseudo-handle grants. */
    public static final int ALL_ACCESS = 0x001F_FFFF;

    private final int id;
    private final int sessionId;
    private final String imageName;
    private final HandleTable handles;
    private final HandleEntry self;

    CoreProcess(int id, int sessionId, String imageName, HandleTablePolicy policy) {
        super(CoreTypes.PROCESS);
        this.id = id;
        this.sessionId = sessionId;
        this.imageName = imageName;
        this.handles = new HandleTable(policy);
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

    public HandleTable handles() {
        return handles;
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
