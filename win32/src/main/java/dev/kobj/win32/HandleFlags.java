package dev.kobj.win32;

import static dev.kobj.win32.Win32.HANDLE_FLAG_INHERIT;
import static dev.kobj.win32.Win32.HANDLE_FLAG_PROTECT_FROM_CLOSE;
import static dev.kobj.win32.Win32.OBJ_INHERIT;

/** HANDLE_FLAG_* (Win32) to and from the handle attribute bits of NT (OBJ_INHERIT, OBJ_PROTECT_CLOSE). */
final class HandleFlags {
    /** OBJ_PROTECT_CLOSE (ntdef.h); not part of the contract's constants. */
    static final int OBJ_PROTECT_CLOSE = 0x1;

    private HandleFlags() {
    }

    static int fromAttributes(int attributes) {
        return ((attributes & OBJ_INHERIT) != 0 ? HANDLE_FLAG_INHERIT : 0)
                | ((attributes & OBJ_PROTECT_CLOSE) != 0 ? HANDLE_FLAG_PROTECT_FROM_CLOSE : 0);
    }

    static int toAttributes(int flags) {
        return ((flags & HANDLE_FLAG_INHERIT) != 0 ? OBJ_INHERIT : 0)
                | ((flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0 ? OBJ_PROTECT_CLOSE : 0);
    }
}
