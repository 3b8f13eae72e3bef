package dev.kobj.api.object;

import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;

/**
 * A type's procedures, as NT's OBJECT_TYPE_INITIALIZER names them (nt-semantics.md §1.3). Every
 * method has a default that does nothing, so a type overrides only what differs. The object manager
 * calls them with none of its own locks held; they may run on any thread.
 *
 * @since 0.1
 */
public interface ObjectProcedures {
    /** No procedures: what most types need. */
    ObjectProcedures NONE = new ObjectProcedures() {
    };

    /** Why a handle is being made (OB_OPEN_REASON). */
    enum OpenReason { CREATE, OPEN, DUPLICATE, INHERIT }

    /**
     * A handle is about to be made for {@code object} in {@code process}.
     *
     * @return STATUS_SUCCESS, or a failure status that refuses the handle
     */
    default int open(KernelObject object, KProcess process, int grantedAccess, OpenReason reason) {
        return NtStatus.STATUS_SUCCESS;
    }

    /** Whether a handle of {@code process} may be closed; false refuses with STATUS_HANDLE_NOT_CLOSABLE. */
    default boolean okayToClose(KernelObject object, KProcess process) {
        return true;
    }

    /** A handle of {@code process} was closed; {@code handlesLeft} counts all processes' handles. */
    default void close(KernelObject object, KProcess process, int handlesLeft) {
    }

    /** The last handle and reference are gone: free what the body holds. Called once. */
    default void delete(KernelObject object) {
    }

    /**
     * The parse procedure of a type that owns a sub-namespace (a device): a name being opened with
     * {@link ObjectManager#openParsed} reached {@code object} with {@code remainingName} left after it
     * ("" when the name ends at the object). On success {@code opened[0]} is a new object, carrying the
     * creator's reference, for which the caller's handle is made (a device makes a file object).
     * {@code context} is what the opener passed through (the create parameters). The default: the
     * object owns no namespace.
     *
     * @return STATUS_SUCCESS (or another success status) with {@code opened[0]} set, or a failure status
     */
    default int parse(KernelObject object, KThread caller, String remainingName, boolean caseInsensitive,
            Object context, KernelObject[] opened) {
        return remainingName.isEmpty() ? NtStatus.STATUS_OBJECT_TYPE_MISMATCH : NtStatus.STATUS_OBJECT_PATH_NOT_FOUND;
    }

    /**
     * The object's name for ObjectNameInformation, when it is not (only) its directory path (files);
     * {@code null} means the default, the path of directories.
     */
    default String queryName(KernelObject object) {
        return null;
    }
}
