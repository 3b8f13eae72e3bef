package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_INVALID;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsNamesTest {
    private static List<String> split(String name, int expected) {
        List<String> out = new ArrayList<>();
        assertEquals(expected, WindowsNames.split(name, out), name);
        return out;
    }

    @Test
    void splitsOnBackslashesWithTheRootAsNoComponent() {
        assertEquals(List.of(), split("", STATUS_SUCCESS));
        assertEquals(List.of(), split("\\", STATUS_SUCCESS));
        assertEquals(List.of("a", "b c.txt"), split("a\\b c.txt", STATUS_SUCCESS));
        assertEquals(List.of("a", "b"), split("\\a\\b\\", STATUS_SUCCESS));
        split("a\\\\b", STATUS_OBJECT_NAME_INVALID);
        split("a\\..\\b", STATUS_OBJECT_NAME_INVALID);
    }

    @Test
    void windowsRulesOnEveryComponent() {
        assertTrue(WindowsNames.valid("...a"));
        assertTrue(WindowsNames.valid("CONSOLE"));
        assertTrue(WindowsNames.valid("com10"));
        assertTrue(WindowsNames.valid("x".repeat(255)));
        for (String bad : new String[] {"", ".", "..", "a.", "a ", "x".repeat(256), "a<", "a>", "a:", "a\"", "a/",
                "a|", "a?", "a*", "a\u001f", "con", "CON.txt", "Nul", "com1.x.y", "LPT9", "prn ", "aux .h"}) {
            assertFalse(WindowsNames.valid(bad), bad);
        }
    }
}
