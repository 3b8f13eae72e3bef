package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DirCommandTest {
    private final LauncherRun launcher = new LauncherRun();
    private final StringWriter out = launcher.out;
    private final StringWriter err = launcher.err;

    private int run(String... args) {
        return launcher.run(args);
    }

    @Test
    void theRootShowsItsDirectoriesAndLinksWithTargets() {
        assertEquals(0, run("dir"));
        String text = out.toString().replace(System.lineSeparator(), "\n");
        assertTrue(text.contains("BaseNamedObjects  Directory\n"), text);
        assertTrue(text.contains("DosDevices        SymbolicLink  -> \\??\n"), text);
    }

    @Test
    void aTreeDescendsIntoDirectories() {
        assertEquals(0, run("dir", "--tree", "\\Sessions"));
        String text = out.toString().replace(System.lineSeparator(), "\n");
        assertTrue(text.contains("BNOLINKS  Directory\n  0  SymbolicLink  -> \\BaseNamedObjects\n"), text);
    }

    @Test
    void aMissingDirectoryIsReportedWithItsStatus() {
        assertEquals(1, run("dir", "\\nope"));
        assertEquals("kobj dir: \\nope: STATUS_OBJECT_NAME_NOT_FOUND", err.toString().strip());
    }
}
