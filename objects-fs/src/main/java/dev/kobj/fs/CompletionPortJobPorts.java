package dev.kobj.fs;

import dev.kobj.api.object.KernelObject;
import jakarta.inject.Inject;

/** Job messages to completion ports. Until the I/O manager lands, no object is a port. */
final class CompletionPortJobPorts implements JobPorts {
    @Inject
    CompletionPortJobPorts() {
    }

    @Override
    public boolean isPort(KernelObject object) {
        return false;
    }

    @Override
    public void post(KernelObject port, long key, int message, long processId) {
    }
}
