package dev.kobj.core.security;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_PRIVILEGE_NOT_HELD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.Privilege;
import dev.kobj.api.security.Sddl;
import dev.kobj.api.security.SecurityDescriptor;
import dev.kobj.api.security.Sid;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The access check as a table: descriptor, identity, request, and the exact grant or status. */
class AccessCheckTest {
    /** The Event type's mapping (nt-semantics.md §4.2). */
    private static final GenericMapping EVENT = new GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003);
    private static final int QUERY = 1;
    private static final int MODIFY = 2;
    private static final int SYNCHRONIZE = 0x100000;
    private static final int READ_CONTROL = 0x20000;
    private static final int WRITE_DAC = 0x40000;
    private static final int WRITE_OWNER = 0x80000;
    private static final int ACCESS_SYSTEM_SECURITY = 0x1000000;
    private static final int MAXIMUM_ALLOWED = 0x2000000;
    private static final int GENERIC_READ = 0x80000000;
    private static final int GENERIC_ALL = 0x10000000;
    private static final int ALL = 0x1F0003;

    private static final Identity ALICE = Identity.user(1000);
    private static final Identity BOB = Identity.user(1001);
    private static final Identity BOB_DENY_ONLY_USERS = new Identity(BOB.user(),
            List.of(new Identity.Group(Sid.USERS, Identity.Group.SE_GROUP_USE_FOR_DENY_ONLY),
                    Identity.Group.enabled(Sid.WORLD)),
            BOB.privileges(), BOB.enabledPrivileges(), BOB.defaultOwner(), BOB.primaryGroup(), BOB.defaultDacl());
    private static final Identity BOB_DISABLED_WORLD = new Identity(BOB.user(),
            List.of(new Identity.Group(Sid.WORLD, Identity.Group.SE_GROUP_MANDATORY)),
            BOB.privileges(), BOB.enabledPrivileges(), BOB.defaultOwner(), BOB.primaryGroup(), BOB.defaultDacl());
    private static final String ALICE_OWNS = "O:" + Sid.local(1000) + "G:" + Identity.NONE_GROUP;

    static Stream<Arguments> table() {
        return Stream.of(
                // no descriptor, no DACL, NULL DACL: everything asked for; MAXIMUM_ALLOWED is generic-all
                row("no descriptor", null, BOB, QUERY | MODIFY, QUERY | MODIFY),
                row("no DACL", "O:WD", BOB, ALL, ALL),
                row("NULL DACL", "D:NO_ACCESS_CONTROL", BOB, MAXIMUM_ALLOWED, ALL),
                row("NULL DACL, generic", "D:NO_ACCESS_CONTROL", BOB, GENERIC_READ, READ_CONTROL | QUERY),
                // empty DACL: nothing, except the owner's implicit rights
                row("empty DACL", "D:", BOB, SYNCHRONIZE, STATUS_ACCESS_DENIED),
                row("empty DACL, max", "D:", BOB, MAXIMUM_ALLOWED, STATUS_ACCESS_DENIED),
                row("empty DACL, owner", ALICE_OWNS + "D:", ALICE, READ_CONTROL | WRITE_DAC, READ_CONTROL | WRITE_DAC),
                row("empty DACL, owner max", ALICE_OWNS + "D:", ALICE, MAXIMUM_ALLOWED, READ_CONTROL | WRITE_DAC),
                row("empty DACL, owner more", ALICE_OWNS + "D:", ALICE, READ_CONTROL | QUERY, STATUS_ACCESS_DENIED),
                row("empty DACL, not owner", ALICE_OWNS + "D:", BOB, READ_CONTROL, STATUS_ACCESS_DENIED),
                row("owner rights ACE replaces implicit", ALICE_OWNS + "D:(A;;0x1;;;OW)", ALICE, READ_CONTROL,
                        STATUS_ACCESS_DENIED),
                row("owner rights ACE grants", ALICE_OWNS + "D:(A;;0x1;;;OW)", ALICE, MAXIMUM_ALLOWED, QUERY),
                row("owner implicit rights survive a deny", ALICE_OWNS + "D:(D;;RC;;;WD)", ALICE, READ_CONTROL,
                        READ_CONTROL),
                // allow ACEs grant exactly their bits; a partial grant is a refusal
                row("allow", "D:(A;;0x100000;;;WD)", BOB, SYNCHRONIZE, SYNCHRONIZE),
                row("allow, partial", "D:(A;;0x100000;;;WD)", BOB, SYNCHRONIZE | MODIFY, STATUS_ACCESS_DENIED),
                row("allow, max", "D:(A;;0x100000;;;WD)", BOB, MAXIMUM_ALLOWED, SYNCHRONIZE),
                row("allow adds up", "D:(A;;0x1;;;WD)(A;;0x2;;;BU)", BOB, QUERY | MODIFY, QUERY | MODIFY),
                row("allow generic in ACE", "D:(A;;GA;;;WD)", BOB, ALL, ALL),
                row("allow generic in request", "D:(A;;0x20001;;;WD)", BOB, GENERIC_READ, READ_CONTROL | QUERY),
                row("allow other user", "D:(A;;GA;;;" + Sid.local(1000) + ")", BOB, QUERY, STATUS_ACCESS_DENIED),
                row("allow the user", "D:(A;;GA;;;" + Sid.local(1001) + ")", BOB, GENERIC_ALL, ALL),
                // deny before allow, first match per bit in list order
                row("deny first", "D:(D;;0x2;;;WD)(A;;0x1f0003;;;WD)", BOB, MODIFY, STATUS_ACCESS_DENIED),
                row("deny other bits", "D:(D;;0x2;;;WD)(A;;0x1f0003;;;WD)", BOB, QUERY | SYNCHRONIZE,
                        QUERY | SYNCHRONIZE),
                row("deny, max", "D:(D;;0x2;;;WD)(A;;0x1f0003;;;WD)", BOB, MAXIMUM_ALLOWED, ALL & ~MODIFY),
                row("allow before deny", "D:(A;;0x1f0003;;;WD)(D;;0x2;;;WD)", BOB, MODIFY, MODIFY),
                row("allow before deny, max", "D:(A;;0x1f0003;;;WD)(D;;0x2;;;WD)", BOB, MAXIMUM_ALLOWED, ALL),
                row("deny generic", "D:(D;;GW;;;WD)(A;;GA;;;WD)", BOB, MODIFY, STATUS_ACCESS_DENIED),
                // inherit-only ACEs and groups the token does not hold are skipped
                row("inherit-only skipped", "D:(A;OIIO;GA;;;WD)", BOB, QUERY, STATUS_ACCESS_DENIED),
                row("group not held", "D:(A;;GA;;;BA)", BOB, QUERY, STATUS_ACCESS_DENIED),
                row("deny-only group: allow ignored", "D:(A;;GA;;;BU)", BOB_DENY_ONLY_USERS, QUERY,
                        STATUS_ACCESS_DENIED),
                row("deny-only group: deny applies", "D:(D;;0x1;;;BU)(A;;GA;;;WD)", BOB_DENY_ONLY_USERS, QUERY,
                        STATUS_ACCESS_DENIED),
                row("disabled group", "D:(A;;GA;;;WD)", BOB_DISABLED_WORLD, QUERY, STATUS_ACCESS_DENIED),
                // privileges
                row("SACL access needs the privilege", "D:(A;;GA;;;WD)", BOB, ACCESS_SYSTEM_SECURITY,
                        STATUS_PRIVILEGE_NOT_HELD),
                row("SACL access with it", "D:", BOB.withEnabled(Privilege.SeSecurityPrivilege),
                        ACCESS_SYSTEM_SECURITY, ACCESS_SYSTEM_SECURITY),
                row("take ownership", "D:", BOB.withEnabled(Privilege.SeTakeOwnershipPrivilege), WRITE_OWNER,
                        WRITE_OWNER),
                row("take ownership, max", "D:(A;;0x1;;;WD)", BOB.withEnabled(Privilege.SeTakeOwnershipPrivilege),
                        MAXIMUM_ALLOWED, QUERY | WRITE_OWNER),
                row("held but disabled", "D:", BOB, WRITE_OWNER, STATUS_ACCESS_DENIED),
                // MAXIMUM_ALLOWED with explicit bits: the explicit bits must be among the allowed
                row("max plus a granted bit", "D:(A;;0x3;;;WD)", BOB, MAXIMUM_ALLOWED | QUERY, QUERY | MODIFY),
                row("max plus a missing bit", "D:(A;;0x1;;;WD)", BOB, MAXIMUM_ALLOWED | MODIFY, STATUS_ACCESS_DENIED));
    }

    private static Arguments row(String name, String sddl, Identity identity, int desired, int expected) {
        return Arguments.of(name, sddl, identity, desired, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void grantsExactlyWhatTheDescriptorSays(String name, String sddl, Identity identity, int desired, int expected) {
        SecurityDescriptor sd = sddl == null ? null : Sddl.parse(sddl);
        assertEquals(Integer.toHexString(expected), Integer.toHexString(AccessCheck.check(sd, identity, desired, EVENT)));
    }
}
