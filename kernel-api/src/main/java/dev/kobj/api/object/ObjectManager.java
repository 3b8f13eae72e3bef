package dev.kobj.api.object;

import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.List;
import java.util.function.Supplier;

/**
 * The object manager: creates and opens objects by name, makes, duplicates and closes handles, and
 * answers queries. Thread-safe; every call acts for {@code caller}, in its process's handle table, and
 * returns an NTSTATUS. Bad input (a bad handle, a wrong type, a missing right, a bad name) gets its
 * status and changes nothing. Handles are multiples of 4 from 4; {@code -1} and {@code -2} are the
 * caller's process and thread.
 *
 * @since 0.1
 */
public interface ObjectManager {
    /** The current-process pseudo-handle. */
    long CURRENT_PROCESS = -1L;
    /** The current-thread pseudo-handle. */
    long CURRENT_THREAD = -2L;

    /** DUPLICATE_CLOSE_SOURCE. */
    int DUPLICATE_CLOSE_SOURCE = 0x1;
    /** DUPLICATE_SAME_ACCESS. */
    int DUPLICATE_SAME_ACCESS = 0x2;
    /** DUPLICATE_SAME_ATTRIBUTES. */
    int DUPLICATE_SAME_ATTRIBUTES = 0x4;

    /**
     * Creates an object of {@code type} (built by {@code body}, only when a new object is needed) and
     * a handle to it in {@code handle[0]}. A named create is atomic with respect to other creates and
     * opens of the name: with OBJ_OPENIF an existing object of the same type is opened instead and
     * STATUS_OBJECT_NAME_EXISTS returned.
     */
    int create(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess,
            Supplier<? extends KernelObject> body, long[] handle);

    /**
     * {@link #create(KThread, ObjectAttributes, ObjectType, int, Supplier, long[])} with the body built
     * beforehand, as NT's ObCreateObject builds it before ObInsertObject names it. For cheap bodies: no
     * supplier to allocate on the hot unnamed create; when an existing name is opened the body is dropped.
     */
    int create(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess, KernelObject body,
            long[] handle);

    /**
     * A permanent system object of {@code type} at the absolute {@code path} (for example
     * {@code \\KernelObjects\\CritSecOutOfMemoryEvent}), made from {@code body} unless the name is taken;
     * for objects a family creates at boot, with no caller and no handle.
     *
     * @return the object at {@code path}, or {@code null} if its directory does not exist or the name
     *         belongs to an object of another type
     * @since 0.1
     */
    KernelObject systemObject(String path, ObjectType type, Supplier<? extends KernelObject> body);

    /** Opens a named object of {@code type} ({@code null}: any type). */
    int open(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess, long[] handle);

    /**
     * Opens what a name leads to through a parse procedure (NtCreateFile's path): the name is resolved
     * until it ends or reaches an object that is neither a directory nor a symbolic link, and that
     * object's type's {@link ObjectProcedures#parse} opens a new object of {@code type} for the rest of
     * the name, passing {@code context} through; the handle is made for that object with
     * {@code desiredAccess} mapped by {@code type}. A status of the parse procedure that is a success is
     * returned as it is.
     */
    int openParsed(KThread caller, ObjectAttributes attributes, ObjectType type, int desiredAccess, Object context,
            long[] handle);

    /**
     * Inserts a permanent kernel object (a device) as {@code directory\name}, with its creator's
     * reference kept as the permanence reference; STATUS_OBJECT_NAME_COLLISION if the name is taken,
     * STATUS_OBJECT_PATH_NOT_FOUND if the directory does not exist.
     */
    int insertPermanent(String directory, String name, KernelObject object);

    /** Makes the permanent symbolic link {@code directory\name} → {@code target}. */
    int createPermanentLink(String directory, String name, String target);

    /**
     * Opens an object the caller already knows (ObOpenObjectByPointer: OpenProcess, OpenThread,
     * OpenProcessToken): the caller's identity is checked against the object's security descriptor.
     */
    int openObject(KThread caller, KernelObject object, int desiredAccess, int handleAttributes, long[] handle);

    /**
     * Makes a handle in {@code process} for an object the caller holds a reference to (e.g. a new
     * process), with the creator's rights: the object's descriptor is not consulted.
     */
    int insert(KProcess process, KernelObject object, int desiredAccess, int handleAttributes, long[] handle);

    /**
     * The entry behind {@code handle} in the caller's table, the pseudo-handles included, or
     * {@code null} (STATUS_INVALID_HANDLE). Lock-free and allocation-free: the hot path of every
     * service. The object stays valid while the caller uses it only if the caller also holds the
     * handle open or takes a reference.
     */
    HandleEntry lookup(KThread caller, long handle);

    /**
     * ObReferenceObject: a kernel reference that keeps {@code object} alive with no handle (a mapped
     * view, a pending request). False if the object is already deleted.
     */
    boolean reference(KernelObject object);

    /** ObDereferenceObject: drops a reference {@link #reference} took; the last one runs the delete procedure. */
    void dereference(KernelObject object);

    /** NtClose. */
    int close(KThread caller, long handle);

    /** NtDuplicateObject: the process handles are the caller's handles to the source and target processes. */
    int duplicate(KThread caller, long sourceProcess, long sourceHandle, long targetProcess, long[] targetHandle,
            int desiredAccess, int handleAttributes, int options);

    /** The handle's OBJ_INHERIT / OBJ_PROTECT_CLOSE bits into {@code attributes[0]}. */
    int handleAttributes(KThread caller, long handle, int[] attributes);

    /** Sets the handle bits in {@code mask} to those in {@code attributes}. */
    int setHandleAttributes(KThread caller, long handle, int mask, int attributes);

    /** STATUS_SUCCESS when both handles reach the same object, else STATUS_NOT_SAME_OBJECT. */
    int compare(KThread caller, long first, long second);

    /** NtQueryObject's basic, name and type classes, into {@code info[0]}. */
    int queryBasic(KThread caller, long handle, ObjectInfo.Basic[] info);

    int queryName(KThread caller, long handle, ObjectInfo.Name[] info);

    int queryType(KThread caller, long handle, ObjectInfo.Type[] info);

    /** Per-kernel totals of a type. */
    ObjectInfo.Type typeInfo(ObjectType type);

    /** NtMakeTemporaryObject. */
    int makeTemporary(KThread caller, long handle);

    /** NtMakePermanentObject. */
    int makePermanent(KThread caller, long handle);

    // ---- directories and symbolic links ----

    int createDirectory(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    int openDirectory(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    /**
     * The entries of a directory from index {@code context[0]}, at most {@code maxEntries}, into
     * {@code entries}; {@code context[0]} is advanced past them. STATUS_NO_MORE_ENTRIES at the end.
     */
    int queryDirectory(KThread caller, long handle, int maxEntries, boolean restartScan, int[] context,
            List<ObjectInfo.DirectoryEntry> entries);

    int createSymbolicLink(KThread caller, ObjectAttributes attributes, int desiredAccess, String target,
            long[] handle);

    int openSymbolicLink(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle);

    int querySymbolicLink(KThread caller, long handle, String[] target);

    /**
     * Copies every inheritable handle of {@code parent} into {@code child} at the same value, with the
     * same access and attributes; returns how many were copied.
     */
    int inheritHandles(KProcess parent, KProcess child);

    /** Closes every handle of a process (rundown); returns how many were closed. */
    int closeAll(KProcess process);

    /** The directory a Win32 name of that session resolves against (\Sessions\n\BaseNamedObjects, or \BaseNamedObjects for 0). */
    String baseNamedObjects(int sessionId);
}
