package dev.kobj.core.io;

import static dev.kobj.api.status.NtStatus.STATUS_INVALID_DEVICE_REQUEST;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_PENDING;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.FileObject;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import java.util.function.Supplier;

/**
 * The procedures of the I/O manager's types (nt-semantics.md §1.3): a device parses the rest of a name
 * into a new file object (its driver's create); a file object's last handle runs the cleanup (pending
 * requests cancelled, then the driver's cleanup) and its deletion the driver's close; a port's last
 * handle closes it. Stateless: what a call needs comes with the object or the open packet.
 */
public final class IoProcedures {
    private IoProcedures() {
    }

    /** The Device type's procedures; {@code fileType} is the File type the parse makes objects of. */
    public static ObjectProcedures device(Supplier<ObjectType> fileType) {
        return new ObjectProcedures() {
            @Override
            public int parse(KernelObject object, KThread caller, String remainingName, boolean caseInsensitive,
                    Object context, KernelObject[] opened) {
                if (!(context instanceof OpenPacket packet)) {
                    return STATUS_OBJECT_TYPE_MISMATCH; // only NtCreateFile opens through a device
                }
                DeviceObject device = (DeviceObject) object;
                if (!device.reference()) {
                    return STATUS_OBJECT_NAME_NOT_FOUND;
                }
                FileObject file = new FileObject(fileType.get(), packet.dispatcher, device, remainingName,
                        packet.parameters);
                Irp create = new Irp(IoRequest.CREATE, file, packet.threadIo, null, 0, 0, 0, 0, null, 0,
                        packet.parameters, null, null, null, null, remainingName);
                int status = device.driver().create(create);
                if (status == STATUS_PENDING) {
                    status = STATUS_INVALID_DEVICE_REQUEST; // a create never pends in kobj (Driver#create)
                }
                if (status < 0) {
                    device.dereference(); // the file object was never seen: no cleanup, no close
                    return status;
                }
                packet.information = create.information();
                opened[0] = file;
                return status;
            }
        };
    }

    /** The File type's procedures. */
    public static final ObjectProcedures FILE = new ObjectProcedures() {
        @Override
        public int open(KernelObject object, KProcess process, int grantedAccess, OpenReason reason) {
            ((FileObject) object).handleOpened(process);
            return STATUS_SUCCESS;
        }

        /**
         * IopCloseFile: the last handle of all runs the cleanup; a process's last handle while others
         * remain releases that process's locks on the file object (unlock-all).
         */
        @Override
        public void close(KernelObject object, KProcess process, int handlesLeft) {
            FileObject file = (FileObject) object;
            int processLeft = file.handleClosed(process);
            if (handlesLeft == 0) {
                if (file.markCleanedUp()) {
                    for (IoRequest request : file.pending(request -> true)) {
                        request.cancel(); // IRP_MJ_CLEANUP: the file's requests go first
                    }
                    file.device().driver().cleanup(file);
                }
            } else if (processLeft == 0) {
                file.device().driver().unlockAll(file, process);
            }
        }

        @Override
        public void delete(KernelObject object) {
            FileObject file = (FileObject) object;
            file.device().driver().close(file);
            file.device().dereference(); // devices are permanent: never the last reference
        }
    };

    /** The IoCompletion type's procedures. */
    public static final ObjectProcedures IO_COMPLETION = new ObjectProcedures() {
        @Override
        public void close(KernelObject object, KProcess process, int handlesLeft) {
            if (handlesLeft == 0) {
                ((IoCompletionPort) object).close();
            }
        }
    };
}
