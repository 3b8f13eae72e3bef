package dev.kobj.hardening;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.Kernel;
import dev.kobj.api.Kernels;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.hardening.FaultyModule.Fault;
import dev.kobj.hardening.FaultyModule.Faulty;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32Process;
import dev.kobj.win32.Win32System;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plugin whose type procedures throw: the exception reaches the caller (a programming fault of the
 * plugin), but the kernel stays consistent — no handle half-made, no object or name left behind, and a
 * process rundown still closes every handle and signals the process.
 */
@Timeout(30)
class ThrowingPluginTest {
    private static final String NAME = "\\BaseNamedObjects\\faulty";

    private final Kernel kernel = Kernels.boot();
    private final ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
    private final KProcess process = kernel.processes().createProcess("faulty.exe", 1);
    private final KThread caller = kernel.processes().adoptThread(process, Thread.currentThread());
    private final List<Integer> baseline = counts();

    @AfterEach
    void close() {
        kernel.close();
    }

    private List<Integer> counts() {
        ObjectInfo.Type info = objects.typeInfo(FaultyModule.FAULTY);
        return List.of(info.totalNumberOfObjects(), info.totalNumberOfHandles());
    }

    private int create(String name, Fault fault, long[] handle) {
        return objects.create(caller, new ObjectAttributes(0, name, 0), FaultyModule.FAULTY, FaultyModule.ALL_ACCESS,
                () -> new Faulty(fault), handle);
    }

    private long create(String name) {
        long[] handle = new long[1];
        assertEquals(0, create(name, Fault.NONE, handle));
        return handle[0];
    }

    private Faulty body(long handle) {
        return (Faulty) objects.lookup(caller, handle).object();
    }

    private void assertNameFree() {
        long[] h = new long[1];
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, objects.open(caller, new ObjectAttributes(0, NAME, 0),
                FaultyModule.FAULTY, FaultyModule.ALL_ACCESS, h), "the name left with the object");
    }

    @Test
    void throwingOpenMakesNoHandleAndLeavesNoObjectOrName() {
        long[] handle = {77};
        assertThrows(IllegalStateException.class, () -> create(NAME, Fault.OPEN, handle));
        assertEquals(baseline, counts());
        assertNameFree();
        long again = create(NAME);
        assertTrue(objects.close(caller, again) == 0);
        assertEquals(baseline, counts());
    }

    @Test
    void throwingOpenOnDuplicateKeepsTheSourceAndCounts() {
        long h = create(NAME);
        body(h).fault = Fault.OPEN;
        long[] copy = new long[1];
        assertThrows(IllegalStateException.class, () -> objects.duplicate(caller, -1, h, -1, copy, 0, 0, 0x2));
        assertEquals(List.of(baseline.get(0) + 1, baseline.get(1) + 1), counts());
        body(h).fault = Fault.NONE;
        assertEquals(0, objects.close(caller, h));
        assertEquals(baseline, counts());
    }

    @Test
    void throwingCloseStillClosesTheHandleAndFreesTheObject() {
        long h = create(NAME);
        body(h).fault = Fault.CLOSE;
        assertThrows(IllegalStateException.class, () -> objects.close(caller, h));
        assertNull(objects.lookup(caller, h), "the handle is gone");
        assertEquals(baseline, counts());
        assertNameFree();
    }

    @Test
    void throwingDeleteStillFreesTheObject() {
        long h = create(NAME);
        body(h).fault = Fault.DELETE;
        assertThrows(IllegalStateException.class, () -> objects.close(caller, h));
        assertNull(objects.lookup(caller, h));
        assertEquals(baseline, counts());
        assertNameFree();
    }

    @Test
    void throwingOkayToCloseKeepsTheHandle() {
        long h = create(NAME);
        body(h).fault = Fault.OKAY_TO_CLOSE;
        assertThrows(IllegalStateException.class, () -> objects.close(caller, h));
        assertEquals(List.of(baseline.get(0) + 1, baseline.get(1) + 1), counts(), "nothing changed");
        body(h).fault = Fault.NONE;
        assertEquals(0, objects.close(caller, h));
        assertEquals(baseline, counts());
    }

    @Test
    void rundownOfAProcessWithAThrowingCloseClosesEverythingAndSignalsIt() {
        try (Win32System system = Win32.boot(kernel)) {
            Win32Process victim = system.attach("victim.exe");
            Kernel32 v = victim.kernel32();
            long event = v.CreateEvent(null, true, false, "after-the-faulty-one");
            assertNotEquals(NULL, event);
            KProcess core = kernel.processes().process(victim.id()).orElseThrow();
            long[] handles = new long[3];
            for (int i = 0; i < handles.length; i++) {
                long h = create(i == 0 ? NAME : null);
                Faulty faulty = body(h);
                long[] moved = new long[1];
                assertEquals(0, objects.insert(core, faulty, FaultyModule.ALL_ACCESS, 0, moved));
                assertEquals(0, objects.close(caller, h));
                faulty.fault = i == 1 ? Fault.CLOSE : i == 2 ? Fault.DELETE : Fault.NONE;
                handles[i] = moved[0];
            }
            Win32Process watcher = system.attach("watcher.exe");
            Kernel32 w = watcher.kernel32();
            long victimHandle = w.OpenProcess(PROCESS_ALL_ACCESS, false, victim.id());

            assertTrue(w.TerminateProcess(victimHandle, 4));

            assertEquals(WAIT_OBJECT_0, w.WaitForSingleObject(victimHandle, 5000), "the process is signalled");
            assertEquals(baseline, counts(), "every faulty object is gone");
            assertEquals(NULL, w.OpenEvent(SYNCHRONIZE, false, "after-the-faulty-one"),
                    "the handles after the throwing one were closed too");
            assertEquals(ERROR_FILE_NOT_FOUND, w.GetLastError());
            assertNameFree();
        }
    }
}
