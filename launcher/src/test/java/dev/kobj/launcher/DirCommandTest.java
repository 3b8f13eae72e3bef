package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirCommandTest {
    private final LauncherRun launcher = new LauncherRun();

    @Test
    void theRootShowsItsDirectoriesAndLinksWithTargets() {
        assertEquals(0, launcher.run("dir"));
        String text = launcher.out();
        assertTrue(text.contains("BaseNamedObjects  Directory\n"), text);
        assertTrue(text.contains("DosDevices        SymbolicLink  -> \\??\n"), text);
    }

    @Test
    void aTreeDescendsIntoDirectories() {
        assertEquals(0, launcher.run("dir", "--tree", "\\Sessions"));
        assertTrue(launcher.out().contains("BNOLINKS  Directory\n  0  SymbolicLink  -> \\BaseNamedObjects\n"),
                launcher.out());
        LauncherRun tree = new LauncherRun();
        assertEquals(0, tree.run("tree", "\\Sessions"));
        assertEquals(launcher.out(), tree.out());
    }

    @Test
    void aTrailingBackslashAsTabCompletesItListsTheDirectory() {
        assertEquals(0, launcher.run("dir", "\\Sessions\\"));
        LauncherRun plain = new LauncherRun();
        assertEquals(0, plain.run("dir", "\\Sessions"));
        assertEquals(plain.out(), launcher.out());
        assertTrue(launcher.out().contains("BNOLINKS  Directory\n"), launcher.out());
    }

    @Test
    void aNameIsInTheSessionsNamedObjects() {
        assertEquals(0, launcher.script("""
                create directory Things
                create event Things\\Ping
                dir Things
                """));
        assertTrue(launcher.out().endsWith("\nPing  Event\n"), launcher.out());
    }

    @Test
    void asJsonWithLinkTargetsAndNestedEntries() {
        assertEquals(0, launcher.run("--json", "tree", "\\Sessions\\BNOLINKS"));
        assertEquals("[{\"name\":\"0\",\"type\":\"SymbolicLink\",\"target\":\"\\\\BaseNamedObjects\"},"
                + "{\"name\":\"1\",\"type\":\"SymbolicLink\",\"target\":\"\\\\Sessions\\\\1\\\\BaseNamedObjects\"}]\n",
                launcher.out());
    }

    @Test
    void aMissingDirectoryIsReportedWithItsStatus() {
        assertEquals(1, launcher.run("dir", "\\nope"));
        assertEquals("kobj: dir \\nope: STATUS_OBJECT_NAME_NOT_FOUND (ERROR_FILE_NOT_FOUND 2)\n", launcher.err());
    }

    @Test
    void aLinkToADirectoryIsFollowedAndANonDirectoryIsATypeMismatch() {
        assertEquals(0, launcher.run("dir", "\\DosDevices"));
        assertEquals(1, launcher.run("dir", "\\ObjectTypes\\Event"));
        assertEquals("kobj: dir \\ObjectTypes\\Event: STATUS_OBJECT_TYPE_MISMATCH (ERROR_INVALID_HANDLE 6)\n",
                launcher.err());
    }
}
