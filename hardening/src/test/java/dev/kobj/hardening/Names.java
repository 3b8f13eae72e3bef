package dev.kobj.hardening;

/**
 * Object names a program may use: plain ones whose NT name the model knows, and hostile ones (odd
 * Unicode, {@code ..}, backslashes, empty, huge) whose fate the kernel decides and the model learns.
 */
final class Names {
    static final String SESSION = "\\Sessions\\1\\BaseNamedObjects\\";
    static final String GLOBAL = "\\BaseNamedObjects\\";

    static final String[] WIN32 = {null, "n0", "n1", "Local\\n0", "Global\\n0", "Global\\n1", "\u00fc\u20ac\uD83D\uDE00",
            "N0", "..", "..\\n0", "a\\b", "", "\\", "\uD800x", "n\u0000z", "x".repeat(40_000), "Local\\",
            "Global\\..\\n1", "Session\\1\\n1", "n0\\", " n0", "\uFFFF\uFFFE"};

    private Names() {
    }

    /** The NT name a Win32 name certainly stands for, or null when the kernel's answer is to be learnt. */
    static String predictable(String win32) {
        if (win32 == null) {
            return null;
        }
        return switch (win32) {
            case "n0", "n1", "N0", " n0", "\u00fc\u20ac\uD83D\uDE00" -> SESSION + win32;
            case "Local\\n0" -> SESSION + "n0";
            case "Global\\n0", "Global\\n1" -> GLOBAL + win32.substring("Global\\".length());
            default -> null;
        };
    }

    static boolean plain(String win32) {
        return win32 == null || predictable(win32) != null;
    }
}
