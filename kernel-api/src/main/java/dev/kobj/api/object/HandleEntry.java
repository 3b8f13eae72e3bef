package dev.kobj.api.object;

import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.status.NtStatus;

/**
 * One handle-table entry: the object, the access granted when the handle was made, and the handle
 * attributes ({@link ObjectAttributes#OBJ_INHERIT}, {@link ObjectAttributes#OBJ_PROTECT_CLOSE}).
 * Immutable, so a lookup can never see one half-written; changing an attribute replaces the entry.
 *
 * <p>A waitable object's dispatcher object is kept beside it, so a wait, set or release reaches the
 * state word one load sooner. To stay 24 bytes the attributes ride in two access bits that are never
 * granted (26 and 27, reserved in every access mask).
 *
 * @since 0.1
 */
public final class HandleEntry {
    /** The attribute bits a handle entry can carry. */
    public static final int HANDLE_ATTRIBUTES = ObjectAttributes.OBJ_INHERIT | ObjectAttributes.OBJ_PROTECT_CLOSE;
    private static final int ATTRIBUTE_SHIFT = 26;
    private static final int RESERVED_ACCESS = HANDLE_ATTRIBUTES << ATTRIBUTE_SHIFT;

    private final KernelObject object;
    private final DispatcherObject dispatcherObject;
    private final int bits; // the granted access, with the attributes in its reserved bits 26-27

    /** An entry; access bits 26-27 (reserved, never granted) and attribute bits beyond the two are dropped. */
    public HandleEntry(KernelObject object, int grantedAccess, int attributes) {
        this.object = java.util.Objects.requireNonNull(object, "object is null");
        this.dispatcherObject = object instanceof Waitable waitable ? waitable.dispatcherObject() : null;
        this.bits = grantedAccess & ~RESERVED_ACCESS | (attributes & HANDLE_ATTRIBUTES) << ATTRIBUTE_SHIFT;
    }

    public KernelObject object() {
        return object;
    }

    /** The object's dispatcher object when it is {@link Waitable}, else {@code null}. */
    public DispatcherObject dispatcherObject() {
        return dispatcherObject;
    }

    public int grantedAccess() {
        return bits & ~RESERVED_ACCESS;
    }

    public int attributes() {
        return bits >>> ATTRIBUTE_SHIFT & HANDLE_ATTRIBUTES;
    }

    public boolean inherit() {
        return (attributes() & ObjectAttributes.OBJ_INHERIT) != 0;
    }

    public boolean protectFromClose() {
        return (attributes() & ObjectAttributes.OBJ_PROTECT_CLOSE) != 0;
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
        return (grantedAccess() & desiredAccess) == desiredAccess ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_ACCESS_DENIED;
    }

    /**
     * The check a wait makes on each handle: a waitable body (STATUS_OBJECT_TYPE_MISMATCH), then
     * SYNCHRONIZE (STATUS_ACCESS_DENIED). Allocation-free.
     */
    public int checkWait() {
        if (dispatcherObject == null) {
            return NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
        }
        return (bits & Access.SYNCHRONIZE) != 0 ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_ACCESS_DENIED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HandleEntry that && object == that.object && bits == that.bits;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(object) * 31 + bits;
    }

    @Override
    public String toString() {
        return "HandleEntry[object=" + object + ", grantedAccess=0x" + Integer.toHexString(grantedAccess())
                + ", attributes=" + attributes() + "]";
    }
}
