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

    @Test
    void relativeNamesResolveAgainstTheCurrentDirectory() {
        String cwd = "C:\\work\\sub";
        assertEquals("\\??\\C:\\work\\sub\\a.txt", DosPaths.ntPath("a.txt", cwd));
        assertEquals("\\??\\C:\\work\\sub\\d\\a.txt", DosPaths.ntPath("d/a.txt", cwd));
        assertEquals("\\??\\C:\\work\\b", DosPaths.ntPath("..\\b", cwd));
        assertEquals("\\??\\C:\\x", DosPaths.ntPath("..\\..\\..\\..\\x", cwd), "never above the root");
        assertEquals("\\??\\C:\\work\\sub", DosPaths.ntPath(".", cwd));
        assertEquals("\\??\\C:\\rooted", DosPaths.ntPath("\\rooted", cwd), "rooted on the current drive");
        assertEquals("\\??\\C:\\work\\sub\\rel", DosPaths.ntPath("c:rel", cwd), "drive-relative, same drive");
        assertEquals("\\??\\C:\\work\\sub", DosPaths.ntPath("C:", cwd));
        assertEquals("\\??\\D:\\rel", DosPaths.ntPath("D:rel", cwd), "another drive: its root");
        assertEquals("\\??\\D:\\abs", DosPaths.ntPath("D:\\abs", cwd));
        assertEquals("\\??\\C:\\top.txt", DosPaths.ntPath("top.txt", "C:\\"));
        assertEquals("\\??\\pipe\\p", DosPaths.ntPath("\\\\.\\pipe\\p", cwd));
        assertNull(DosPaths.ntPath("\\\\server\\share\\f", cwd), "no network");
        assertNull(DosPaths.ntPath("a.txt", null));
        assertNull(DosPaths.ntPath("", cwd));
    }

    @Test
    void aCurrentDirectoryIsKeptCleaned() {
        assertEquals("C:\\", DosPaths.canonical("c:/", null));
        assertEquals("C:\\", DosPaths.canonical("..", "C:\\a"));
        assertEquals("C:\\a\\b", DosPaths.canonical("b\\", "C:\\a"));
        assertEquals("D:\\x", DosPaths.canonical("d:\\x\\y\\..", "C:\\a"));
        assertNull(DosPaths.canonical("\\\\.\\pipe", "C:\\"));
        assertNull(DosPaths.canonical("rel", null));
    }
}
