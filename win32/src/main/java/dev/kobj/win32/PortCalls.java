package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;

import dev.kobj.api.port.PortService;
import dev.kobj.api.process.KThread;

/** The LPC calls of Ntdll on the ipc family's PortService; STATUS_NOT_IMPLEMENTED without the family. */
final class PortCalls {
    private final CallContext context;
    private final PortService ports;

    PortCalls(CallContext context, PortService ports) {
        this.context = context;
        this.ports = ports;
    }

    int createPort(long[] handle, ObjectAttributes attributes, int maxConnectionInfo, int maxMessage) {
        return ports == null ? STATUS_NOT_IMPLEMENTED
                : ports.createPort(context.thread(), Names.nt(attributes), maxConnectionInfo, maxMessage, handle);
    }

    int connectPort(long[] handle, String name, PortView view, MappedView[] mapped, int[] maxMessage, byte[] info,
            byte[][] infoOut) {
        if (ports == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        KThread thread = context.thread();
        var kernelView = view == null ? null
                : new dev.kobj.api.port.PortView(view.sectionHandle(), view.sectionOffset(), view.viewSize());
        var out = new dev.kobj.api.section.SectionView[1];
        int status = ports.connectPort(thread, name, kernelView, info, maxMessage, infoOut, out, handle);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_SUCCESS && out[0] != null && mapped != null && mapped.length > 0) {
            mapped[0] = SectionCalls.mapped(out[0]);
        }
        return status;
    }

    int listenPort(long handle, PortMessage[] request) {
        if (ports == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        KThread thread = context.thread();
        var out = new dev.kobj.api.port.PortMessage[1];
        int status = request == null || request.length == 0 ? STATUS_INVALID_PARAMETER
                : ports.listenPort(thread, handle, out);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_SUCCESS) {
            request[0] = win32(out[0]);
        }
        return status;
    }

    int acceptConnectPort(long[] handle, long portContext, PortMessage request, boolean accept,
            MappedView[] clientView) {
        if (ports == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        var out = new dev.kobj.api.section.SectionView[1];
        int status = ports.acceptConnectPort(context.thread(), portContext, kernel(request), accept, out, handle);
        if (status == STATUS_SUCCESS && out[0] != null && clientView != null && clientView.length > 0) {
            clientView[0] = SectionCalls.mapped(out[0]);
        }
        return status;
    }

    int completeConnectPort(long handle) {
        return ports == null ? STATUS_NOT_IMPLEMENTED : ports.completeConnectPort(context.thread(), handle);
    }

    int requestPort(long handle, PortMessage message) {
        return ports == null ? STATUS_NOT_IMPLEMENTED : ports.requestPort(context.thread(), handle, kernel(message));
    }

    int requestWaitReplyPort(long handle, PortMessage request, PortMessage[] reply) {
        if (ports == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        KThread thread = context.thread();
        var out = new dev.kobj.api.port.PortMessage[1];
        int status = reply == null || reply.length == 0 ? STATUS_INVALID_PARAMETER
                : ports.requestWaitReplyPort(thread, handle, kernel(request), out);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_SUCCESS) {
            reply[0] = win32(out[0]);
        }
        return status;
    }

    int replyPort(long handle, PortMessage reply) {
        return ports == null ? STATUS_NOT_IMPLEMENTED : ports.replyPort(context.thread(), handle, kernel(reply));
    }

    int replyWaitReceivePort(long handle, long[] portContext, PortMessage reply, PortMessage[] receive) {
        if (ports == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        KThread thread = context.thread();
        var out = new dev.kobj.api.port.PortMessage[1];
        int status = receive == null || receive.length == 0 ? STATUS_INVALID_PARAMETER
                : ports.replyWaitReceivePort(thread, handle, portContext, kernel(reply), out);
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_SUCCESS) {
            receive[0] = win32(out[0]);
        }
        return status;
    }

    private static dev.kobj.api.port.PortMessage kernel(PortMessage message) {
        return message == null || message.data() == null ? null
                : new dev.kobj.api.port.PortMessage(message.type(), message.messageId(), message.clientProcessId(),
                        message.clientThreadId(), message.data());
    }

    private static PortMessage win32(dev.kobj.api.port.PortMessage message) {
        return new PortMessage(message.type(), message.messageId(), message.clientProcessId(),
                message.clientThreadId(), message.data());
    }
}
