package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DirCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
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
