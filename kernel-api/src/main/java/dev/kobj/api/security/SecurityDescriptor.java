package dev.kobj.api.security;

/**
 * A security descriptor (nt-semantics.md §4.4): control flags, owner, primary group, DACL and SACL.
 * Immutable, so one descriptor is shared by every object created with it.
 *
 * <p>A DACL is <em>present</em> when {@link #SE_DACL_PRESENT} is set; present with a {@code null}
 * {@link #dacl()} is the NULL DACL. No DACL and the NULL DACL both grant every access; an empty DACL
 * grants none.
 *
 * @since 0.1
 */
public record SecurityDescriptor(int control, Sid owner, Sid group, Acl dacl, Acl sacl) {
    public static final int SE_OWNER_DEFAULTED = 0x0001;
    public static final int SE_GROUP_DEFAULTED = 0x0002;
    public static final int SE_DACL_PRESENT = 0x0004;
    public static final int SE_DACL_DEFAULTED = 0x0008;
    public static final int SE_SACL_PRESENT = 0x0010;
    public static final int SE_SACL_DEFAULTED = 0x0020;
    public static final int SE_DACL_AUTO_INHERIT_REQ = 0x0100;
    public static final int SE_SACL_AUTO_INHERIT_REQ = 0x0200;
    public static final int SE_DACL_AUTO_INHERITED = 0x0400;
    public static final int SE_SACL_AUTO_INHERITED = 0x0800;
    public static final int SE_DACL_PROTECTED = 0x1000;
    public static final int SE_SACL_PROTECTED = 0x2000;
    public static final int SE_SELF_RELATIVE = 0x8000;

    /** SECURITY_INFORMATION bits: which parts a query or a set is about. */
    public static final int OWNER_SECURITY_INFORMATION = 0x1;
    public static final int GROUP_SECURITY_INFORMATION = 0x2;
    public static final int DACL_SECURITY_INFORMATION = 0x4;
    public static final int SACL_SECURITY_INFORMATION = 0x8;
    public static final int LABEL_SECURITY_INFORMATION = 0x10;
    public static final int UNPROTECTED_SACL_SECURITY_INFORMATION = 0x1000_0000;
    public static final int UNPROTECTED_DACL_SECURITY_INFORMATION = 0x2000_0000;
    public static final int PROTECTED_SACL_SECURITY_INFORMATION = 0x4000_0000;
    public static final int PROTECTED_DACL_SECURITY_INFORMATION = 0x8000_0000;
    private static final int DACL_CONTROL = SE_DACL_PRESENT | SE_DACL_DEFAULTED | SE_DACL_AUTO_INHERIT_REQ
            | SE_DACL_AUTO_INHERITED | SE_DACL_PROTECTED;
    private static final int SACL_CONTROL = SE_SACL_PRESENT | SE_SACL_DEFAULTED | SE_SACL_AUTO_INHERIT_REQ
            | SE_SACL_AUTO_INHERITED | SE_SACL_PROTECTED;

    /** No owner, no group, no DACL: everything is granted to everyone. */
    public static final SecurityDescriptor EMPTY = new SecurityDescriptor(0, null, null, null, null);

    public SecurityDescriptor {
        if (dacl != null) {
            control |= SE_DACL_PRESENT;
        }
        if (sacl != null) {
            control |= SE_SACL_PRESENT;
        }
        control = (control | SE_SELF_RELATIVE) & 0xFFFF;
    }

    /** An owner, a group and a present DACL ({@code null} for the NULL DACL). */
    public static SecurityDescriptor of(Sid owner, Sid group, Acl dacl) {
        return new SecurityDescriptor(SE_DACL_PRESENT, owner, group, dacl, null);
    }

    public boolean has(int controlBit) {
        return (control & controlBit) != 0;
    }

    public boolean daclPresent() {
        return has(SE_DACL_PRESENT);
    }

    /** No DACL, or the NULL DACL: the access check grants every request. */
    public boolean unrestricted() {
        return dacl == null;
    }

    /** This descriptor with another DACL ({@code null} for the NULL DACL) and the DACL's control bits. */
    public SecurityDescriptor withDacl(Acl newDacl, int daclControl) {
        return new SecurityDescriptor((control & ~DACL_CONTROL) | SE_DACL_PRESENT | (daclControl & DACL_CONTROL),
                owner, group, newDacl, sacl);
    }

    public SecurityDescriptor withOwner(Sid newOwner) {
        return new SecurityDescriptor(control & ~SE_OWNER_DEFAULTED, newOwner, group, dacl, sacl);
    }

    public SecurityDescriptor withGroup(Sid newGroup) {
        return new SecurityDescriptor(control & ~SE_GROUP_DEFAULTED, owner, newGroup, dacl, sacl);
    }

    public SecurityDescriptor withSacl(Acl newSacl, int saclControl) {
        return new SecurityDescriptor((control & ~SACL_CONTROL) | SE_SACL_PRESENT | (saclControl & SACL_CONTROL),
                owner, group, dacl, newSacl);
    }

    /** Only the parts {@code securityInformation} names, as a query returns them. */
    public SecurityDescriptor select(int securityInformation) {
        boolean withDacl = (securityInformation & DACL_SECURITY_INFORMATION) != 0;
        boolean withSacl = (securityInformation & SACL_SECURITY_INFORMATION) != 0;
        int keep = (withDacl ? DACL_CONTROL : 0) | (withSacl ? SACL_CONTROL : 0)
                | ((securityInformation & OWNER_SECURITY_INFORMATION) != 0 ? SE_OWNER_DEFAULTED : 0)
                | ((securityInformation & GROUP_SECURITY_INFORMATION) != 0 ? SE_GROUP_DEFAULTED : 0);
        return new SecurityDescriptor(control & keep,
                (securityInformation & OWNER_SECURITY_INFORMATION) != 0 ? owner : null,
                (securityInformation & GROUP_SECURITY_INFORMATION) != 0 ? group : null,
                withDacl ? dacl : null, withSacl ? sacl : null);
    }

    /** The descriptor in SDDL, as Windows spells it. */
    @Override
    public String toString() {
        return Sddl.format(this);
    }
}
