package dev.kobj.win32;

/** A SECURITY_DESCRIPTOR, read and written as SDDL. */
public interface SecurityDescriptor {
    /**
     * Parses SDDL; {@code null} for malformed SDDL (or {@code null}), as Windows' converter fails with
     * ERROR_INVALID_PARAMETER.
     */
    static SecurityDescriptor fromSddl(String sddl) {
        dev.kobj.api.security.SecurityDescriptor parsed = sddl == null ? null : dev.kobj.api.security.Sddl.parse(sddl);
        return parsed == null ? null : new Win32Descriptor(parsed);
    }

    /** The descriptor in Windows' canonical SDDL spelling. */
    String toSddl();
}
