package dev.kobj.api.object;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.security.SecurityDescriptor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The common object header every object body extends: type, name, flags, and the usage counts.
 * Thread-safe. The object manager in {@code kernel-core} alone changes the counts, name and flags
 * (the {@link KernelInternal} members); a type's body adds its own state.
 *
 * <pre>
 * Usage counts (nt-semantics.md §1.2), one long updated by CAS so that "no handle and no reference
 * left" is observed exactly once:
 *
 *   counts = handles << 32 | references
 *
 *   new object            (0, 1)   the creator's reference
 *   insert first handle   (0, 1) → (1, 0)   the creator's reference becomes the handle
 *   open / duplicate      (h, r) → (h+1, r)
 *   close a handle        (h, r) → (h-1, r+1) → name check when h-1 == 0 → (h-1, r)
 *   kernel reference      (h, r) → (h, r±1)
 *   (0, 0)                terminal: the delete procedure runs once; nothing revives the object
 * </pre>
 *
 * A named object is only reachable by name while its name is set; the name is removed (under its
 * directory's lock) before the closing handle's reference is dropped, so a lookup, which references
 * the object under that lock, never revives a deleted object. A permanent object holds one reference
 * of its own for as long as it is permanent.
 *
 * @since 0.1
 */
public abstract class KernelObject {
    /** Header flag: the object keeps its name and body with no handles (OBJ_PERMANENT). */
    public static final int FLAG_PERMANENT = ObjectAttributes.OBJ_PERMANENT;
    /** Header flag: only the creating process may hold handles (OBJ_EXCLUSIVE). */
    public static final int FLAG_EXCLUSIVE = ObjectAttributes.OBJ_EXCLUSIVE;

    private static final VarHandle COUNTS;
    private static final VarHandle FLAGS;
    private static final VarHandle SECURITY;
    private static final long ONE_HANDLE = 1L << 32;
    private static final long REFERENCES = 0xFFFF_FFFFL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNTS = lookup.findVarHandle(KernelObject.class, "counts", long.class);
            FLAGS = lookup.findVarHandle(KernelObject.class, "flags", int.class);
            SECURITY = lookup.findVarHandle(KernelObject.class, "securityDescriptor", SecurityDescriptor.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ObjectType type;
    private volatile long counts = 1;
    private volatile int flags;
    /** Null while unnamed: like NT's optional name-info header, only named objects pay for a name. */
    private volatile Naming naming;
    private volatile SecurityDescriptor securityDescriptor;

    private record Naming(KernelObject directory, String name) {}

    protected KernelObject(ObjectType type) {
        this.type = requireNonNull(type, "type is null");
    }

    public final ObjectType type() {
        return type;
    }

    /** Open handles to this object, in all processes together. */
    public final int handleCount() {
        return (int) (counts >>> 32);
    }

    /** Handles plus the references the kernel holds (views, pending I/O, waits); never below handleCount. */
    public final int pointerCount() {
        long c = counts;
        return (int) (c >>> 32) + (int) (c & REFERENCES);
    }

    /** The leaf name, or {@code null} when unnamed or no longer named. */
    public final String name() {
        Naming n = naming;
        return n == null ? null : n.name();
    }

    /** The directory holding the name, or {@code null}. */
    public final KernelObject directory() {
        Naming n = naming;
        return n == null ? null : n.directory();
    }

    /**
     * The object's security descriptor; {@code null} for an object without security, which grants
     * every access. Descriptors are immutable and shared: objects created with default security all
     * point at their creator token's default descriptor.
     */
    public final SecurityDescriptor securityDescriptor() {
        return securityDescriptor;
    }

    public final boolean isPermanent() {
        return (flags & FLAG_PERMANENT) != 0;
    }

    public final boolean isExclusive() {
        return (flags & FLAG_EXCLUSIVE) != 0;
    }

    /** Whether the last handle and reference are gone and the delete procedure has run or is running. */
    public final boolean isDeleted() {
        return counts == 0;
    }

    // ---- the object manager's side ----

    /** Takes a kernel reference. Fails (false) on a deleted object, which is never revived. */
    @KernelInternal
    public final boolean reference() {
        long c;
        do {
            c = counts;
            if (c == 0) {
                return false;
            }
        } while (!COUNTS.weakCompareAndSet(this, c, c + 1));
        return true;
    }

    /** Drops a kernel reference; true when it was the last of everything and the object must be deleted. */
    @KernelInternal
    public final boolean dereference() {
        long after = (long) COUNTS.getAndAdd(this, -1L) - 1;
        if ((after & REFERENCES) == REFERENCES) {
            throw new IllegalStateException("reference count underflow on " + this);
        }
        return after == 0;
    }

    /** Turns a reference the caller holds into a handle. */
    @KernelInternal
    public final void referenceToHandle() {
        COUNTS.getAndAdd(this, ONE_HANDLE - 1);
    }

    /** Turns a handle into a reference the caller now holds; returns the handles left. */
    @KernelInternal
    public final int handleToReference() {
        long after = (long) COUNTS.getAndAdd(this, 1 - ONE_HANDLE) + 1 - ONE_HANDLE;
        if (after < 0) {
            throw new IllegalStateException("handle count underflow on " + this);
        }
        return (int) (after >>> 32);
    }

    /** Sets the name; the caller holds {@code directory}'s lock. */
    @KernelInternal
    public final void setName(KernelObject directory, String name) {
        this.naming = name == null ? null : new Naming(directory, name);
    }

    /** Replaces the security descriptor (at creation, and by NtSetSecurityObject). */
    @KernelInternal
    public final void setSecurityDescriptor(SecurityDescriptor descriptor) {
        this.securityDescriptor = descriptor;
    }

    /** Replaces the descriptor if it is still {@code expected}, so that concurrent set-security calls merge. */
    @KernelInternal
    public final boolean compareAndSetSecurityDescriptor(SecurityDescriptor expected, SecurityDescriptor descriptor) {
        return SECURITY.compareAndSet(this, expected, descriptor);
    }

    /** Sets and clears header flags atomically; returns the flags before. */
    @KernelInternal
    public final int setFlags(int set, int clear) {
        int f;
        do {
            f = flags;
            if (((f | set) & ~clear) == f) {
                return f; // nothing to change: no atomic write (each create and first handle asks)
            }
        } while (!FLAGS.weakCompareAndSet(this, f, (f | set) & ~clear));
        return f;
    }

    @Override
    public String toString() {
        String n = name();
        return type.name() + (n == null ? "@" + Integer.toHexString(System.identityHashCode(this)) : "[" + n + "]");
    }
}
