package dev.kobj.win32;

import java.util.ArrayList;
import java.util.List;

/**
 * Win32 file names as NT names (RtlDosPathNameToNtPathName, nt-semantics.md §8): {@code C:\a\b} and
 * {@code C:/a/b} become {@code \??\C:\a\b} after the Win32 clean-up (separators unified, {@code .} and
 * {@code ..} resolved lexically and never above the drive's root, empty components dropped, trailing dots
 * and spaces of each component removed); {@code \\?\x} passes to {@code \??\x} untouched (the volume then
 * refuses what Win32 would have cleaned); {@code \\.\x} becomes {@code \??\x}. Relative names have no
 * current directory to resolve against: {@code null}. Stateless.
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
