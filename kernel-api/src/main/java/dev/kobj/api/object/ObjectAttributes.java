package dev.kobj.api.object;

import dev.kobj.api.security.SecurityDescriptor;

/**
 * OBJECT_ATTRIBUTES for the kernel's services: an optional root directory handle (0 for none), an
 * optional name ({@code null} or empty for an unnamed object), the {@code OBJ_*} attribute bits and
 * an optional security descriptor for a new object ({@code null}: the default).
 *
 * @since 0.1
 */
public record ObjectAttributes(long rootDirectory, String name, int attributes, SecurityDescriptor securityDescriptor) {
    public static final int OBJ_PROTECT_CLOSE = 0x0000_0001;
    public static final int OBJ_INHERIT = 0x0000_0002;
    public static final int OBJ_AUDIT_OBJECT_CLOSE = 0x0000_0004;
    public static final int OBJ_PERMANENT = 0x0000_0010;
    public static final int OBJ_EXCLUSIVE = 0x0000_0020;
    public static final int OBJ_CASE_INSENSITIVE = 0x0000_0040;
    public static final int OBJ_OPENIF = 0x0000_0080;
    public static final int OBJ_OPENLINK = 0x0000_0100;
    public static final int OBJ_KERNEL_HANDLE = 0x0000_0200;
    public static final int OBJ_FORCE_ACCESS_CHECK = 0x0000_0400;
    public static final int OBJ_IGNORE_IMPERSONATED_DEVICEMAP = 0x0000_0800;
    public static final int OBJ_DONT_REPARSE = 0x0000_1000;
    /** Every attribute bit a caller may pass (nt-semantics.md §1.1). */
    public static final int OBJ_VALID_ATTRIBUTES = 0x0000_1FF2;

    /** Attributes with the default security. */
    public ObjectAttributes(long rootDirectory, String name, int attributes) {
        this(rootDirectory, name, attributes, null);
    }

    /** An unnamed object with no attributes. */
    public static final ObjectAttributes NONE = new ObjectAttributes(0, null, 0);

    /** An absolute NT path, such as {@code \BaseNamedObjects\x}. */
    public static ObjectAttributes named(String name, int attributes) {
        return new ObjectAttributes(0, name, attributes);
    }

    /** Whether a name was given (null and empty both mean unnamed). */
    public boolean hasName() {
        return name != null && !name.isEmpty();
    }

    public boolean has(int attribute) {
        return (attributes & attribute) != 0;
    }
}
