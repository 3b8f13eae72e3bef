package dev.kobj.core.object;

import static dev.kobj.api.object.ObjectAttributes.OBJ_CASE_INSENSITIVE;
import static dev.kobj.api.object.ObjectAttributes.OBJ_EXCLUSIVE;
import static dev.kobj.api.object.ObjectAttributes.OBJ_INHERIT;
import static dev.kobj.api.object.ObjectAttributes.OBJ_OPENIF;
import static dev.kobj.api.object.ObjectAttributes.OBJ_OPENLINK;
import static dev.kobj.api.object.ObjectAttributes.OBJ_PERMANENT;
import static dev.kobj.api.object.ObjectAttributes.OBJ_VALID_ATTRIBUTES;
import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_HANDLE_NOT_CLOSABLE;
import static dev.kobj.api.status.NtStatus.STATUS_INSUFFICIENT_RESOURCES;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_NOT_SAME_OBJECT;
import static dev.kobj.api.status.NtStatus.STATUS_NO_MORE_ENTRIES;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_COLLISION;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_EXISTS;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_PATH_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_PATH_SYNTAX_BAD;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_PRIVILEGE_NOT_HELD;
import static dev.kobj.api.status.NtStatus.STATUS_PROCESS_IS_TERMINATING;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import com.google.inject.Inject;
import dev.kobj.api.object.Access;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.object.ObjectProcedures.OpenReason;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.Privilege;
import dev.kobj.api.security.SecurityDescriptor;
import dev.kobj.api.status.NtStatus;
import dev.kobj.core.CoreTypes;
import dev.kobj.core.trace.ObjectCallEvent;
import dev.kobj.core.security.AccessCheck;
import dev.kobj.core.security.ObjectSecurity;
import dev.kobj.core.process.CoreProcess;
import dev.kobj.core.process.CoreThread;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object manager (nt-semantics.md §1–3). Lookups by handle are lock-free; creates and opens by
 * name take one directory lock at a time; type procedures run with no lock held.
 *
 * <p>Reference discipline: every path that finds an object takes a reference first (a lookup under
 * the directory lock, or {@link KernelObject#reference()} on an entry), and either turns it into a
 * handle ({@link #insert}) or drops it ({@link #release}); the delete procedure runs on the last drop.
 */
public final class ObjectManagerImpl implements ObjectManager {
    private static final Logger log = LoggerFactory.getLogger(ObjectManagerImpl.class);
    /** SYMBOLIC_LINK_QUERY and DIRECTORY_QUERY. */
    private static final int QUERY = 0x0001;
    private static final int PROCESS_DUP_HANDLE = 0x0040;
    private static final int DIRECTORY_CREATE_OBJECT = 0x0004;
    /** A header flag of the object manager's own: the object is in its type's object count. */
    private static final int COUNTED = 0x4000_0000;
    private static final int DIRECTORY_CREATE_SUBDIRECTORY = 0x0008;

    private final TypeStats[] statsBySerial; // each type's counters at its ObjectType.serial: the per-call lookup
    private final Namespace namespace;
    private final Map<KernelObject, KProcess> exclusiveOwners = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong namespaceChanges = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    public ObjectManagerImpl(Map<String, ObjectType> types) {
        this.statsBySerial = new TypeStats[types.values().stream().mapToInt(ObjectType::serial).max().orElse(-1) + 1];
        types.values().forEach(type -> statsBySerial[type.serial()] = new TypeStats(type));
        this.namespace = new Namespace(permanentDirectory(), this::release);
        counted(namespace.root());
        buildStandardNamespace(types.values());
    }

    // ---- create and open ----

    @Override
    public int create(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess,
            Supplier<? extends KernelObject> body, long[] handle) {
        return create(caller, attributes, type, desiredAccess, null, body, handle);
    }

    @Override
    public int create(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess,
            KernelObject body, long[] handle) {
        return create(caller, attributes, type, desiredAccess, body, null, handle);
    }

    /** Creates from {@code built}, or else from what {@code body} builds when a new object is needed. */
    private int create(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess,
            KernelObject built, Supplier<? extends KernelObject> body, long[] handle) {
        ObjectCallEvent event = ObjectCallEvent.beginIfEnabled();
        int status = createObject(caller, attributes, type, desiredAccess, built, body, handle);
        if (event != null) {
            trace(event, "create", caller, handle, null, type, attributes, status);
        }
        return status;
    }

    private int createObject(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess,
            KernelObject built, Supplier<? extends KernelObject> body, long[] handle) {
        clear(handle);
        ObjectAttributes oa = attributes == null ? ObjectAttributes.NONE : attributes;
        if ((oa.attributes() & ~OBJ_VALID_ATTRIBUTES) != 0 || handle == null) {
            return STATUS_INVALID_PARAMETER;
        }
        CoreProcess process = process(caller);
        Identity identity = process.identity();
        int access = grantCreator(type, desiredAccess, identity);
        if (access < 0) {
            return access;
        }
        if (oa.has(OBJ_PERMANENT) && !identity.isEnabled(Privilege.SeCreatePermanentPrivilege)) {
            return STATUS_PRIVILEGE_NOT_HELD;
        }
        if (oa.hasName()) {
            return createNamed(caller, process, oa, type, access, desiredAccess, built, body, handle);
        }
        KernelObject object = prepare(built != null ? built : body.get(), type, oa, process, null);
        counted(object);
        return insert(process, object, access, oa.attributes(), OpenReason.CREATE, handle, STATUS_SUCCESS);
    }

    private int createNamed(KThread caller, CoreProcess process, ObjectAttributes oa, ObjectType type, int access,
            int desiredAccess, KernelObject built, Supplier<? extends KernelObject> body, long[] handle) {
        Identity identity = process.identity();
        Namespace.Resolution where = resolve(caller, oa, oa.has(OBJ_OPENLINK), false);
        if (where.status() != STATUS_SUCCESS) {
            return where.status();
        }
        KernelObject existing = where.found();
        if (existing == null && !mayCreateIn(where.parent(), type, identity)) {
            return STATUS_ACCESS_DENIED;
        }
        if (existing == null) {
            // Built outside the directory lock: the body is plugin code. A loser of a race is dropped unseen.
            KernelObject candidate = prepare(built != null ? built : body.get(), type, oa, process, where.parent());
            existing = where.parent().insertOrReference(where.leaf(), oa.has(OBJ_CASE_INSENSITIVE), candidate);
            if (existing == null) {
                return STATUS_OBJECT_PATH_NOT_FOUND;
            }
            if (existing == candidate) {
                counted(candidate);
                return insert(process, candidate, access, oa.attributes(), OpenReason.CREATE, handle, STATUS_SUCCESS);
            }
            forgetExclusiveOwner(candidate);
        }
        // The name exists (§3.3): another type is a mismatch; the same type opens it with OBJ_OPENIF.
        if (existing.type() != type) {
            release(existing);
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if (!oa.has(OBJ_OPENIF)) {
            release(existing);
            return STATUS_OBJECT_NAME_COLLISION;
        }
        access = grantOpen(existing, desiredAccess, identity, false);
        if (access < 0) {
            release(existing);
            return access;
        }
        return insert(process, existing, access, oa.attributes(), OpenReason.OPEN, handle, STATUS_OBJECT_NAME_EXISTS);
    }

    @Override
    public int open(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess, long[] handle) {
        ObjectCallEvent event = ObjectCallEvent.beginIfEnabled();
        int status = openNamed(caller, attributes, type, desiredAccess, handle);
        if (event != null) {
            trace(event, "open", caller, handle, null, type, attributes, status);
        }
        return status;
    }

    private int openNamed(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess,
            long[] handle) {
        clear(handle);
        if (attributes == null || handle == null || (attributes.attributes() & ~OBJ_VALID_ATTRIBUTES) != 0) {
            return STATUS_INVALID_PARAMETER;
        }
        KernelObject object;
        if (!attributes.hasName()) {
            if (attributes.rootDirectory() == 0) {
                return STATUS_OBJECT_PATH_SYNTAX_BAD;
            }
            HandleEntry rootEntry = lookup(caller, attributes.rootDirectory());
            if (rootEntry == null) {
                return STATUS_INVALID_HANDLE;
            }
            object = rootEntry.object();
            if (!object.reference()) {
                return STATUS_INVALID_HANDLE;
            }
        } else {
            Namespace.Resolution where = resolve(caller, attributes,
                    attributes.has(OBJ_OPENLINK) || type == CoreTypes.SYMBOLIC_LINK, false);
            if (where.status() != STATUS_SUCCESS) {
                return where.status();
            }
            if (where.found() == null) {
                return STATUS_OBJECT_NAME_NOT_FOUND;
            }
            object = where.found();
        }
        if (type != null && object.type() != type) {
            release(object);
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        CoreProcess process = process(caller);
        int access = grantOpen(object, desiredAccess, process.identity(), true);
        if (access < 0) {
            release(object);
            return access;
        }
        return insert(process, object, access, attributes.attributes(), OpenReason.OPEN, handle, STATUS_SUCCESS);
    }

    @Override
    public int openObject(KThread caller, KernelObject object, int desiredAccess, int handleAttributes,
            long[] handle) {
        clear(handle);
        if (handle == null || object == null || (handleAttributes & ~OBJ_VALID_ATTRIBUTES) != 0) {
            return STATUS_INVALID_PARAMETER;
        }
        if (!object.reference()) {
            return STATUS_INVALID_HANDLE;
        }
        CoreProcess process = process(caller);
        int access = grantOpen(object, desiredAccess, process.identity(), false);
        if (access < 0) {
            release(object);
            return access;
        }
        return insert(process, object, access, handleAttributes, OpenReason.OPEN, handle, STATUS_SUCCESS);
    }

    @Override
    public int openParsed(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess,
            Object context, long[] handle) {
        clear(handle);
        if (attributes == null || !attributes.hasName() || handle == null
                || (attributes.attributes() & ~OBJ_VALID_ATTRIBUTES) != 0) {
            return attributes != null && !attributes.hasName() ? STATUS_OBJECT_PATH_SYNTAX_BAD : STATUS_INVALID_PARAMETER;
        }
        int access = grantCreator(type, desiredAccess, process(caller).identity()); // a new file object
        if (access < 0) {
            return access;
        }
        boolean caseInsensitive = attributes.has(OBJ_CASE_INSENSITIVE);
        Namespace.Resolution where = resolve(caller, attributes, false, true);
        if (where.status() != STATUS_SUCCESS) {
            return where.status();
        }
        KernelObject owner = where.found();
        if (owner == null) {
            return STATUS_OBJECT_NAME_NOT_FOUND;
        }
        String remaining = where.remaining() == null ? "" : where.remaining();
        KernelObject[] opened = new KernelObject[1];
        int status;
        try {
            status = owner.type().procedures().parse(owner, caller, remaining, caseInsensitive, context, opened);
        } finally {
            release(owner);
        }
        if (status < 0) {
            return status;
        }
        KernelObject object = opened[0];
        if (object == null || object.type() != type) {
            throw new IllegalStateException("the parse procedure of " + owner.type() + " opened " + object);
        }
        counted(object);
        return insert(process(caller), object, access, attributes.attributes() & OBJ_INHERIT, OpenReason.CREATE,
                handle, status);
    }

    /**
     * Where the attributes' name leads, from their root directory handle (none: from the root of the
     * namespace); a root handle that names nothing is STATUS_INVALID_HANDLE.
     */
    private Namespace.Resolution resolve(KThread caller, ObjectAttributes attributes, boolean openLink,
            boolean parse) {
        KernelObject root = null;
        if (attributes.rootDirectory() != 0) {
            HandleEntry rootEntry = lookup(caller, attributes.rootDirectory());
            if (rootEntry == null) {
                return Namespace.Resolution.failed(STATUS_INVALID_HANDLE);
            }
            root = rootEntry.object();
        }
        return namespace.resolve(root, attributes.name(), attributes.has(OBJ_CASE_INSENSITIVE), openLink, parse);
    }

    @Override
    public int insertPermanent(String directory, String name, KernelObject object) {
        Namespace.Resolution where = namespace.resolve(null, directory, false, false);
        if (where.status() != STATUS_SUCCESS) {
            return where.status();
        }
        if (!(where.found() instanceof ObjectDirectory parent)) {
            if (where.found() != null) {
                release(where.found());
            }
            return STATUS_OBJECT_PATH_NOT_FOUND;
        }
        try {
            permanent(object);
            KernelObject result = parent.insertOrReference(name, false, object);
            if (result != object) {
                if (result != null) {
                    release(result);
                }
                return result == null ? STATUS_OBJECT_PATH_NOT_FOUND : STATUS_OBJECT_NAME_COLLISION;
            }
            counted(object);
            return STATUS_SUCCESS;
        } finally {
            release(parent);
        }
    }

    @Override
    public int createPermanentLink(String directory, String name, String target) {
        return insertPermanent(directory, name, new SymbolicLinkObject(CoreTypes.SYMBOLIC_LINK, target));
    }

    @Override
    public int insert(KProcess process, KernelObject object, int desiredAccess, int handleAttributes, long[] handle) {
        clear(handle);
        if (handle == null || !object.reference()) {
            return STATUS_INVALID_PARAMETER;
        }
        int access = grantCreator(object.type(), desiredAccess, process.identity());
        if (access < 0) {
            release(object);
            return access;
        }
        return insert((CoreProcess) process, object, access, handleAttributes, OpenReason.OPEN, handle,
                STATUS_SUCCESS);
    }

    /**
     * Makes a handle from the reference the caller holds, which this consumes whatever happens. Runs the
     * type's open procedure first; {@code success} is the status to report when the handle is made.
     */
    private int insert(CoreProcess process, KernelObject object, int access, int attributes, OpenReason reason,
            long[] handle, int success) {
        if (object.isExclusive()) {
            KProcess owner = exclusiveOwners.get(object);
            if (owner != null && owner != process) {
                release(object);
                return STATUS_ACCESS_DENIED;
            }
        }
        int status;
        try {
            status = object.type().procedures().open(object, process, access, reason);
        } catch (RuntimeException | Error e) {
            release(object); // a throwing plugin still gets no half-made handle
            throw e;
        }
        if (status < 0) {
            release(object);
            return status;
        }
        counted(object); // objects made outside create (processes, threads, ports) count from their first handle
        object.referenceToHandle();
        HandleEntry entry = new HandleEntry(object, access, attributes);
        long value = process.handles().add(entry);
        if (value == 0) {
            handleGone(process, object, false);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        stats(object).handleOpened();
        // A handle made while the process runs down would outlive it (closeAll has passed its slot): the
        // add is published before the check, so either the rundown sees this handle or we see the end.
        VarHandle.fullFence();
        if (process.isEnded()) {
            if (process.handles().remove(value, entry)) {
                handleGone(process, object, true);
            }
            return STATUS_PROCESS_IS_TERMINATING;
        }
        handle[0] = value;
        return success;
    }

    /**
     * A new body with its security descriptor (from the creator, the directory or the token: see
     * {@link ObjectSecurity#assign}), marked permanent (holding its own reference) or exclusive as the
     * attributes ask.
     */
    private KernelObject prepare(KernelObject object, ObjectType type, ObjectAttributes oa,
            CoreProcess creator, KernelObject directory) {
        if (object == null || object.type() != type) {
            throw new IllegalStateException("the body for a create of " + type + " is " + object);
        }
        object.setSecurityDescriptor(ObjectSecurity.assign(oa.securityDescriptor(),
                directory == null ? null : directory.securityDescriptor(), type == CoreTypes.DIRECTORY,
                creator.token(), type.genericMapping()));
        if (oa.has(OBJ_PERMANENT)) {
            object.reference();
            object.setFlags(KernelObject.FLAG_PERMANENT, 0);
        }
        if (oa.has(OBJ_EXCLUSIVE)) {
            object.setFlags(KernelObject.FLAG_EXCLUSIVE, 0);
            exclusiveOwners.put(object, creator);
        }
        return object;
    }

    /**
     * The creator's access, as a non-negative mask, or a negative failure status. The creator is not
     * checked against the new descriptor (a Windows test: an empty DACL still gives its creator
     * every right it asks for); MAXIMUM_ALLOWED gives the type's valid rights. Bits outside the valid
     * mask are refused (nt-semantics.md §3.3), ACCESS_SYSTEM_SECURITY needs SeSecurityPrivilege.
     */
    private static int grantCreator(ObjectType type, int desiredAccess, Identity identity) {
        int access = type.mapAccess(desiredAccess);
        if ((access & Access.ACCESS_SYSTEM_SECURITY) != 0 && !identity.isEnabled(Privilege.SeSecurityPrivilege)) {
            return STATUS_PRIVILEGE_NOT_HELD;
        }
        if ((access & ~(type.validAccessMask() | Access.ACCESS_SYSTEM_SECURITY)) != 0) {
            return STATUS_ACCESS_DENIED;
        }
        return access;
    }

    /** DIRECTORY_CREATE_OBJECT (CREATE_SUBDIRECTORY for a directory) on the parent (§3.2); free for system directories. */
    private static boolean mayCreateIn(KernelObject directory, ObjectType type, Identity identity) {
        if (directory == null || directory.securityDescriptor() == null) {
            return true;
        }
        int right = type == CoreTypes.DIRECTORY ? DIRECTORY_CREATE_SUBDIRECTORY : DIRECTORY_CREATE_OBJECT;
        return AccessCheck.check(directory.securityDescriptor(), identity, right,
                CoreTypes.DIRECTORY.genericMapping()) >= 0;
    }

    /**
     * The access an open of an existing object gets: the request must stay inside the type's valid
     * mask (an open by name asking for nothing is refused), then the object's descriptor decides
     * ({@link AccessCheck}).
     */
    private static int grantOpen(KernelObject object, int desiredAccess, Identity identity, boolean byName) {
        ObjectType type = object.type();
        int mapped = type.genericMapping().map(desiredAccess);
        int requested = mapped & ~(Access.MAXIMUM_ALLOWED | Access.ACCESS_SYSTEM_SECURITY);
        if ((requested & ~type.validAccessMask()) != 0 || (byName && mapped == 0)) {
            return STATUS_ACCESS_DENIED;
        }
        int granted = AccessCheck.check(object.securityDescriptor(), identity, desiredAccess, type.genericMapping());
        return granted < 0 ? granted : granted & (type.validAccessMask() | Access.ACCESS_SYSTEM_SECURITY);
    }

    // ---- handles ----

    @Override
    public HandleEntry lookup(KThread caller, long handle) {
        CoreThread thread = (CoreThread) caller;
        // Values 0-3 make index -1, and negative values a huge one: one unsigned test finds the common case.
        long index = (handle >>> 2) - 1;
        if (Long.compareUnsigned(index, HandleTable.FIRST_SIZE) < 0) {
            // Most programs' handles: one load from the thread. Short chains of dependent loads
            // are what make an uncontended wait, set or release cheap.
            return thread.firstHandles()[(int) index];
        }
        if (index <= Integer.MAX_VALUE) { // -1 for values 0-3 included: no slot past the first page
            return thread.handles().entryPastFirst((int) index);
        }
        if (handle == CURRENT_PROCESS) {
            return thread.process().selfEntry();
        }
        return handle == CURRENT_THREAD ? thread.selfEntry() : null;
    }

    @Override
    public int close(KThread caller, long handle) {
        ObjectCallEvent event = ObjectCallEvent.beginIfEnabled();
        if (event == null) {
            return closeHandle(caller, handle);
        }
        HandleEntry entry = caller == null ? null : lookup(caller, handle);
        int status = closeHandle(caller, handle);
        trace(event, "close", caller, new long[] {handle}, entry == null ? null : entry.object(), null, null, status);
        return status;
    }

    /** Commits a traced call: the object the handle reached (or was to reach), and the status. */
    private void trace(ObjectCallEvent event, String operation, KThread caller, long[] handle, KernelObject object,
            ObjectType type, ObjectAttributes attributes, int status) {
        long value = handle == null || handle.length == 0 ? 0 : handle[0];
        if (object == null && value != 0 && status >= 0 && caller != null) {
            HandleEntry entry = lookup(caller, value);
            object = entry == null ? null : entry.object();
        }
        String typeName = object != null ? object.type().name() : type != null ? type.name() : null;
        String name = object != null ? namespace.pathOf(object)
                : attributes != null && attributes.hasName() ? attributes.name() : "";
        event.end(operation, caller == null ? 0 : caller.id(), caller == null ? 0 : caller.process().id(), typeName,
                name, value, NtStatus.name(status));
    }

    private int closeHandle(KThread caller, long handle) {
        if (handle == CURRENT_PROCESS || handle == CURRENT_THREAD) {
            return STATUS_SUCCESS;
        }
        return close(process(caller), handle);
    }

    private int close(CoreProcess process, long handle) {
        while (true) {
            HandleEntry entry = process.handles().get(handle);
            if (entry == null) {
                return STATUS_INVALID_HANDLE;
            }
            if (entry.protectFromClose() || !entry.object().type().procedures().okayToClose(entry.object(), process)) {
                return STATUS_HANDLE_NOT_CLOSABLE;
            }
            if (process.handles().remove(handle, entry)) {
                handleGone(process, entry.object(), true);
                return STATUS_SUCCESS;
            }
        }
    }

    /**
     * After a handle left a table, or never got into a full one: counts (if it was counted), the close
     * procedure (always: the open procedure ran), the name check, the reference dropped.
     */
    private void handleGone(CoreProcess process, KernelObject object, boolean counted) {
        int left = object.handleToReference();
        try {
            if (counted) {
                stats(object).handleClosed();
            }
            object.type().procedures().close(object, process, left); // always: the open procedure ran
        } finally { // a throwing close procedure still loses the name and the reference
            if (left == 0 && object.directory() instanceof ObjectDirectory directory) {
                directory.removeIfTemporaryAndUnused(object);
            }
            release(object);
        }
    }

    /** Drops an exclusive object's owner; others were never in the map (hashing each would cost more than a create). */
    private void forgetExclusiveOwner(KernelObject object) {
        if (object.isExclusive()) {
            exclusiveOwners.remove(object);
        }
    }

    @Override
    public boolean reference(KernelObject object) {
        return object.reference();
    }

    @Override
    public void dereference(KernelObject object) {
        release(object);
    }

    private void release(KernelObject object) {
        if (object.dereference()) {
            if (object.directory() instanceof ObjectDirectory directory) {
                directory.remove(object); // only a create refused before its first handle gets here named
            }
            forgetExclusiveOwner(object);
            if ((object.setFlags(0, COUNTED) & COUNTED) != 0) {
                stats(object).objectDeleted();
            }
            object.type().procedures().delete(object);
        }
    }

    @Override
    public int duplicate(KThread caller, long sourceProcess, long sourceHandle, long targetProcess,
            long[] targetHandle, int desiredAccess, int handleAttributes, int options) {
        clear(targetHandle);
        HandleEntry sourceProcessEntry = lookup(caller, sourceProcess);
        int status = checkProcess(sourceProcessEntry);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        CoreProcess source = (CoreProcess) sourceProcessEntry.object();
        HandleEntry entry = sourceHandle == CURRENT_PROCESS ? source.selfEntry()
                : sourceHandle == CURRENT_THREAD && source == process(caller) ? ((CoreThread) caller).selfEntry()
                : source.handles().get(sourceHandle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        KernelObject object = entry.object();
        if (!object.reference()) {
            return STATUS_INVALID_HANDLE;
        }
        // CLOSE_SOURCE closes the source whatever the outcome (§2.4), but last, as NT does: the source may
        // be the handle naming the target, and closing first could take a file object through its cleanup
        // (last handle gone) before the new handle exists.
        boolean closeSource = (options & DUPLICATE_CLOSE_SOURCE) != 0 && sourceHandle != CURRENT_PROCESS
                && sourceHandle != CURRENT_THREAD;
        try {
            if (closeSource && targetProcess == 0) {
                return STATUS_SUCCESS;
            }
            HandleEntry targetEntry = lookup(caller, targetProcess);
            status = checkProcess(targetEntry);
            if (status != STATUS_SUCCESS) {
                return status;
            }
            if (targetHandle == null) {
                return STATUS_INVALID_PARAMETER;
            }
            int access = entry.grantedAccess();
            if ((options & DUPLICATE_SAME_ACCESS) == 0) {
                // Narrowing only: a duplicate never has a right its source lacks (MAXIMUM_ALLOWED: the source's).
                access = (desiredAccess & Access.MAXIMUM_ALLOWED) != 0 ? entry.grantedAccess()
                        : object.type().genericMapping().map(desiredAccess);
                if ((access & ~entry.grantedAccess()) != 0) {
                    return STATUS_ACCESS_DENIED;
                }
            }
            int attributes = (options & DUPLICATE_SAME_ATTRIBUTES) != 0 ? entry.attributes()
                    : handleAttributes & OBJ_INHERIT;
            object.reference(); // the insert consumes one; the finally block drops ours
            return insert((CoreProcess) targetEntry.object(), object, access, attributes, OpenReason.DUPLICATE,
                    targetHandle, STATUS_SUCCESS);
        } finally {
            if (closeSource) {
                close(source, sourceHandle);
            }
            release(object);
        }
    }

    private static int checkProcess(HandleEntry entry) {
        return entry == null ? STATUS_INVALID_HANDLE : entry.check(CoreTypes.PROCESS, PROCESS_DUP_HANDLE);
    }

    @Override
    public int handleAttributes(KThread caller, long handle, int[] attributes) {
        HandleEntry entry = process(caller).handles().get(handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (attributes == null) {
            return STATUS_INVALID_PARAMETER;
        }
        attributes[0] = entry.attributes();
        return STATUS_SUCCESS;
    }

    @Override
    public int setHandleAttributes(KThread caller, long handle, int mask, int attributes) {
        CoreProcess process = process(caller);
        while (true) {
            HandleEntry entry = process.handles().get(handle);
            if (entry == null) {
                return STATUS_INVALID_HANDLE;
            }
            int bits = (entry.attributes() & ~mask) | (attributes & mask);
            if (process.handles().replace(handle, entry, new HandleEntry(entry.object(), entry.grantedAccess(), bits))) {
                return STATUS_SUCCESS;
            }
        }
    }

    @Override
    public int compare(KThread caller, long first, long second) {
        HandleEntry a = lookup(caller, first);
        HandleEntry b = lookup(caller, second);
        if (a == null || b == null) {
            return STATUS_INVALID_HANDLE;
        }
        return a.object() == b.object() ? STATUS_SUCCESS : STATUS_NOT_SAME_OBJECT;
    }

    // ---- queries ----

    @Override
    public int queryBasic(KThread caller, long handle, ObjectInfo.Basic[] info) {
        HandleEntry entry = lookup(caller, handle);
        int status = queryable(entry, info);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        KernelObject object = entry.object();
        int flags = (object.isPermanent() ? OBJ_PERMANENT : 0) | (object.isExclusive() ? OBJ_EXCLUSIVE : 0);
        info[0] = new ObjectInfo.Basic(entry.attributes() | flags, entry.grantedAccess(), object.handleCount(),
                Math.max(object.pointerCount(), object.handleCount()));
        return STATUS_SUCCESS;
    }

    @Override
    public int queryName(KThread caller, long handle, ObjectInfo.Name[] info) {
        HandleEntry entry = lookup(caller, handle);
        int status = queryable(entry, info);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        KernelObject object = entry.object();
        String name = object.type().procedures().queryName(object);
        info[0] = new ObjectInfo.Name(name != null ? name : namespace.pathOf(object));
        return STATUS_SUCCESS;
    }

    @Override
    public int queryType(KThread caller, long handle, ObjectInfo.Type[] info) {
        HandleEntry entry = lookup(caller, handle);
        int status = queryable(entry, info);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        info[0] = typeInfo(entry.object().type());
        return STATUS_SUCCESS;
    }

    /** The checks every query makes: a valid handle, then somewhere to put the answer. */
    private static int queryable(HandleEntry entry, Object[] info) {
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        return info == null || info.length == 0 ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
    }

    @Override
    public ObjectInfo.Type typeInfo(ObjectType type) {
        return stats(type).info();
    }

    @Override
    public int makeTemporary(KThread caller, long handle) {
        HandleEntry entry = lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        KernelObject object = entry.object();
        if ((object.setFlags(0, KernelObject.FLAG_PERMANENT) & KernelObject.FLAG_PERMANENT) == 0) {
            return STATUS_SUCCESS;
        }
        if (object.handleCount() == 0 && object.directory() instanceof ObjectDirectory directory) {
            directory.removeIfTemporaryAndUnused(object);
        }
        release(object); // the reference permanence held
        return STATUS_SUCCESS;
    }

    @Override
    public int makePermanent(KThread caller, long handle) {
        HandleEntry entry = lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!process(caller).identity().isEnabled(Privilege.SeCreatePermanentPrivilege)) {
            return STATUS_PRIVILEGE_NOT_HELD;
        }
        KernelObject object = entry.object();
        if (object.reference() && (object.setFlags(KernelObject.FLAG_PERMANENT, 0) & KernelObject.FLAG_PERMANENT) != 0) {
            release(object); // already permanent: it holds its reference
        }
        return STATUS_SUCCESS;
    }

    // ---- directories and symbolic links ----

    @Override
    public int createDirectory(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return create(caller, attributes, CoreTypes.DIRECTORY, desiredAccess,
                () -> new ObjectDirectory(CoreTypes.DIRECTORY, namespaceChanges), handle);
    }

    @Override
    public int openDirectory(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return open(caller, attributes, CoreTypes.DIRECTORY, desiredAccess, handle);
    }

    @Override
    public int queryDirectory(KThread caller, long handle, int maxEntries, boolean restartScan, int[] context,
            List<ObjectInfo.DirectoryEntry> entries) {
        HandleEntry entry = lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int status = entry.check(CoreTypes.DIRECTORY, QUERY);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (context == null || maxEntries < 1) {
            return STATUS_INVALID_PARAMETER;
        }
        List<KernelObject> all = ((ObjectDirectory) entry.object()).entries();
        int index = restartScan ? 0 : context[0];
        if (index < 0 || index >= all.size()) {
            return STATUS_NO_MORE_ENTRIES;
        }
        int end = (int) Math.min(all.size(), (long) index + maxEntries);
        for (int i = index; i < end; i++) {
            KernelObject object = all.get(i);
            String name = object.name();
            entries.add(new ObjectInfo.DirectoryEntry(name == null ? "" : name, object.type().name()));
        }
        context[0] = end;
        return STATUS_SUCCESS;
    }

    @Override
    public int createSymbolicLink(KThread caller, ObjectAttributes attributes, int desiredAccess, String target,
            long[] handle) {
        if (target == null) {
            clear(handle);
            return STATUS_INVALID_PARAMETER;
        }
        return create(caller, attributes, CoreTypes.SYMBOLIC_LINK, desiredAccess,
                () -> new SymbolicLinkObject(CoreTypes.SYMBOLIC_LINK, target), handle);
    }

    @Override
    public int openSymbolicLink(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
        return open(caller, attributes, CoreTypes.SYMBOLIC_LINK, desiredAccess, handle);
    }

    @Override
    public int querySymbolicLink(KThread caller, long handle, String[] target) {
        HandleEntry entry = lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int status = entry.check(CoreTypes.SYMBOLIC_LINK, QUERY);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (target == null) {
            return STATUS_INVALID_PARAMETER;
        }
        target[0] = ((SymbolicLinkObject) entry.object()).target();
        return STATUS_SUCCESS;
    }

    @Override
    public int inheritHandles(KProcess parent, KProcess child) {
        CoreProcess from = (CoreProcess) parent;
        CoreProcess to = (CoreProcess) child;
        int[] copied = new int[1];
        from.handles().forEach((entry, handle) -> {
            KernelObject object = entry.object();
            if (!entry.inherit() || !object.reference()) {
                return;
            }
            int opened;
            try {
                opened = object.type().procedures().open(object, to, entry.grantedAccess(), OpenReason.INHERIT);
            } catch (RuntimeException | Error e) {
                release(object); // as in insert: a throwing plugin gets no half-made handle
                throw e;
            }
            if (opened < 0) {
                release(object);
                return;
            }
            object.referenceToHandle();
            if (!to.handles().addAt(Integer.toUnsignedLong(handle), entry)) {
                handleGone(to, object, false);
                return;
            }
            stats(object).handleOpened();
            copied[0]++;
        });
        return copied[0];
    }

    @Override
    public int closeAll(KProcess process) {
        CoreProcess core = (CoreProcess) process;
        int[] closed = new int[1];
        core.handles().forEach((entry, handle) -> {
            if (core.handles().remove(Integer.toUnsignedLong(handle), entry)) {
                closed[0]++;
                try {
                    handleGone(core, entry.object(), true);
                } catch (RuntimeException e) {
                    // One plugin's faulty procedure must not stop the rundown: the other handles still
                    // close and the process is still signalled.
                    log.warn("a {} procedure threw while process {} ran down", entry.object().type().name(),
                            core.id(), e);
                }
            }
        });
        return closed[0];
    }

    @Override
    public String baseNamedObjects(int sessionId) {
        if (sessionId == 0) {
            return "\\BaseNamedObjects";
        }
        String path = "\\Sessions\\" + sessionId + "\\BaseNamedObjects";
        ObjectDirectory sessions = (ObjectDirectory) namespace.root().find("Sessions", false);
        ObjectDirectory session = ensureDirectory(sessions, Integer.toString(sessionId));
        ObjectDirectory objects = ensureDirectory(session, "BaseNamedObjects");
        baseNamedObjectsLinks(objects, path);
        ObjectDirectory links = (ObjectDirectory) sessions.find("BNOLINKS", false);
        ensureLink(links, Integer.toString(sessionId), path);
        return path;
    }

    // ---- the standard namespace (§3.1) ----

    private void buildStandardNamespace(java.util.Collection<ObjectType> registered) {
        ObjectDirectory root = namespace.root();
        ObjectDirectory types = ensureDirectory(root, "ObjectTypes");
        registered.forEach(type -> ensure(types, type.name(), () -> new TypeObject(type)));
        ObjectDirectory global = ensureDirectory(root, "BaseNamedObjects");
        baseNamedObjectsLinks(global, "\\BaseNamedObjects");
        ObjectDirectory sessions = ensureDirectory(root, "Sessions");
        ObjectDirectory links = ensureDirectory(sessions, "BNOLINKS");
        ensureLink(links, "0", "\\BaseNamedObjects");
        ensureDirectory(root, "KernelObjects");
        ensureDirectory(root, "Device");
        ensureDirectory(root, "??");
        ensureLink(root, "DosDevices", "\\??");
        ensureLink(root, "GLOBAL??", "\\??");
    }

    /** Global, Local and Session inside a BaseNamedObjects directory. */
    private void baseNamedObjectsLinks(ObjectDirectory directory, String self) {
        ensureLink(directory, "Global", "\\BaseNamedObjects");
        ensureLink(directory, "Local", self);
        ensureLink(directory, "Session", "\\Sessions\\BNOLINKS");
    }

    private ObjectDirectory ensureDirectory(ObjectDirectory parent, String name) {
        return (ObjectDirectory) ensure(parent, name, this::permanentDirectory);
    }

    private void ensureLink(ObjectDirectory parent, String name, String target) {
        ensure(parent, name, () -> permanent(new SymbolicLinkObject(CoreTypes.SYMBOLIC_LINK, target)));
    }

    @Override
    public KernelObject systemObject(String path, ObjectType type, Supplier<? extends KernelObject> body) {
        java.util.Objects.requireNonNull(type, "type is null");
        java.util.Objects.requireNonNull(body, "body is null");
        stats(type); // a type of this kernel
        Namespace.Resolution where = namespace.resolve(null, java.util.Objects.requireNonNull(path, "path is null"),
                false, false);
        if (where.status() != STATUS_SUCCESS || where.parent() == null) {
            return null;
        }
        KernelObject object = where.found();
        if (object != null) {
            release(object); // the resolution's reference
        } else {
            object = ensure(where.parent(), where.leaf(), () -> permanent(body.get()));
        }
        return object.type() == type ? object : null;
    }

    /** The permanent system object {@code parent\name}, made on first use. */
    private KernelObject ensure(ObjectDirectory parent, String name, Supplier<KernelObject> make) {
        KernelObject existing = parent.find(name, false);
        if (existing != null) {
            return existing;
        }
        KernelObject candidate = make.get();
        KernelObject result = parent.insertOrReference(name, false, candidate);
        if (result == candidate) {
            counted(candidate);
        } else {
            result.dereference(); // permanent: never the last reference
        }
        return result;
    }

    private ObjectDirectory permanentDirectory() {
        return permanent(new ObjectDirectory(CoreTypes.DIRECTORY, namespaceChanges));
    }

    /** A system object: permanent, its creator's reference kept as the permanence reference. */
    private static <T extends KernelObject> T permanent(T object) {
        object.setFlags(KernelObject.FLAG_PERMANENT, 0);
        return object;
    }

    // ---- helpers ----

    /** Puts the object in its type's count, once. */
    private void counted(KernelObject object) {
        if ((object.setFlags(COUNTED, 0) & COUNTED) == 0) {
            stats(object).objectCreated();
        }
    }

    private TypeStats stats(KernelObject object) {
        return stats(object.type());
    }

    private TypeStats stats(ObjectType type) {
        int serial = type.serial();
        TypeStats typeStats = serial < statsBySerial.length ? statsBySerial[serial] : null;
        if (typeStats == null) {
            throw new IllegalStateException("type " + type + " is not registered with this kernel");
        }
        return typeStats;
    }

    private static CoreProcess process(KThread caller) {
        return ((CoreThread) caller).process();
    }

    private static void clear(long[] handle) {
        if (handle != null && handle.length > 0) {
            handle[0] = 0;
        }
    }

    /** An entry of \ObjectTypes. */
    static final class TypeObject extends KernelObject {
        private final ObjectType descriptor;

        TypeObject(ObjectType descriptor) {
            super(CoreTypes.TYPE);
            this.descriptor = descriptor;
            setFlags(FLAG_PERMANENT, 0);
        }

        ObjectType descriptor() {
            return descriptor;
        }
    }
}
