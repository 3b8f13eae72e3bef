package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ps, handles, watch, sleep: the read-only views. */
@Timeout(30)
class InspectCommandsTest {
    private final LauncherRun launcher = new LauncherRun();

    @Test
    void psShowsTheConsoleProcess() {
        assertEquals(0, launcher.script("create event E\nps\n"));
        String[] lines = launcher.out().split("\n");
        assertEquals("PID  IMAGE     SESSION  USER", lines[1].substring(0, 28));
        assertTrue(lines[1].endsWith("THREADS  HANDLES  STATE"), lines[1]);
        assertTrue(lines[2].startsWith("  4  kobj.exe        1  S-1-5-21-"), lines[2]);
        assertTrue(lines[2].endsWith("        1        1  running"), lines[2]);
    }

    @Test
    void psAsJsonAndSystemIdentity() {
        assertEquals(0, launcher.run("--json", "ps"));
        assertTrue(launcher.out().startsWith("[{\"pid\":4,\"image\":\"kobj.exe\",\"session\":1,\"user\":\"S-1-5-21-"),
                launcher.out());
    }

    @Test
    void handlesOfAProcessOfAllAndOfOneType() {
        assertEquals(0, launcher.script("""
                create event E
                create mutex M
                handles 4
                handles --type mutant
                handles
                """));
        String text = launcher.out();
        assertTrue(text.contains("""
                PID  IMAGE     HANDLE  TYPE    ACCESS      FLAGS  NAME
                  4  kobj.exe  0x4     Event   0x001F0003  -      \\Sessions\\1\\BaseNamedObjects\\E
                  4  kobj.exe  0x8     Mutant  0x001F0001  -      \\Sessions\\1\\BaseNamedObjects\\M
                PID  IMAGE     HANDLE  TYPE    ACCESS      FLAGS  NAME
                  4  kobj.exe  0x8     Mutant  0x001F0001  -      \\Sessions\\1\\BaseNamedObjects\\M
                """), text);
    }

    @Test
    void inheritableHandlesAreFlagged() {
        assertEquals(0, launcher.script("create event E --inherit\nhandles 4\n"));
        assertTrue(launcher.out().endsWith("0x4     Event  0x001F0003  I      \\Sessions\\1\\BaseNamedObjects\\E\n"),
                launcher.out());
    }

    @Test
    void handlesOfAMissingProcess() {
        assertEquals(1, launcher.run("handles", "4000"));
        assertEquals("kobj: handles: no process 4000 (see ps)\n", launcher.err());
    }

    @Test
    void watchRefreshesCountTimes() {
        assertEquals(0, launcher.script("watch ps --count 3 --interval 1\n"));
        assertEquals(3, launcher.out().lines().filter(l -> l.startsWith("-- ps  ")).count(), launcher.out());
        LauncherRun once = new LauncherRun();
        assertEquals(0, once.script("watch\n"));
        assertEquals(1, once.out().lines().filter(l -> l.startsWith("-- types  ")).count(), once.out());
    }

    @Test
    void watchRejectsBadBounds() {
        assertEquals(2, launcher.script("watch --count 0\n"));
        assertEquals("kobj: stdin:1: watch: --interval must be >= 0 and --count >= 1\n", launcher.err());
    }

    @Test
    void sleepPausesAndRejectsNegatives() {
        long start = System.nanoTime();
        assertEquals(0, launcher.script("sleep 50\n"));
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        LauncherRun negative = new LauncherRun();
        assertEquals(2, negative.script("sleep -5\n"));
        assertEquals("kobj: stdin:1: sleep: MS must be 0 or more, not -5\n", negative.err());
    }
}
