package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.fs.VolumeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Relative file names and the per-process current directory, given and inherited by CreateProcess. */
@Timeout(30)
class CurrentDirectoryTest {
    private static final int ERROR_DIRECTORY = 267;

    @TempDir
    Path host;
    private Kernel kernel;
    private Win32System system;
    private Kernel32 k32;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    private void boot() {
        kernel = Kernels.boot(KernelConfig.defaults().withVolumes(VolumeConfig.memory('C'),
                VolumeConfig.hostDirectory('D', host)));
        system = Win32.boot(kernel);
        k32 = system.attach("parent.exe").kernel32();
    }

    @AfterEach
    void close() {
        if (system != null) {
            system.close();
            kernel.close();
        }
    }

    private static void put(Kernel32 k, String name, String text) {
        long h = k.CreateFile(name, GENERIC_WRITE, 0, null, CREATE_ALWAYS, 0, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h, name);
        assertTrue(k.WriteFile(h, text.getBytes(StandardCharsets.US_ASCII), text.length(), new int[1], null));
        assertTrue(k.CloseHandle(h));
    }

    /** The file's text, or the error it failed with as "error N". */
    private static String get(Kernel32 k, String name) {
        long h = k.CreateFile(name, GENERIC_READ, FILE_SHARE_READ, null, OPEN_EXISTING, 0, 0);
        if (h == INVALID_HANDLE_VALUE) {
            return "error " + k.GetLastError();
        }
        byte[] buffer = new byte[64];
        int[] n = new int[1];
        assertTrue(k.ReadFile(h, buffer, buffer.length, n, null));
        assertTrue(k.CloseHandle(h));
        return new String(buffer, 0, n[0], StandardCharsets.US_ASCII);
    }

    private void run(String commandLine, String directory) {
        ProcessInformation pi = new ProcessInformation();
        assertTrue(k32.CreateProcess(null, commandLine, null, null, false, 0, null, directory, new StartupInfo(), pi));
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(pi.hProcess, 10_000));
        k32.CloseHandle(pi.hProcess);
        k32.CloseHandle(pi.hThread);
    }

    @Test
    void anAttachedProcessStartsAtTheRootOfC() {
        boot();
        put(k32, "rel.txt", "one");
        assertEquals("one", get(k32, "C:\\rel.txt"));
        assertEquals("one", get(k32, "C:rel.txt"));
        assertEquals("one", get(k32, "\\rel.txt"));
        assertEquals("one", get(k32, ".\\sub\\..\\rel.txt"));
        put(k32, "D:there.txt", "two");
        assertEquals("two", new String(readHost("there.txt"), StandardCharsets.US_ASCII), "another drive's root");
        assertEquals("error " + ERROR_PATH_NOT_FOUND, get(k32, "nodir\\x.txt"));
        assertTrue(k32.CreateDirectory("made", null));
        assertEquals(FILE_ATTRIBUTE_DIRECTORY, k32.GetFileAttributes("C:\\made") & FILE_ATTRIBUTE_DIRECTORY);
        assertTrue(k32.DeleteFile("rel.txt"));
        assertEquals("error " + ERROR_FILE_NOT_FOUND, get(k32, "C:\\rel.txt"));
    }

    private byte[] readHost(String name) {
        try {
            return Files.readAllBytes(host.resolve(name));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aChildGetsTheGivenDirectoryAndItsOwnChildrenInheritIt() {
        boot();
        assertTrue(k32.CreateDirectory("C:\\work", null));
        assertTrue(k32.CreateDirectory("C:\\work\\deeper", null));
        put(k32, "C:\\work\\a.txt", "in work");
        put(k32, "C:\\top.txt", "at the top");
        system.register("child.exe", (self, commandLine) -> {
            seen.put("child a.txt", get(self, "a.txt"));
            seen.put("child ..\\top.txt", get(self, "..\\top.txt"));
            ProcessInformation pi = new ProcessInformation();
            assertTrue(self.CreateProcess(null, "grandchild.exe", null, null, false, 0, null, null, new StartupInfo(), pi));
            self.WaitForSingleObject(pi.hProcess, 10_000);
            pi = new ProcessInformation();
            assertTrue(self.CreateProcess(null, "deeper.exe", null, null, false, 0, null, "deeper", new StartupInfo(), pi));
            self.WaitForSingleObject(pi.hProcess, 10_000);
            return 0;
        });
        system.register("grandchild.exe", (self, commandLine) -> {
            seen.put("grandchild a.txt", get(self, "a.txt"));
            return 0;
        });
        system.register("deeper.exe", (self, commandLine) -> {
            seen.put("deeper ..\\a.txt", get(self, "..\\a.txt"));
            return 0;
        });
        run("child.exe", "c:/work/");
        assertEquals("in work", seen.get("child a.txt"));
        assertEquals("at the top", seen.get("child ..\\top.txt"));
        assertEquals("in work", seen.get("grandchild a.txt"), "inherited");
        assertEquals("in work", seen.get("deeper ..\\a.txt"), "a relative lpCurrentDirectory joins the parent's");
        assertEquals("error " + ERROR_FILE_NOT_FOUND, get(k32, "a.txt"), "the parent's own directory did not move");
    }

    @Test
    void aMissingDirectoryOrAFileIsRefusedAndNoProcessStarts() {
        boot();
        put(k32, "C:\\file.txt", "x");
        system.register("child.exe", (self, commandLine) -> {
            seen.put("ran", commandLine);
            return 0;
        });
        for (String directory : new String[] {"C:\\missing", "C:\\file.txt", "\\\\server\\share", "\\\\.\\pipe"}) {
            k32.SetLastError(0);
            assertFalse(k32.CreateProcess(null, "child.exe", null, null, false, 0, null, directory, new StartupInfo(),
                    new ProcessInformation()), directory);
            assertEquals(ERROR_DIRECTORY, k32.GetLastError(), directory);
        }
        assertTrue(seen.isEmpty());
        run("child.exe", "D:\\");
        assertEquals("child.exe", seen.get("ran"));
    }
}
