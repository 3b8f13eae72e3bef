package dev.kobj.core.io;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.io.CreateParameters;

/**
 * What NtCreateFile passes through the object manager to a device's parse procedure (NT's OPEN_PACKET),
 * and where the procedure leaves the create disposition the driver reported. Used by one call.
 */
final class OpenPacket {
    final CreateParameters parameters;
    final DispatcherContext dispatcher;
    final ThreadIo threadIo;
    long information;

    OpenPacket(CreateParameters parameters, DispatcherContext dispatcher, ThreadIo threadIo) {
        this.parameters = parameters;
        this.dispatcher = dispatcher;
        this.threadIo = threadIo;
    }
}
