package dev.kobj.win32;

/** A SECURITY_DESCRIPTOR, read and written as SDDL. */
public interface SecurityDescriptor {
    /**
     * Parses SDDL; {@code null} for malformed SDDL, as Windows' converter fails with
     * ERROR_INVALID_PARAMETER. SDDL parsing arrives with the security work: until then every string
     * is reported malformed.
     */
    static SecurityDescriptor fromSddl(String sddl) {
        return null;
    }

    /** The descriptor in Windows' canonical SDDL spelling. */
    String toSddl();
}
