package dev.kobj.core.security;

import static dev.kobj.api.security.SecurityDescriptor.DACL_SECURITY_INFORMATION;
import static dev.kobj.api.security.SecurityDescriptor.GROUP_SECURITY_INFORMATION;
import static dev.kobj.api.security.SecurityDescriptor.OWNER_SECURITY_INFORMATION;
import static dev.kobj.api.security.SecurityDescriptor.SACL_SECURITY_INFORMATION;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.security.Ace;
import dev.kobj.api.security.Acl;
import dev.kobj.api.security.SecurityDescriptor;
import dev.kobj.api.security.Sid;
import java.util.ArrayList;
import java.util.List;

/**
 * The descriptor a new object gets (SeAssignSecurity, nt-semantics.md §4.4) and the one a set-security
 * call leaves. The DACL comes from the creator's descriptor if it has one, else from the inheritable
 * ACEs of the parent directory, else from the token's default DACL; owner and group default to the
 * token's. Generic rights in ACEs are mapped for the object's type; CREATOR OWNER and CREATOR GROUP
 * in inherited ACEs become the new owner and group.
 */
public final class ObjectSecurity {
    private ObjectSecurity() {
    }

    /**
     * The new object's descriptor. With no explicit descriptor and nothing to inherit this is the
     * token's shared default descriptor: no allocation.
     */
    public static SecurityDescriptor assign(SecurityDescriptor explicit, SecurityDescriptor parent, boolean container,
            TokenObject token, GenericMapping mapping) {
        boolean inherits = parent != null && parent.dacl() != null && parent.dacl().hasInheritable();
        if (explicit == null && !inherits) {
            return token.defaultDescriptor();
        }
        SecurityDescriptor defaults = token.defaultDescriptor();
        Sid owner = explicit != null && explicit.owner() != null ? explicit.owner() : defaults.owner();
        Sid group = explicit != null && explicit.group() != null ? explicit.group() : defaults.group();
        if (explicit != null && explicit.daclPresent()) {
            return new SecurityDescriptor(explicit.control() & ~SecurityDescriptor.SE_DACL_DEFAULTED, owner, group,
                    map(explicit.dacl(), mapping), explicit.sacl());
        }
        Acl dacl = inherits ? inherit(parent.dacl(), container, owner, group, mapping) : defaults.dacl();
        int control = SecurityDescriptor.SE_DACL_PRESENT
                | (inherits ? SecurityDescriptor.SE_DACL_AUTO_INHERITED : SecurityDescriptor.SE_DACL_DEFAULTED);
        return new SecurityDescriptor(control, owner, group, dacl, explicit == null ? null : explicit.sacl());
    }

    /** {@code current} with the parts {@code securityInformation} names taken from {@code update}. */
    public static SecurityDescriptor merge(SecurityDescriptor current, int securityInformation,
            SecurityDescriptor update, GenericMapping mapping) {
        SecurityDescriptor sd = current == null ? SecurityDescriptor.EMPTY : current;
        if ((securityInformation & OWNER_SECURITY_INFORMATION) != 0 && update.owner() != null) {
            sd = sd.withOwner(update.owner());
        }
        if ((securityInformation & GROUP_SECURITY_INFORMATION) != 0 && update.group() != null) {
            sd = sd.withGroup(update.group());
        }
        if ((securityInformation & DACL_SECURITY_INFORMATION) != 0) {
            sd = update.daclPresent() ? sd.withDacl(map(update.dacl(), mapping), update.control())
                    : sd.withDacl(null, 0);
        }
        if ((securityInformation & SACL_SECURITY_INFORMATION) != 0) {
            sd = sd.withSacl(update.sacl() == null ? Acl.EMPTY : update.sacl(), update.control());
        }
        return sd;
    }

    /**
     * The descriptor as a query shows it: generic rights mapped for the type. The access check maps
     * them too, so the token's shared default DACL can keep its generic rights for every type.
     */
    public static SecurityDescriptor mapped(SecurityDescriptor sd, GenericMapping mapping) {
        Acl dacl = map(sd.dacl(), mapping);
        return dacl == sd.dacl() ? sd : new SecurityDescriptor(sd.control(), sd.owner(), sd.group(), dacl, sd.sacl());
    }

    /**
     * The ACL with generic rights mapped, except in ACEs a child may inherit: those keep them for the
     * child's own type. The same instance when nothing changes.
     */
    private static Acl map(Acl acl, GenericMapping mapping) {
        if (acl == null) {
            return null;
        }
        List<Ace> aces = acl.aces();
        boolean generic = false;
        for (int i = 0; i < aces.size() && !generic; i++) {
            generic = mappable(aces.get(i), mapping);
        }
        if (!generic) {
            return acl;
        }
        List<Ace> mapped = new ArrayList<>(aces.size());
        for (Ace ace : aces) {
            mapped.add(mappable(ace, mapping) ? new Ace(ace.type(), ace.flags(), mapping.map(ace.mask()), ace.sid())
                    : ace);
        }
        return new Acl(mapped);
    }

    private static boolean mappable(Ace ace, GenericMapping mapping) {
        return !ace.has(Ace.OBJECT_INHERIT | Ace.CONTAINER_INHERIT) && mapping.map(ace.mask()) != ace.mask();
    }

    /**
     * The ACEs a child inherits: for an object, those with OBJECT_INHERIT; for a container, those with
     * CONTAINER_INHERIT (kept inheritable unless NO_PROPAGATE) and OBJECT_INHERIT ones as inherit-only.
     */
    private static Acl inherit(Acl parent, boolean container, Sid owner, Sid group, GenericMapping mapping) {
        List<Ace> inherited = new ArrayList<>();
        for (Ace ace : parent.aces()) {
            if (!ace.inheritedBy(container)) {
                continue;
            }
            Sid sid = ace.sid().equals(Sid.CREATOR_OWNER) ? owner : ace.sid().equals(Sid.CREATOR_GROUP) ? group
                    : ace.sid();
            boolean effective = !container || ace.has(Ace.CONTAINER_INHERIT);
            boolean propagates = container && !ace.has(Ace.NO_PROPAGATE_INHERIT);
            int mapped = mapping.map(ace.mask());
            if (!effective && !propagates) {
                continue;
            }
            if (propagates && effective && (mapped != ace.mask() || !sid.equals(ace.sid()))) {
                // Windows' split: an effective ACE mapped for this type and owner, and an inherit-only
                // one keeping generic rights and CREATOR OWNER for the children.
                inherited.add(new Ace(ace.type(), Ace.INHERITED, mapped, sid));
                inherited.add(new Ace(ace.type(), Ace.INHERITED | Ace.INHERIT_ONLY
                        | (ace.flags() & (Ace.OBJECT_INHERIT | Ace.CONTAINER_INHERIT)), ace.mask(), ace.sid()));
                continue;
            }
            int flags = Ace.INHERITED | (effective ? 0 : Ace.INHERIT_ONLY)
                    | (propagates ? ace.flags() & (Ace.OBJECT_INHERIT | Ace.CONTAINER_INHERIT) : 0);
            inherited.add(new Ace(ace.type(), flags, effective && !propagates ? mapped : ace.mask(),
                    propagates ? ace.sid() : sid));
        }
        return new Acl(inherited);
    }
}
