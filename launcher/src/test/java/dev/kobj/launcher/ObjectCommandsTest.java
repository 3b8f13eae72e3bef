package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** create, open, obj, set, reset, release, wait, close in script mode: what they print and how they fail. */
@Timeout(30)
class ObjectCommandsTest {
    private static final String BNO = "\\Sessions\\1\\BaseNamedObjects\\";
    private final LauncherRun launcher = new LauncherRun();

    private String ok(String script) {
        int code = launcher.script(script);
        assertEquals(0, code, launcher.err());
        assertEquals("", launcher.err());
        return launcher.out();
    }

    private String fails(int expected, String script) {
        assertEquals(expected, launcher.script(script), launcher.out());
        return launcher.err();
    }

    @Test
    void createEveryKindAndKeepItsHandle() {
        assertEquals("0x4 created Event " + BNO + "E\n"
                + "0x8 created Mutant " + BNO + "M\n"
                + "0xC created Semaphore " + BNO + "S\n"
                + "0x10 created Timer " + BNO + "T\n"
                + "0x14 created Section " + BNO + "Sec\n"
                + "0x18 created Directory " + BNO + "D\n"
                + "0x1C created SymbolicLink " + BNO + "L\n"
                + "0x20 created KeyedEvent " + BNO + "K\n"
                + "0x24 created Event\n"
                + "0x28 created Event \\BaseNamedObjects\\G\n", ok("""
                create event E
                create mutex M
                create semaphore S --initial 1 --max 3
                create timer T
                create section Sec --size 8192
                create directory D
                create link L \\BaseNamedObjects
                create keyedevent K
                create event
                create event Global\\G
                """));
    }

    @Test
    void aSecondCreateOfANameCollidesUnlessOpenExisting() {
        assertEquals("kobj: stdin:2: create event " + BNO + "E: STATUS_OBJECT_NAME_COLLISION (ERROR_ALREADY_EXISTS 183)\n",
                fails(1, """
                create event E
                create event E
                """));
        LauncherRun again = new LauncherRun();
        assertEquals(0, again.script("""
                create event E
                create event E --open-existing
                """));
        assertEquals("0x4 created Event " + BNO + "E\n0x8 opened existing Event " + BNO + "E\n", again.out());
    }

    @Test
    void badParametersChangeNothing() {
        assertEquals("kobj: stdin:1: create semaphore " + BNO + "S: STATUS_INVALID_PARAMETER (ERROR_INVALID_PARAMETER 87)\n",
                fails(1, "create semaphore S --initial 3 --max 2\nhandles 4\n"));
        assertEquals("", launcher.out());
    }

    @Test
    void createUsageErrors() {
        assertTrue(fails(2, "create frob X\n").startsWith("kobj: stdin:1: create: Invalid value for positional "
                + "parameter at index 0 (TYPE): expected one of [event, mutex,"), launcher.err());
        LauncherRun link = new LauncherRun();
        assertEquals(1, link.script("create link L\n"));
        assertEquals("kobj: stdin:1: create link: give NAME and TARGET\n", link.err());
    }

    @Test
    void aFamilyTheKernelLacksSaysSoInOneLine() {
        assertEquals(1, launcher.script("create section S\n", "--modules", "sync"));
        assertEquals("kobj: stdin:1: create section: this kernel has no Section type (modules: core, sync)\n",
                launcher.err());
    }

    @Test
    void openFindsAnObjectOfAnyTypeAndReportsMissingOnes() {
        assertEquals("0x4 created Event " + BNO + "E\n0x8 opened Event " + BNO + "E\n"
                + "0xC opened Directory \\BaseNamedObjects\n", ok("""
                create event E
                open E
                open \\BaseNamedObjects
                """));
        LauncherRun missing = new LauncherRun();
        assertEquals(1, missing.script("open Nope\n"));
        assertEquals("kobj: stdin:1: open " + BNO + "Nope: STATUS_OBJECT_NAME_NOT_FOUND (ERROR_FILE_NOT_FOUND 2)\n",
                missing.err());
        LauncherRun path = new LauncherRun();
        assertEquals(1, path.script("open \\Nope\\Deeper\n"));
        assertEquals("kobj: stdin:1: open \\Nope\\Deeper: STATUS_OBJECT_PATH_NOT_FOUND (ERROR_PATH_NOT_FOUND 3)\n",
                path.err());
    }

    @Test
    void openWithTooLittleAccessThenSetIsDenied() {
        assertEquals("kobj: stdin:3: set E2: STATUS_ACCESS_DENIED (ERROR_ACCESS_DENIED 5)\n", fails(1, """
                create event E
                open E --access 0x100000
                set 0x8
                """).replace("0x8", "E2"));
    }

    @Test
    void objShowsTheHeaderCountsAndState() {
        String out = ok("""
                create event E --manual --signaled
                open E
                obj E
                """);
        assertTrue(out.contains("name:     " + BNO + "E\ntype:     Event\nhandles:  2\npointers: 2\nflags:    -\nsddl:     O:"),
                out);
        assertTrue(out.endsWith("state:    signaled (notification)\n"), out);
    }

