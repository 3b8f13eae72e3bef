package dev.kobj.core.object;

import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectType;

/** A SymbolicLink object: a target path resolved at each traversal; it may dangle. Immutable. */
public final class SymbolicLinkObject extends KernelObject {
    private final String target;

    public SymbolicLinkObject(ObjectType type, String target) {
        super(type);
        this.target = java.util.Objects.requireNonNull(target, "target is null");
    }

    public String target() {
        return target;
    }
}
