package dev.kobj.api.security;

import static java.util.Objects.requireNonNull;

/**
 * An access-control entry: type, inheritance flags, access mask and trustee (nt-semantics.md §4.4).
 *
 * @since 0.1
 */
public record Ace(int type, int flags, int mask, Sid sid) {
    public static final int ACCESS_ALLOWED = 0;
    public static final int ACCESS_DENIED = 1;
    public static final int SYSTEM_AUDIT = 2;
    public static final int SYSTEM_ALARM = 3;
    public static final int SYSTEM_MANDATORY_LABEL = 0x11;

    public static final int OBJECT_INHERIT = 0x01;
    public static final int CONTAINER_INHERIT = 0x02;
    public static final int NO_PROPAGATE_INHERIT = 0x04;
    public static final int INHERIT_ONLY = 0x08;
    public static final int INHERITED = 0x10;
    public static final int SUCCESSFUL_ACCESS = 0x40;
    public static final int FAILED_ACCESS = 0x80;

    public Ace {
        requireNonNull(sid, "sid is null");
        if (type < 0 || type > 0xFF || flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("ACE type and flags are bytes");
        }
    }

    public static Ace allow(int mask, Sid sid) {
        return new Ace(ACCESS_ALLOWED, 0, mask, sid);
    }

    public static Ace deny(int mask, Sid sid) {
        return new Ace(ACCESS_DENIED, 0, mask, sid);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Whether a child object (a container such as a directory, or not) inherits this ACE. */
    public boolean inheritedBy(boolean container) {
        return container ? has(CONTAINER_INHERIT) || (has(OBJECT_INHERIT) && !has(NO_PROPAGATE_INHERIT))
                : has(OBJECT_INHERIT);
    }
}
