package dev.kobj.win32;

/**
 * Names and attributes crossing from the Win32 shapes to the kernel's: OBJECT_ATTRIBUTES, and Win32
 * object names, which resolve against the caller's session BaseNamedObjects directory unchanged, so
 * that {@code Global\}, {@code Local\} and {@code Session\} are ordinary lookups through that
 * directory's symbolic links (nt-semantics.md §3.1).
 */
final class Names {
    private Names() {
    }

    /** The kernel's OBJECT_ATTRIBUTES for the contract's record; {@code null} stays {@code null}. */
    static dev.kobj.api.object.ObjectAttributes nt(ObjectAttributes attributes) {
        return attributes == null ? null
                : new dev.kobj.api.object.ObjectAttributes(attributes.rootDirectory(), attributes.name(),
                        attributes.attributes());
    }
}
