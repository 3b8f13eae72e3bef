package dev.kobj.win32;

import java.util.ArrayList;
import java.util.List;

/**
 * Win32 file names as NT names (RtlDosPathNameToNtPathName, nt-semantics.md §8): {@code C:\a\b} and
 * {@code C:/a/b} become {@code \??\C:\a\b} after the Win32 clean-up (separators unified, {@code .} and
 * {@code ..} resolved lexically and never above the drive's root, empty components dropped, trailing dots
 * and spaces of each component removed); {@code \\?\x} passes to {@code \??\x} untouched (the volume then
 * refuses what Win32 would have cleaned); {@code \\.\x} becomes {@code \??\x}. Relative names resolve
 * against a process's current directory as RtlGetFullPathName_U does ({@link #fullPath}): {@code a.txt} and
 * {@code ..\b} below it, {@code \x} on its drive, {@code C:rel} below it when it is on C: (else below
 * C:'s root: kobj keeps no per-drive directories). UNC names ({@code \\server\share}) have no network:
 * {@code null}. Stateless.
 */
final class DosPaths {
    private DosPaths() {
    }

    static String ntPath(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (name.startsWith("\\\\?\\")) {
            return name.length() > 4 ? "\\??\\" + name.substring(4) : null;
        }
        if (name.startsWith("\\\\.\\")) {
            return name.length() > 4 ? "\\??\\" + name.substring(4) : null;
        }
        if (name.length() >= 3 && isDriveLetter(name.charAt(0)) && name.charAt(1) == ':'
                && (name.charAt(2) == '\\' || name.charAt(2) == '/')) {
            List<String> kept = new ArrayList<>();
            for (String component : name.substring(3).split("[\\\\/]")) {
                String trimmed = stripTrailingDotsAndSpaces(component);
                if (component.equals("..")) {
                    if (!kept.isEmpty()) {
                        kept.removeLast();
                    }
                } else if (!trimmed.isEmpty()) {
                    kept.add(trimmed); // "." and "" (and names of dots and spaces only) vanish
                }
            }
            String drive = "\\??\\" + Character.toUpperCase(name.charAt(0)) + ":";
            return kept.isEmpty() ? drive : drive + "\\" + String.join("\\", kept); // the root: the volume itself
        }
        return null;
    }

    /** The NT name of {@code name}, relative ones resolved against {@code currentDirectory} (a full DOS path). */
    static String ntPath(String name, String currentDirectory) {
        if (name == null || name.isEmpty() || name.startsWith("\\\\?\\") || name.startsWith("\\\\.\\")) {
            return ntPath(name);
        }
        String full = fullPath(name, currentDirectory);
        return full == null ? null : ntPath(full);
    }

    /**
     * GetFullPathName's joining, before the clean-up: an absolute {@code X:\...} as it is, a relative
     * name after {@code currentDirectory}; {@code null} for a UNC name, or a relative one with no
     * current directory.
     */
    static String fullPath(String name, String currentDirectory) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (isAbsolute(name)) {
            return name;
        }
        if (isSeparator(name.charAt(0)) && name.length() > 1 && isSeparator(name.charAt(1))) {
            return null; // UNC, \\?\ and \\.\: no network, and device names are not joined
        }
        if (currentDirectory == null || !isAbsolute(currentDirectory)) {
            return null;
        }
        if (name.length() >= 2 && isDriveLetter(name.charAt(0)) && name.charAt(1) == ':') {
            char drive = Character.toUpperCase(name.charAt(0));
            String base = drive == Character.toUpperCase(currentDirectory.charAt(0)) ? currentDirectory : drive + ":\\";
            return join(base, name.substring(2));
        }
        if (isSeparator(name.charAt(0))) {
            return currentDirectory.substring(0, 2) + name; // rooted on the current drive
        }
        return join(currentDirectory, name);
    }

    /**
     * A directory as a process keeps it: the cleaned full path, {@code X:\} for a root, no trailing
     * separator otherwise; {@code null} if {@code name} does not resolve to a drive path.
     */
    static String canonical(String name, String currentDirectory) {
        if (name != null && (name.startsWith("\\\\?\\") || name.startsWith("\\\\.\\"))) {
            return null;
        }
        String nt = ntPath(name, currentDirectory);
        if (nt == null) {
            return null;
        }
        String dos = nt.substring(4); // after \??\
        return dos.length() == 2 ? dos + "\\" : dos;
    }

    private static String join(String base, String rest) {
        if (rest.isEmpty()) {
            return base;
        }
        return isSeparator(base.charAt(base.length() - 1)) ? base + rest : base + "\\" + rest;
    }

    private static boolean isAbsolute(String name) {
        return name.length() >= 3 && isDriveLetter(name.charAt(0)) && name.charAt(1) == ':' && isSeparator(name.charAt(2));
    }

    private static boolean isSeparator(char c) {
        return c == '\\' || c == '/';
    }

    private static boolean isDriveLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String stripTrailingDotsAndSpaces(String component) {
        int end = component.length();
        while (end > 0 && (component.charAt(end - 1) == '.' || component.charAt(end - 1) == ' ')) {
            end--;
        }
        return component.substring(0, end);
    }
}
