package dev.kobj.core.security;

import static dev.kobj.api.object.Access.ACCESS_SYSTEM_SECURITY;
import static dev.kobj.api.object.Access.MAXIMUM_ALLOWED;
import static dev.kobj.api.object.Access.READ_CONTROL;
import static dev.kobj.api.object.Access.WRITE_DAC;
import static dev.kobj.api.object.Access.WRITE_OWNER;
import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_PRIVILEGE_NOT_HELD;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.security.Ace;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.Privilege;
import dev.kobj.api.security.SecurityDescriptor;
import dev.kobj.api.security.Sid;
import java.util.List;

/**
 * SeAccessCheck (nt-semantics.md §4.4): the rights an identity gets from a security descriptor.
 * Generic rights are mapped first, in the request and in each ACE. Privileges grant
 * ACCESS_SYSTEM_SECURITY (SeSecurityPrivilege) and WRITE_OWNER (SeTakeOwnershipPrivilege) whatever the
 * DACL says. No DACL or a NULL DACL grants everything; otherwise the owner gets READ_CONTROL and
 * WRITE_DAC unless an OWNER RIGHTS ACE speaks for it, and the ACEs are walked in order: a deny ACE
 * naming a bit still undecided fails the request, an allow ACE grants its bits, inherit-only ACEs and
 * ACEs for SIDs the identity does not hold are skipped. MAXIMUM_ALLOWED collects every bit allowed
 * before it is denied and fails only when nothing is left. Allocation-free.
 */
public final class AccessCheck {
    private AccessCheck() {
    }

    /**
     * The granted access (never generic bits, never MAXIMUM_ALLOWED), or STATUS_ACCESS_DENIED /
     * STATUS_PRIVILEGE_NOT_HELD. A {@code null} descriptor means an object without security.
     */
    public static int check(SecurityDescriptor sd, Identity identity, int desiredAccess, GenericMapping mapping) {
        int desired = mapping.map(desiredAccess);
        boolean maximum = (desired & MAXIMUM_ALLOWED) != 0;
        desired &= ~MAXIMUM_ALLOWED;
        int granted = 0;
        if ((desired & ACCESS_SYSTEM_SECURITY) != 0) {
            if (!identity.isEnabled(Privilege.SeSecurityPrivilege)) {
                return STATUS_PRIVILEGE_NOT_HELD;
            }
            granted |= ACCESS_SYSTEM_SECURITY;
        }
        if ((maximum || (desired & WRITE_OWNER) != 0) && identity.isEnabled(Privilege.SeTakeOwnershipPrivilege)) {
            granted |= WRITE_OWNER;
        }
        if (sd == null || sd.unrestricted()) {
            return desired | granted | (maximum ? mapping.genericAll() : 0);
        }
        List<Ace> aces = sd.dacl().aces();
        if (sd.owner() != null && identity.matches(sd.owner(), false) && !hasOwnerRights(aces)) {
            granted |= READ_CONTROL | WRITE_DAC;
        }
        if (maximum) {
            int denied = 0;
            for (int i = 0; i < aces.size(); i++) {
                Ace ace = aces.get(i);
                if (applies(ace, identity, sd)) {
                    int mask = mapping.map(ace.mask());
                    if (ace.type() == Ace.ACCESS_ALLOWED) {
                        granted |= mask & ~denied;
                    } else {
                        denied |= mask & ~granted;
                    }
                }
            }
            if ((desired & ~granted) != 0 || granted == 0) {
                return STATUS_ACCESS_DENIED;
            }
            return granted;
        }
        int remaining = desired & ~granted;
        for (int i = 0; i < aces.size() && remaining != 0; i++) {
            Ace ace = aces.get(i);
            if (applies(ace, identity, sd)) {
                int mask = mapping.map(ace.mask());
                if (ace.type() == Ace.ACCESS_ALLOWED) {
                    remaining &= ~mask;
                } else if ((mask & remaining) != 0) {
                    return STATUS_ACCESS_DENIED;
                }
            }
        }
        return remaining == 0 ? desired : STATUS_ACCESS_DENIED;
    }

    /** Allow and deny ACEs that are not inherit-only and name a SID the identity holds. */
    private static boolean applies(Ace ace, Identity identity, SecurityDescriptor sd) {
        if (ace.has(Ace.INHERIT_ONLY) || (ace.type() != Ace.ACCESS_ALLOWED && ace.type() != Ace.ACCESS_DENIED)) {
            return false;
        }
        boolean deny = ace.type() == Ace.ACCESS_DENIED;
        if (ace.sid().equals(Sid.OWNER_RIGHTS)) {
            return sd.owner() != null && identity.matches(sd.owner(), deny);
        }
        return identity.matches(ace.sid(), deny);
    }

    private static boolean hasOwnerRights(List<Ace> aces) {
        for (int i = 0; i < aces.size(); i++) {
            Ace ace = aces.get(i);
            if (!ace.has(Ace.INHERIT_ONLY) && ace.sid().equals(Sid.OWNER_RIGHTS)) {
                return true;
            }
        }
        return false;
    }
}
