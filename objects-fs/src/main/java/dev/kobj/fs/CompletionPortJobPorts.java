package dev.kobj.fs;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.io.IoService;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.status.NtStatus;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Job messages to I/O completion ports: the message as the bytes transferred, the association's key,
 * the process id as the OVERLAPPED value (nt-semantics.md §9).
 */
final class CompletionPortJobPorts implements JobPorts {
    private final Provider<IoService> io;

    @Inject
    CompletionPortJobPorts(Provider<IoService> io) {
        this.io = requireNonNull(io, "io is null");
    }

    @Override
    public boolean isPort(KernelObject object) {
        return io.get().isCompletionPort(object);
    }

    @Override
    public void post(KernelObject port, long key, int message, long processId) {
        io.get().post(port, key, processId, NtStatus.STATUS_SUCCESS, message);
    }
}
