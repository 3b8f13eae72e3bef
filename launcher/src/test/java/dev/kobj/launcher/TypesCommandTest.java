package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TypesCommandTest {
    private final LauncherRun launcher = new LauncherRun();
    private final StringWriter out = launcher.out;
    private final StringWriter err = launcher.err;

    private int run(String... args) {
        return launcher.run(args);
    }

    @Test
    void listsEveryModuleWithItsTypes() {
        assertEquals(0, run("types"));
        assertEquals("""
                core  Device, Directory, File, IoCompletion, Process, SymbolicLink, Thread, Token, Type
                fs    Job
                ipc   Port, Section
                sync  Event, KeyedEvent, Mutant, Semaphore, Timer
                """, out.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", err.toString());
    }

    @Test
    void explicitModulesOnly() {
        assertEquals(0, run("types", "--modules", "sync"));
        assertEquals("""
                core  Device, Directory, File, IoCompletion, Process, SymbolicLink, Thread, Token, Type
                sync  Event, KeyedEvent, Mutant, Semaphore, Timer
                """, out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void unknownModuleIsOneLineAndExitCode1() {
        assertEquals(1, run("types", "-m", "nope"));
        assertEquals("kobj: unknown kernel module id 'nope' (available: core, fs, ipc, sync)\n",
                err.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", out.toString());
    }

    @Test
    void invalidModuleIdIsAUsageError() {
        assertEquals(2, run("types", "-m", "Bad"));
        assertEquals("kobj: invalid module id 'Bad': use [a-z][a-z0-9-]*\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertEquals(2, run());
    }
}
