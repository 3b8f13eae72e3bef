package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_DEVICE_REQUEST;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_COLLISION;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_INVALID;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.DeviceRegistry;
import dev.kobj.api.io.Driver;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.pipe.MailslotCreate;
import dev.kobj.api.pipe.PipeControl;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mailslot file system (MSFS, nt-semantics.md §7.3): the device {@code \Device\Mailslot} (Win32
 * {@code \\.\mailslot\}). A create with a {@link MailslotCreate} makes a mailslot and its server end
 * (the only end that reads); a plain open of an existing name is a client end (writes only). The name
 * is removed when the server end's last handle closes. Thread-safe.
 */
final class MailslotDriver implements Driver {
    /** What a client end holds (the server end holds the {@link Mailslot} itself). */
    private record Client(Mailslot slot) {
    }

    private final TimerQueue timers;
    private final Map<String, Mailslot> names = new ConcurrentHashMap<>();

    @Inject
    MailslotDriver(TimerQueue timers) {
        this.timers = requireNonNull(timers, "timers is null");
    }

    @Override
    public void load(DeviceRegistry devices) {
        devices.createDevice("Mailslot", DeviceObject.FILE_DEVICE_MAILSLOT, "MAILSLOT");
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    @Override
    public int create(IoRequest request) {
        String name = request.fileName();
        CreateParameters parameters = request.file().parameters();
        if (name.isEmpty()) {
            return STATUS_OBJECT_NAME_INVALID;
        }
        if (parameters.extra() instanceof MailslotCreate create) {
            long timeout = create.readTimeout();
            if (create.maximumMessageSize() < 0 || (timeout < 0 && timeout != WaitService.INFINITE)) {
                return STATUS_INVALID_PARAMETER;
            }
            Mailslot slot = new Mailslot(name, create.maximumMessageSize(), timeout);
            if (names.putIfAbsent(key(name), slot) != null) {
                return STATUS_OBJECT_NAME_COLLISION;
            }
            request.file().setContext(slot);
            request.setInformation(CreateParameters.FILE_CREATED);
            return STATUS_SUCCESS;
        }
        if (parameters.extra() != null) {
            return STATUS_INVALID_PARAMETER;
        }
        Mailslot slot = names.get(key(name));
        if (slot == null) {
            return STATUS_OBJECT_NAME_NOT_FOUND;
        }
        request.file().setContext(new Client(slot));
        request.setInformation(CreateParameters.FILE_OPENED);
        return STATUS_SUCCESS;
    }

    @Override
    public int read(IoRequest request) {
        return request.file().context() instanceof Mailslot slot ? slot.read(request, timers) : STATUS_ACCESS_DENIED;
    }

    @Override
    public int write(IoRequest request) {
        return request.file().context() instanceof Client client ? client.slot().write(request)
                : STATUS_ACCESS_DENIED;
    }

    @Override
    public int deviceControl(IoRequest request) {
        if (request.major() != IoRequest.FILE_SYSTEM_CONTROL) {
            return STATUS_INVALID_DEVICE_REQUEST;
        }
        if (!(request.file().context() instanceof Mailslot slot)) {
            return STATUS_INVALID_PARAMETER; // the information is the server's
        }
        switch (request.controlCode()) {
            case PipeControl.FSCTL_KOBJ_MAILSLOT_QUERY -> {
                if (!(request.argument() instanceof Object[] out) || out.length < 1) {
                    return STATUS_INVALID_PARAMETER;
                }
                out[0] = slot.information();
                return STATUS_SUCCESS;
            }
            case PipeControl.FSCTL_KOBJ_MAILSLOT_SET_TIMEOUT -> {
                if (!(request.argument() instanceof Long timeout) || (timeout < 0 && timeout != WaitService.INFINITE)) {
                    return STATUS_INVALID_PARAMETER;
                }
                slot.setReadTimeout(timeout);
                return STATUS_SUCCESS;
            }
            default -> {
                return STATUS_INVALID_DEVICE_REQUEST;
            }
        }
    }

    @Override
    public void cleanup(FileObject file) {
        if (file.context() instanceof Mailslot slot) {
            names.remove(key(slot.name), slot);
            slot.close();
        }
    }
}
