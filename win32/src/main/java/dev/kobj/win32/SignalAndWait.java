package dev.kobj.win32;

import static dev.kobj.win32.Win32.STATUS_INVALID_HANDLE;
import static dev.kobj.win32.Win32.STATUS_NOT_IMPLEMENTED;
import static dev.kobj.win32.Win32.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.win32.Win32.STATUS_SUCCESS;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService;
import java.util.function.IntSupplier;

/**
 * SignalObjectAndWait / NtSignalAndWaitForSingleObject (nt-semantics.md §5.3): signal an event (set), a
 * semaphore (release 1) or a mutex (release), then wait on the other object, as one step: the caller is
 * queued on the wait object before the signal, so a thread the signal wakes finds it waiting. A failed
 * signal fails the call without waiting.
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
        HandleEntry waitEntry = context.objects().lookup(thread, wait);
        if (entry == null || waitEntry == null) {
            return STATUS_INVALID_HANDLE;
        }
        IntSupplier signalling = switch (entry.object().type().name()) {
            case "Event" -> () -> sync.setEvent(thread, signal, null);
            case "Semaphore" -> () -> sync.releaseSemaphore(thread, signal, 1, null);
            case "Mutant" -> () -> sync.releaseMutant(thread, signal, null);
            default -> null;
        };
        if (signalling == null) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        int checked = waitEntry.checkWait();
        if (checked != STATUS_SUCCESS) {
            return checked;
        }
        return context.waits().signalAndWait(thread, signalling, waitEntry.dispatcherObject(), alertable, timeout);
    }
}
