package dev.kobj.win32;

import dev.kobj.api.sync.SyncService.TimerCompletion;

/** A waitable timer's completion routine in Windows shape: called with its argument and the expiry time's FILETIME halves. */
final class TimerCompletions {
    private TimerCompletions() {
    }

    /** The sync family's completion for {@code routine} (PTIMERAPCROUTINE), or {@code null} for none. */
    static TimerCompletion of(TimerApcProc routine, long argument) {
        return routine == null ? null
                : expiredAt -> routine.apply(argument, (int) expiredAt, (int) (expiredAt >>> 32));
    }
}
