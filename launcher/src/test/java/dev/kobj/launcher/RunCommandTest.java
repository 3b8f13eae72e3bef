package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code kobj run}: one kernel for the whole script, comments and quotes, where it stops and with what code. */
@Timeout(30)
class RunCommandTest {
    private final LauncherRun launcher = new LauncherRun();

    @Test
    void commentsBlankLinesAndQuotes() {
        assertEquals(0, launcher.script("""
                # a comment line

                echo "two  spaces" 'and \\backslashes\\'   # a trailing comment
                echo a#b
                """));
        assertEquals("two  spaces and \\backslashes\\\na#b\n", launcher.out());
    }

    @Test
    void stopsAtTheFirstFailingCommandWithItsCode() {
        assertEquals(1, launcher.script("""
                echo one
                close Nope
                echo never
                """));
        assertEquals("one\n", launcher.out());
        assertTrue(launcher.err().startsWith("kobj: stdin:2: close Nope: no handle named Nope"), launcher.err());
    }

    @Test
    void aUsageErrorStopsWithCode2() {
        assertEquals(2, launcher.script("wait\necho never\n"));
        assertEquals("kobj: stdin:1: wait: Missing required parameter: 'OBJECT' (see: help wait)\n", launcher.err());
        assertEquals("", launcher.out());
    }

    @Test
    void keepGoingRunsEveryLineAndExitsWithTheFirstFailure() {
        LauncherRun going = new LauncherRun();
        assertEquals(2, going.scriptWith(new String[] {"--keep-going"}, """
                frob
                close Nope
                echo still here
                """));
        assertEquals("still here\n", going.out());
        assertEquals(2, going.err().lines().count(), going.err());
        assertTrue(going.err().startsWith("kobj: stdin:1: unknown command 'frob' (see: help)\n"), going.err());
    }

    @Test
    void anUnclosedQuoteIsAUsageError() {
        assertEquals(2, launcher.script("echo \"open\n"));
        assertEquals("kobj: stdin:1: unclosed quote \"\n", launcher.err());
    }

    @Test
    void echoPrintsEachCommandFirst() {
        assertEquals(0, launcher.scriptWith(new String[] {"-x"}, "# quiet\necho hi\n"));
        assertEquals("> echo hi\nhi\n", launcher.out());
    }

    @Test
    void aScriptFile(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("demo.kobj");
        Files.writeString(script, "create event E\nclose E\nfrob\n");
        assertEquals(2, launcher.run("run", script.toString()));
        assertEquals("0x4 created Event \\Sessions\\1\\BaseNamedObjects\\E\nclosed 0x4\n", launcher.out());
        assertEquals("kobj: demo.kobj:3: unknown command 'frob' (see: help)\n", launcher.err());
    }

    @Test
    void aMissingScript() {
        assertEquals(1, launcher.run("run", "/no/such/script.kobj"));
        assertEquals("kobj: run: no such script: /no/such/script.kobj\n", launcher.err());
    }

    @Test
    void helpForACommandInsideAScript() {
        assertEquals(0, launcher.script("help wait\n"));
        assertTrue(launcher.out().contains("Usage:  wait [-hV] [--alertable] [--all] [-t=MS] OBJECT...\n"), launcher.out());
    }

    @Test
    void globalJsonMakesEveryAnswerAJsonLine() {
        assertEquals(0, launcher.script("create event E\nhandles 4\n", "--json"));
        assertEquals("""
                {"handle":4,"type":"Event","name":"\\\\Sessions\\\\1\\\\BaseNamedObjects\\\\E","access":2031619,"result":"created"}
                [{"pid":4,"image":"kobj.exe","handle":"0x4","type":"Event","access":"0x001F0003","flags":"-","name":"\\\\Sessions\\\\1\\\\BaseNamedObjects\\\\E"}]
                """, launcher.out());
    }

    @Test
    void anUnexpectedFailureIsOneLineAndItsTraceOnlyWithDebug(@TempDir Path dir) {
        assertEquals(1, launcher.run("run", dir.toString()));
        assertEquals(1, launcher.err().lines().count(), launcher.err());
        assertTrue(launcher.err().startsWith("kobj: run: java.io.IOException: "), launcher.err());
        LauncherRun debug = new LauncherRun();
        assertEquals(1, debug.run("--debug", "run", dir.toString()));
        assertTrue(debug.err().contains("\tat dev.kobj.launcher.RunCommand."), debug.err());
    }

    @Test
    void withoutACommandAndWithoutATerminalTheInputIsAScript() {
        assertEquals(1, launcher.scriptWith(new String[0], "echo hi\nclose Nope\n", true));
        assertEquals("hi\n", launcher.out());
        assertTrue(launcher.err().startsWith("kobj: stdin:2: close Nope: no handle named Nope"), launcher.err());
    }

    @Test
    void aKernelThatCannotBootStopsTheScriptBeforeItsFirstLine() {
        assertEquals(1, launcher.script("echo never\n", "--modules", "nope"));
        assertEquals("", launcher.out());
        assertEquals("kobj: unknown kernel module id 'nope' (available: core, fs, ipc, sync)\n", launcher.err());
    }

    @Test
    void jsonAnswersOfTheSignalCommands() {
        assertEquals(0, launcher.script("""
                create event E --manual
                set E
                wait E
                reset E
                create semaphore S --initial 1 --max 3
                release S
                close E
                """, "--json"));
        List<String> lines = launcher.out().lines().toList();
        assertEquals("{\"object\":\"E\",\"status\":\"STATUS_SUCCESS\",\"previous_state\":0}",
                sorted(lines.get(1)));
        assertEquals("{\"status\":\"STATUS_WAIT_0\",\"object\":\"E\"}", lines.get(2));
        assertEquals("{\"object\":\"E\",\"status\":\"STATUS_SUCCESS\",\"previous_state\":1}",
                sorted(lines.get(3)));
        assertEquals("{\"object\":\"S\",\"status\":\"STATUS_SUCCESS\",\"previous_count\":1}",
                sorted(lines.get(5)));
        assertEquals("{\"closed\":4}", lines.get(6));
    }

    /** A JSON object of three fields with its fields in the order object, status, then the third. */
    private static String sorted(String json) {
        var fields = new java.util.TreeMap<String, String>();
        for (String field : json.substring(1, json.length() - 1).split(",")) {
            fields.put(field.substring(0, field.indexOf(':')), field);
        }
        String third = fields.keySet().stream().filter(k -> !k.equals("\"object\"") && !k.equals("\"status\""))
                .findFirst().orElseThrow();
        return "{" + fields.get("\"object\"") + "," + fields.get("\"status\"") + "," + fields.get(third) + "}";
    }
}
