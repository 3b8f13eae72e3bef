package dev.kobj.win32;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.security.Sddl;

/** The contract's SecurityDescriptor over the kernel's immutable descriptor. */
record Win32Descriptor(dev.kobj.api.security.SecurityDescriptor descriptor) implements SecurityDescriptor {
    Win32Descriptor {
        requireNonNull(descriptor, "descriptor is null");
    }

    /** The kernel's descriptor for any implementation of the interface ({@code null} stays null, bad SDDL too). */
    static dev.kobj.api.security.SecurityDescriptor kernel(SecurityDescriptor descriptor) {
        if (descriptor == null) {
            return null;
        }
        if (descriptor instanceof Win32Descriptor ours) {
            return ours.descriptor();
        }
        String sddl = descriptor.toSddl();
        return sddl == null ? null : Sddl.parse(sddl);
    }

    @Override
    public String toSddl() {
        return Sddl.format(descriptor);
    }

    @Override
    public String toString() {
        return toSddl();
    }
}
