package dev.kobj.core.status;

import com.google.inject.Inject;
import dev.kobj.api.status.NtStatus;
import dev.kobj.api.status.NtStatus.StatusInfo;
import dev.kobj.api.status.StatusRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The kernel's statuses: NtStatus's, then the plugins', checked for clashes at boot. Immutable. */
public final class StatusTable implements StatusRegistry {
    private final Map<Integer, StatusInfo> byCode;

    @Inject
    public StatusTable(Set<StatusInfo> contributed) {
        Map<Integer, StatusInfo> all = new TreeMap<>(Integer::compareUnsigned);
        NtStatus.all().forEach(info -> all.put(info.code(), info));
        for (StatusInfo info : contributed) {
            StatusInfo before = all.putIfAbsent(info.code(), info);
            if (before != null && !before.equals(info)) {
                throw new IllegalStateException(String.format("status 0x%08X is defined twice: %s (Win32 error %d)"
                        + " and %s (Win32 error %d)", info.code(), before.name(), before.win32Error(), info.name(),
                        info.win32Error()));
            }
        }
        this.byCode = java.util.Collections.unmodifiableMap(all);
    }

    @Override
    public StatusInfo info(int status) {
        return byCode.get(status);
    }

    @Override
    public Collection<StatusInfo> all() {
        return byCode.values();
    }
}
