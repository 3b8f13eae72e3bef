package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TypesCommandTest {
    private final LauncherRun launcher = new LauncherRun();

    @Test
    void listsEveryModuleWithItsTypes() {
        assertEquals(0, launcher.run("types", "--modules"));
        assertEquals("""
                MODULE  CLASS                     TYPES
                core    dev.kobj.core.CoreModule  Device, Directory, File, IoCompletion, Process, SymbolicLink, Thread, Token, Type
                fs      dev.kobj.fs.FsModule      Job
                ipc     dev.kobj.ipc.IpcModule    Port, Section
                sync    dev.kobj.sync.SyncModule  Event, KeyedEvent, Mutant, Semaphore, Timer
                """, launcher.out());
        assertEquals("", launcher.err());
    }

    @Test
    void countsObjectsAndHandlesWithTheirPeaks() {
        assertEquals(0, launcher.script("""
                create event A
                create event B
                close B
                types
                """));
        String text = launcher.out();
        assertTrue(text.contains("TYPE          MODULE  OBJECTS  HANDLES  PEAK OBJECTS  PEAK HANDLES\n"), text);
        assertTrue(text.contains("\nEvent         sync          1        1             2             2\n"), text);
        assertTrue(text.contains("\nMutant        sync          0        0             0             0\n"), text);
    }

    @Test
    void explicitModulesOnly() {
        assertEquals(0, launcher.run("--modules", "sync", "types", "--modules"));
        assertEquals("""
                MODULE  CLASS                     TYPES
                core    dev.kobj.core.CoreModule  Device, Directory, File, IoCompletion, Process, SymbolicLink, Thread, Token, Type
                sync    dev.kobj.sync.SyncModule  Event, KeyedEvent, Mutant, Semaphore, Timer
                """, launcher.out());
    }

    @Test
    void asJson() {
        assertEquals(0, launcher.run("-m", "sync", "--json", "types"));
        assertTrue(launcher.out().startsWith("[{\"type\":\"Device\",\"module\":\"core\",\"objects\":0,\"handles\":0,"
                + "\"peak_objects\":0,\"peak_handles\":0},"), launcher.out());
        assertEquals(1, launcher.out().lines().count());
    }

    @Test
    void unknownModuleIsOneLineAndExitCode1() {
        assertEquals(1, launcher.run("-m", "nope", "types"));
        assertEquals("kobj: unknown kernel module id 'nope' (available: core, fs, ipc, sync)\n", launcher.err());
        assertEquals("", launcher.out());
    }

    @Test
    void invalidModuleIdIsAUsageError() {
        assertEquals(2, launcher.run("-m", "Bad", "types"));
        assertEquals("kobj: invalid module id 'Bad': use [a-z][a-z0-9-]*\n", launcher.err());
    }

    @Test
    void anUnknownCommandIsOneLine() {
        assertEquals(2, launcher.run("frob"));
        assertEquals("kobj: unknown command 'frob' (see: help)\n", launcher.err());
    }
}
