package dev.kobj.api.security;

/**
 * Privileges, with the LUID values Windows gives them. A privilege a token holds counts only while
 * it is enabled.
 *
 * @since 0.1
 */
public enum Privilege {
    SeCreateTokenPrivilege(2),
    SeAssignPrimaryTokenPrivilege(3),
    SeLockMemoryPrivilege(4),
    SeIncreaseQuotaPrivilege(5),
    SeTcbPrivilege(7),
    SeSecurityPrivilege(8),
    SeTakeOwnershipPrivilege(9),
    SeLoadDriverPrivilege(10),
    SeSystemProfilePrivilege(11),
    SeSystemtimePrivilege(12),
    SeProfileSingleProcessPrivilege(13),
    SeIncreaseBasePriorityPrivilege(14),
    SeCreatePagefilePrivilege(15),
    SeCreatePermanentPrivilege(16),
    SeBackupPrivilege(17),
    SeRestorePrivilege(18),
    SeShutdownPrivilege(19),
    SeDebugPrivilege(20),
    SeAuditPrivilege(21),
    SeSystemEnvironmentPrivilege(22),
    SeChangeNotifyPrivilege(23),
    SeUndockPrivilege(25),
    SeManageVolumePrivilege(28),
    SeImpersonatePrivilege(29),
    SeCreateGlobalPrivilege(30),
    SeIncreaseWorkingSetPrivilege(33),
    SeTimeZonePrivilege(34),
    SeCreateSymbolicLinkPrivilege(35);

    private final int luid;

    Privilege(int luid) {
        this.luid = luid;
    }

    /** The LUID's low part, as LookupPrivilegeValue returns it. */
    public int luid() {
        return luid;
    }
}
