package dev.kobj.api.status;

import dev.kobj.api.status.NtStatus.StatusInfo;
import java.util.Collection;

/**
 * A kernel's statuses: every one {@link NtStatus} defines, and those its plugins contribute with
 * {@link dev.kobj.api.KernelBinder#status}. Found with {@code kernel.service(StatusRegistry.class)};
 * {@code RtlNtStatusToDosError} and the launcher read names and Win32 errors here, so a plugin's own
 * statuses print and translate as the built-in ones do.
 *
 * @since 0.1
 */
public interface StatusRegistry {
    /** The information for {@code status}, or {@code null} if no module defines it. */
    StatusInfo info(int status);

    /** RtlNtStatusToDosError over this kernel's statuses (ERROR_MR_MID_NOT_FOUND, 317, for unknown ones). */
    default int toDosError(int status) {
        StatusInfo info = info(status);
        return info != null ? info.win32Error() : NtStatus.toDosError(status);
    }

    /** The name of {@code status}, or its hex value if no module defines it. */
    default String name(int status) {
        StatusInfo info = info(status);
        return info != null ? info.name() : NtStatus.name(status);
    }

    /** Every status of this kernel, in code order. */
    Collection<StatusInfo> all();
}
