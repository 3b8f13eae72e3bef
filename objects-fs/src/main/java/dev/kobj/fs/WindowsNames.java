package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_INVALID;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Windows rules for a file name on a volume, applied the same on any host (nt-semantics.md §8): a
 * name is components split on {@code \}, each 1–255 characters, none of {@code < > : " / \ | ? *} or a
 * control character, no trailing dot or space (Win32 strips them before a name reaches a volume, so one
 * that gets here was meant to escape), not {@code .} or {@code ..}, and not a DOS device name (CON, PRN,
 * AUX, NUL, COM1–9, LPT1–9, with or without an extension). Stateless.
 */
final class WindowsNames {
    static final int MAX_COMPONENT = 255;
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private WindowsNames() {
    }

    /**
     * Splits the name a volume was asked for (what follows {@code \??\C:}; a leading and a trailing
     * {@code \} allowed, "" for the root) into checked components added to {@code out}.
     */
    static int split(String name, List<String> out) {
        int from = name.startsWith("\\") ? 1 : 0;
        int to = name.endsWith("\\") && name.length() > from ? name.length() - 1 : name.length();
        if (from >= to) {
            return STATUS_SUCCESS; // the root
        }
        for (String component : name.substring(from, to).split("\\\\", -1)) {
            if (!valid(component)) {
                return STATUS_OBJECT_NAME_INVALID;
            }
            out.add(component);
        }
        return STATUS_SUCCESS;
    }

    /** Whether one component is a name a Windows volume can hold. */
    static boolean valid(String component) {
        int n = component.length();
        if (n == 0 || n > MAX_COMPONENT) {
            return false;
        }
        char last = component.charAt(n - 1);
        if (last == '.' || last == ' ') {
            return false; // also refuses "." and ".."
        }
        for (int i = 0; i < n; i++) {
            char c = component.charAt(i);
            if (c < 0x20 || "<>:\"/\\|?*".indexOf(c) >= 0) {
                return false;
            }
        }
        return !isDevice(component);
    }

    /** CON, NUL, COM1 ... also with an extension ("nul.txt"), and with trailing spaces before it. */
    static boolean isDevice(String component) {
        int dot = component.indexOf('.');
        String base = (dot < 0 ? component : component.substring(0, dot)).stripTrailing();
        return base.length() <= 4 && DEVICES.contains(base.toUpperCase(Locale.ROOT));
    }

    /** Case-insensitive equality as NTFS sees it (per-character upper case). */
    static boolean sameName(String a, String b) {
        return a.equalsIgnoreCase(b);
    }
}
