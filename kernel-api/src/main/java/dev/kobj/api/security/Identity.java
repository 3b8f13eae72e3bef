package dev.kobj.api.security;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an access token says about who runs a process: the user, the groups, the privileges held
 * and enabled, and the owner, primary group and default DACL given to the objects it creates.
 * Immutable; a process's token object carries one.
 *
 * @since 0.1
 */
public record Identity(Sid user, List<Group> groups, Set<Privilege> privileges, Set<Privilege> enabledPrivileges,
        Sid defaultOwner, Sid primaryGroup, Acl defaultDacl) {

    /** A group SID and its SE_GROUP_* attributes. */
    public record Group(Sid sid, int attributes) {
        public static final int SE_GROUP_MANDATORY = 0x1;
        public static final int SE_GROUP_ENABLED_BY_DEFAULT = 0x2;
        public static final int SE_GROUP_ENABLED = 0x4;
        public static final int SE_GROUP_OWNER = 0x8;
        public static final int SE_GROUP_USE_FOR_DENY_ONLY = 0x10;
        /** Mandatory, enabled by default, enabled: how a token lists an ordinary group. */
        public static final int ENABLED = SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED;

        public Group {
            requireNonNull(sid, "sid is null");
        }

        public static Group enabled(Sid sid) {
            return new Group(sid, ENABLED);
        }

        public boolean isEnabled() {
            return (attributes & SE_GROUP_ENABLED) != 0 && (attributes & SE_GROUP_USE_FOR_DENY_ONLY) == 0;
        }

        public boolean isDenyOnly() {
            return (attributes & SE_GROUP_USE_FOR_DENY_ONLY) != 0;
        }
    }

    /** The relative id of kobj's first interactive user, {@code S-1-5-21-...-1000}. */
    public static final int FIRST_USER_RID = 1000;
    /** The local "None" group every local user has as primary group. */
    public static final Sid NONE_GROUP = Sid.local(513);

    /** LocalSystem: every privilege held, the usual ones enabled, Administrators as owner. */
    public static final Identity SYSTEM = new Identity(Sid.LOCAL_SYSTEM,
            List.of(new Group(Sid.ADMINISTRATORS, Group.SE_GROUP_ENABLED_BY_DEFAULT | Group.SE_GROUP_ENABLED
                            | Group.SE_GROUP_OWNER),
                    Group.enabled(Sid.WORLD), Group.enabled(Sid.AUTHENTICATED_USERS)),
            EnumSet.allOf(Privilege.class),
            EnumSet.complementOf(EnumSet.of(Privilege.SeSecurityPrivilege, Privilege.SeTakeOwnershipPrivilege,
                    Privilege.SeBackupPrivilege, Privilege.SeRestorePrivilege, Privilege.SeDebugPrivilege)),
            Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM,
            Acl.of(Ace.allow(0x1000_0000, Sid.LOCAL_SYSTEM), Ace.allow(0xA002_0000, Sid.ADMINISTRATORS)));

    /** The identity processes get when none is named: kobj's first interactive user. */
    public static final Identity DEFAULT = user(FIRST_USER_RID);

    public Identity {
        requireNonNull(user, "user is null");
        groups = List.copyOf(groups);
        privileges = Set.copyOf(privileges);
        enabledPrivileges = Set.copyOf(enabledPrivileges);
        if (!privileges.containsAll(enabledPrivileges)) {
            throw new IllegalArgumentException("an enabled privilege is not held");
        }
        requireNonNull(defaultOwner, "defaultOwner is null");
        requireNonNull(primaryGroup, "primaryGroup is null");
    }

    /**
     * A standard interactive user {@code S-1-5-21-...-rid}: member of Everyone, Users, Interactive
     * and Authenticated Users; the standard user's privileges (only bypass-traverse enabled); a default
     * DACL giving the user and SYSTEM full control, as Windows' does.
     */
    public static Identity user(int rid) {
        Sid user = Sid.local(rid);
        return new Identity(user,
                List.of(Group.enabled(NONE_GROUP), Group.enabled(Sid.WORLD), Group.enabled(Sid.USERS),
                        Group.enabled(Sid.INTERACTIVE), Group.enabled(Sid.AUTHENTICATED_USERS)),
                EnumSet.of(Privilege.SeChangeNotifyPrivilege, Privilege.SeShutdownPrivilege,
                        Privilege.SeUndockPrivilege, Privilege.SeIncreaseWorkingSetPrivilege,
                        Privilege.SeTimeZonePrivilege),
                EnumSet.of(Privilege.SeChangeNotifyPrivilege),
                user, NONE_GROUP,
                Acl.of(Ace.allow(0x1000_0000, user), Ace.allow(0x1000_0000, Sid.LOCAL_SYSTEM)));
    }

    /** The same identity with these privileges held and enabled as well. */
    public Identity withEnabled(Privilege... added) {
        Set<Privilege> held = EnumSet.noneOf(Privilege.class);
        held.addAll(privileges);
        Set<Privilege> enabled = EnumSet.noneOf(Privilege.class);
        enabled.addAll(enabledPrivileges);
        for (Privilege privilege : added) {
            held.add(privilege);
            enabled.add(privilege);
        }
        return new Identity(user, groups, held, enabled, defaultOwner, primaryGroup, defaultDacl);
    }

    public boolean isEnabled(Privilege privilege) {
        return enabledPrivileges.contains(privilege);
    }

    /** Whether an ACE naming {@code sid} applies: the user or an enabled group (deny-only groups for deny ACEs). */
    public boolean matches(Sid sid, boolean denyAce) {
        if (user.equals(sid)) {
            return true;
        }
        for (int i = 0; i < groups.size(); i++) { // indexed: no iterator on the access-check path
            Group group = groups.get(i);
            if (group.sid().equals(sid) && (group.isEnabled() || (denyAce && group.isDenyOnly()))) {
                return true;
            }
        }
        return false;
    }

    /** The descriptor objects get when the creator names none and the directory passes nothing down. */
    public SecurityDescriptor defaultDescriptor() {
        return new SecurityDescriptor(SecurityDescriptor.SE_DACL_PRESENT | SecurityDescriptor.SE_DACL_DEFAULTED
                | SecurityDescriptor.SE_OWNER_DEFAULTED | SecurityDescriptor.SE_GROUP_DEFAULTED,
                defaultOwner, primaryGroup, defaultDacl, null);
    }
}
