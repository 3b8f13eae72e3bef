package dev.kobj.win32;

/**
 * Names and attributes crossing from the Win32 shapes to the kernel's: OBJECT_ATTRIBUTES, and Win32
 * object names, which resolve against the caller's session BaseNamedObjects directory unchanged, so
 * that {@code Global\}, {@code Local\} and {@code Session\} are ordinary lookups through that
 * directory's symbolic links (nt-semantics.md §3.1).
 */
final class Names {
    /** Unnamed with default security, by inherit (bit 0) and OBJ_OPENIF (bit 1): records, so shared, not made per call. */
    private static final java.util.List<dev.kobj.api.object.ObjectAttributes> UNNAMED = java.util.List.of(
            new dev.kobj.api.object.ObjectAttributes(0, null, 0),
            new dev.kobj.api.object.ObjectAttributes(0, null, Win32.OBJ_INHERIT),
            new dev.kobj.api.object.ObjectAttributes(0, null, Win32.OBJ_OPENIF),
            new dev.kobj.api.object.ObjectAttributes(0, null, Win32.OBJ_INHERIT | Win32.OBJ_OPENIF));

    private Names() {
    }

    /**
     * The kernel's OBJECT_ATTRIBUTES for a Win32 object name: {@code null} or empty is unnamed, anything
     * else is looked up below {@code baseNamedObjects} as given (case-sensitive). A name that starts
     * with a backslash is refused ({@code null}), as NT refuses a rooted name below a root directory.
     */
    static dev.kobj.api.object.ObjectAttributes win32(String baseNamedObjects, String name, boolean inherit,
            boolean openIf) {
        return win32(baseNamedObjects, name, inherit, openIf, null);
    }

    /** The same for a Create* call, with the descriptor of its SECURITY_ATTRIBUTES ({@code null}: default). */
    static dev.kobj.api.object.ObjectAttributes win32(String baseNamedObjects, String name, boolean inherit,
            boolean openIf, SecurityDescriptor descriptor) {
        int attributes = (inherit ? Win32.OBJ_INHERIT : 0) | (openIf ? Win32.OBJ_OPENIF : 0);
        var kernelDescriptor = Win32Descriptor.kernel(descriptor);
        if (name == null || name.isEmpty()) {
            return kernelDescriptor == null ? UNNAMED.get((inherit ? 1 : 0) | (openIf ? 2 : 0))
                    : new dev.kobj.api.object.ObjectAttributes(0, null, attributes, kernelDescriptor);
        }
        if (name.startsWith("\\")) {
            return null;
        }
        return new dev.kobj.api.object.ObjectAttributes(0, baseNamedObjects + "\\" + name, attributes,
                kernelDescriptor);
    }

    /** The kernel's OBJECT_ATTRIBUTES for the contract's record; {@code null} stays {@code null}. */
    static dev.kobj.api.object.ObjectAttributes nt(ObjectAttributes attributes) {
        return attributes == null ? null
                : new dev.kobj.api.object.ObjectAttributes(attributes.rootDirectory(), attributes.name(),
                        attributes.attributes(), Win32Descriptor.kernel(attributes.descriptor()));
    }
}
