package dev.kobj.win32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DosPathsTest {
    @Test
    void driveNamesAreCleanedAsWin32Does() {
        assertEquals("\\??\\C:", DosPaths.ntPath("C:\\"));
        assertEquals("\\??\\C:", DosPaths.ntPath("c:/"));
        assertEquals("\\??\\C:\\a\\b.txt", DosPaths.ntPath("c:/a//b.txt"));
        assertEquals("\\??\\C:\\b", DosPaths.ntPath("C:\\a\\..\\b"));
        assertEquals("\\??\\C:\\b", DosPaths.ntPath("C:\\..\\..\\b"));
        assertEquals("\\??\\C:\\a\\b", DosPaths.ntPath("C:\\.\\a\\.\\b\\"));
        assertEquals("\\??\\C:\\a\\name", DosPaths.ntPath("C:\\a. \\name. . "));
        assertEquals("\\??\\D:\\x y", DosPaths.ntPath("D:\\x y"));
    }

    @Test
    void devicePathsPassAndRelativeNamesHaveNone() {
        assertEquals("\\??\\C:\\..\\x.", DosPaths.ntPath("\\\\?\\C:\\..\\x."));
        assertEquals("\\??\\pipe\\p", DosPaths.ntPath("\\\\.\\pipe\\p"));
        assertNull(DosPaths.ntPath("\\\\.\\"));
        assertNull(DosPaths.ntPath("relative.txt"));
        assertNull(DosPaths.ntPath("C:drive-relative"));
        assertNull(DosPaths.ntPath(""));
        assertNull(DosPaths.ntPath(null));
    }
}