    @Test
    void objByPathDoesNotCountItsOwnLook() {
        String out = ok("""
                create semaphore S --initial 2 --max 5
                obj \\Sessions\\1\\BaseNamedObjects\\S --json
                """);
        assertTrue(out.contains("{\"name\":\"" + BNO.replace("\\", "\\\\") + "S\",\"type\":\"Semaphore\",\"handles\":1,"
                + "\"pointers\":1,"), out);
        assertTrue(out.endsWith("\"state\":\"count 2 of 5\"}\n"), out);
    }

    @Test
    void objOfALinkShowsItsTargetAndOfAMutexItsOwner() {
        String out = ok("""
                obj \\DosDevices
                create mutex M --owned
                obj M
                """);
        assertTrue(out.contains("type:     SymbolicLink\n"), out);
        assertTrue(out.contains("target:   \\??\n"), out);
        assertTrue(out.matches("(?s).*state:    owned by thread \\d+ of process 4, count 0\n"), out);
    }

    @Test
    void objOfAMissingObject() {
        assertEquals("kobj: stdin:1: obj " + BNO + "Nope: STATUS_OBJECT_NAME_NOT_FOUND (ERROR_FILE_NOT_FOUND 2)\n",
                fails(1, "obj Nope\n"));
    }

    @Test
    void setResetAndWaitOnAnEvent() {
        assertEquals("0x4 created Event " + BNO + "E\n"
                + "set; it was not signaled\n"
                + "STATUS_WAIT_0 E\n"
                + "set; it was not signaled\n"
                + "reset; it was signaled\n", ok("""
                create event E
                set E
                wait E          # an auto-reset event: the wait takes the signal
                set E
                reset E
                """));
    }

    @Test
    void aWaitTimesOutAsAFailure() {
        assertEquals("kobj: stdin:2: wait E: STATUS_TIMEOUT after 20 ms\n", fails(1, """
                create event E
                wait E --timeout 20
                """));
    }

    @Test
    void aTimerWakesTheWait() {
        assertEquals("timer set; it was not signaled\nSTATUS_WAIT_0 T\n", ok("""
                create timer T --manual
                set T --due 30
                wait T --timeout 5000
                """).lines().skip(1).map(l -> l + "\n").reduce("", String::concat));
    }

    @Test
    void waitForAnyAndForAll() {
        String out = ok("""
                create event A --manual
                create event B --manual --signaled
                wait A B
                set A
                wait A B --all
                """);
        assertTrue(out.contains("STATUS_WAIT_1 B\n"), out);
        assertTrue(out.endsWith("STATUS_WAIT_0 A\n"), out);
        LauncherRun all = new LauncherRun();
        assertEquals(1, all.script("""
                create event A --manual
                create event B --manual --signaled
                wait A B --all --timeout 10
                """));
        assertEquals("kobj: stdin:3: wait A B: STATUS_TIMEOUT after 10 ms\n", all.err());
    }

    @Test
    void releaseAMutexAndASemaphore() {
        assertEquals("released; the count was 0\nreleased; the count was 1\n", ok("""
                create mutex M --owned
                create semaphore S --initial 1 --max 4
                release M
                release S --count 2
                """).lines().skip(2).map(l -> l + "\n").reduce("", String::concat));
    }

    @Test
    void releaseErrors() {
        assertEquals("kobj: stdin:2: release M: STATUS_MUTANT_NOT_OWNED (ERROR_NOT_OWNER 288)\n", fails(1, """
                create mutex M
                release M
                """));
        LauncherRun semaphore = new LauncherRun();
        assertEquals(1, semaphore.script("create semaphore S --initial 1 --max 1\nrelease S\n"));
        assertEquals("kobj: stdin:2: release S: STATUS_SEMAPHORE_LIMIT_EXCEEDED (ERROR_TOO_MANY_POSTS 298)\n",
                semaphore.err());
        LauncherRun event = new LauncherRun();
        assertEquals(1, event.script("create event E\nrelease E\n"));
        assertEquals("kobj: stdin:2: release E: STATUS_OBJECT_TYPE_MISMATCH (ERROR_INVALID_HANDLE 6)\n", event.err());
    }

    @Test
    void setOnTheWrongTypeIsATypeMismatch() {
        assertEquals("kobj: stdin:2: set S: STATUS_OBJECT_TYPE_MISMATCH (ERROR_INVALID_HANDLE 6)\n", fails(1, """
                create semaphore S
                set S
                """));
    }

    @Test
    void closeForgetsTheNameAndABadHandleIsInvalid() {
        assertEquals("kobj: stdin:3: wait E: no handle named E (create or open it first, or give a handle value "
                + "such as 0x8)\n", fails(1, """
                create event E
                close E
                wait E
                """));
        assertTrue(launcher.out().endsWith("closed 0x4\n"), launcher.out());
        LauncherRun bad = new LauncherRun();
        assertEquals(1, bad.script("close 0x400\n"));
        assertEquals("kobj: stdin:1: close 0x400: STATUS_INVALID_HANDLE (ERROR_INVALID_HANDLE 6)\n", bad.err());
    }

    @Test
    void anUnnamedObjectIsReachedByItsHandleValue() {
        assertEquals("0x4 created Event\nset; it was not signaled\nSTATUS_WAIT_0 0x4\nclosed 0x4\n", ok("""
                create event
                set 0x4
                wait 0x4
                close 0x4
                """));
    }
}
