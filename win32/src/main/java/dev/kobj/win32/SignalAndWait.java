package dev.kobj.win32;

import static dev.kobj.win32.Win32.STATUS_INVALID_HANDLE;
import static dev.kobj.win32.Win32.STATUS_NOT_IMPLEMENTED;
import static dev.kobj.win32.Win32.STATUS_OBJECT_TYPE_MISMATCH;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService;

/**
 * SignalObjectAndWait / NtSignalAndWaitForSingleObject (nt-semantics.md §5.3): signal an event (set), a
 * semaphore (release 1) or a mutex (release), then wait on the other object; a failed signal fails
 * the call without waiting. The two steps are not atomic here (Windows does not strictly promise it).
 */
final class SignalAndWait {
    private SignalAndWait() {
    }

    static int signalAndWait(CallContext context, KThread thread, long signal, long wait, boolean alertable,
            long timeout) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        HandleEntry entry = context.objects().lookup(thread, signal);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int status = switch (entry.object().type().name()) {
            case "Event" -> sync.setEvent(thread, signal, null);
            case "Semaphore" -> sync.releaseSemaphore(thread, signal, 1, null);
            case "Mutant" -> sync.releaseMutant(thread, signal, null);
            default -> STATUS_OBJECT_TYPE_MISMATCH;
        };
        if (status < 0) {
            return status;
        }
        return context.waits().waitForSingleObject(thread, wait, alertable, timeout);
    }
}
