package dev.kobj.api.object;

import dev.kobj.api.status.NtStatus;

/**
 * One handle-table entry: the object, the access granted when the handle was made, and the handle
 * attributes ({@link ObjectAttributes#OBJ_INHERIT}, {@link ObjectAttributes#OBJ_PROTECT_CLOSE}).
 * Immutable, so a lookup can never see one half-written; changing an attribute replaces the entry.
 *
 * @since 0.1
 */
public record HandleEntry(KernelObject object, int grantedAccess, int attributes) {
    /** The attribute bits a handle entry can carry. */
    public static final int HANDLE_ATTRIBUTES = ObjectAttributes.OBJ_INHERIT | ObjectAttributes.OBJ_PROTECT_CLOSE;

    public HandleEntry {
        java.util.Objects.requireNonNull(object, "object is null");
        attributes &= HANDLE_ATTRIBUTES;
    }

    public boolean inherit() {
        return (attributes & ObjectAttributes.OBJ_INHERIT) != 0;
    }

    public boolean protectFromClose() {
        return (attributes & ObjectAttributes.OBJ_PROTECT_CLOSE) != 0;
    }

    /**
     * The check every service makes on a handle (nt-semantics.md §2.2): the object's type
     * ({@code null} accepts any type), then the access. Allocation-free.
     *
     * @return STATUS_SUCCESS, STATUS_OBJECT_TYPE_MISMATCH or STATUS_ACCESS_DENIED
     */
    public int check(ObjectType type, int desiredAccess) {
        if (type != null && object.type() != type) {
            return NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
        }
        return (grantedAccess & desiredAccess) == desiredAccess ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_ACCESS_DENIED;
    }
}
