package dev.kobj.api.object;

import static java.util.Objects.requireNonNull;

/**
 * An object type descriptor, as NT's OBJECT_TYPE_INITIALIZER: its name ("Event", "File", ...), generic
 * mapping, valid access mask and whether objects of the type can be waited on. Immutable and
 * thread-safe; contributed by a module through {@link dev.kobj.api.KernelBinder#objectType}.
 *
 * <p>Type names are unique within a kernel; the core reserves the names of its own types
 * (Directory, SymbolicLink, Process, Thread, Token, File, Device, IoCompletion).
 *
 * @since 0.1
 */
public final class ObjectType {
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS = new java.util.concurrent.atomic.AtomicInteger();

    private final int serial = SERIALS.getAndIncrement();
    private final String name;
    private final GenericMapping genericMapping;
    private final int validAccessMask;
    private final boolean waitable;
    private final ObjectProcedures procedures;

    private ObjectType(Builder builder) {
        this.name = builder.name;
        this.genericMapping = requireNonNull(builder.genericMapping, "genericMapping is null");
        this.validAccessMask = builder.validAccessMask;
        this.waitable = builder.waitable;
        this.procedures = builder.procedures;
    }

    /** Starts a descriptor for the type called {@code name} (not empty, no backslash). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A number no other type of this JVM has, from 0 up: the object manager finds a type's counters by it
     * in an array (an identity hash costs more than the rest of a create).
     */
    @dev.kobj.api.KernelInternal
    public int serial() {
        return serial;
    }

    /** The type name, as ObjectTypeInformation reports it. */
    public String name() {
        return name;
    }

    public GenericMapping genericMapping() {
        return genericMapping;
    }

    /** Every right a handle to an object of this type may hold. */
    public int validAccessMask() {
        return validAccessMask;
    }

    /** Whether objects of this type can be waited on (they then accept SYNCHRONIZE). */
    public boolean waitable() {
        return waitable;
    }

    /** The type's procedures; {@link ObjectProcedures#NONE} unless the type declared some. */
    public ObjectProcedures procedures() {
        return procedures;
    }

    /**
     * The access a request for {@code desiredAccess} stands for: generic bits mapped, MAXIMUM_ALLOWED
     * expanded to every valid right. Bits outside {@link #validAccessMask()} are left for the caller
     * to refuse.
     */
    public int mapAccess(int desiredAccess) {
        int access = genericMapping.map(desiredAccess);
        if ((access & Access.MAXIMUM_ALLOWED) != 0) {
            access = (access & ~Access.MAXIMUM_ALLOWED) | validAccessMask;
        }
        return access;
    }

    @Override
    public String toString() {
        return "ObjectType[" + name + "]";
    }

    /** Builds an {@link ObjectType}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private GenericMapping genericMapping;
        private int validAccessMask;
        private boolean waitable;
        private ObjectProcedures procedures = ObjectProcedures.NONE;

        private Builder(String name) {
            requireNonNull(name, "name is null");
            if (name.isEmpty() || name.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("invalid type name '" + name + "'");
            }
            this.name = name;
        }

        public Builder genericMapping(GenericMapping mapping) {
            this.genericMapping = requireNonNull(mapping, "mapping is null");
            return this;
        }

        public Builder validAccessMask(int mask) {
            this.validAccessMask = mask;
            return this;
        }

        public Builder waitable(boolean waitable) {
            this.waitable = waitable;
            return this;
        }

        public Builder procedures(ObjectProcedures procedures) {
            this.procedures = requireNonNull(procedures, "procedures is null");
            return this;
        }

        public ObjectType build() {
            return new ObjectType(this);
        }
    }
}
