package dev.kobj.core.object;

import static dev.kobj.api.object.ObjectAttributes.OBJ_CASE_INSENSITIVE;
import static dev.kobj.api.object.ObjectAttributes.OBJ_EXCLUSIVE;
import static dev.kobj.api.object.ObjectAttributes.OBJ_INHERIT;
import static dev.kobj.api.object.ObjectAttributes.OBJ_OPENIF;
import static dev.kobj.api.object.ObjectAttributes.OBJ_OPENLINK;
import static dev.kobj.api.object.ObjectAttributes.OBJ_PERMANENT;
import static dev.kobj.api.object.ObjectAttributes.OBJ_PROTECT_CLOSE;
import static dev.kobj.api.status.NtStatus.*;
import static dev.kobj.core.testplugin.CounterService.COUNTER_ALL_ACCESS;
import static dev.kobj.core.testplugin.CounterService.COUNTER_MODIFY;
import static dev.kobj.core.testplugin.CounterService.COUNTER_QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Identity;
import dev.kobj.core.testplugin.Counter;
import dev.kobj.core.testplugin.CounterModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObjectManagerTest {
    private static final int GENERIC_ALL = 0x1000_0000;
    private static final int GENERIC_READ = 0x8000_0000;
    private static final int MAXIMUM_ALLOWED = 0x0200_0000;
    private static final int SYNCHRONIZE = 0x0010_0000;
    private static final int PROCESS_DUP_HANDLE = 0x40;

    private final KernelFixture k = new KernelFixture();
    private final KThread a = k.newCaller("a.exe");
    private final KThread b = k.newCaller("b.exe");
    /** Holds SeCreatePermanentPrivilege, which ordinary users lack. */
    private final KThread system = k.newCaller("services.exe", Identity.SYSTEM);

    @AfterEach
    void close() {
        k.close();
    }

    private long counter(KThread caller, String name, int attributes) {
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.create(caller, new ObjectAttributes(0, name, attributes),
                COUNTER_ALL_ACCESS, 0, h));
        return h[0];
    }

    private Counter body(KThread caller, long handle) {
        return (Counter) k.objects.lookup(caller, handle).object();
    }

    private int objects() {
        return k.objects.typeInfo(CounterModule.COUNTER).totalNumberOfObjects();
    }

    private int handles() {
        return k.objects.typeInfo(CounterModule.COUNTER).totalNumberOfHandles();
    }

    @Test
    void unnamedObjectLivesWhileItHasHandlesAndIsDeletedOnce() {
        long h = counter(a, null, 0);
        Counter c = body(a, h);
        assertEquals(1, c.handleCount());
        assertEquals(1, objects());
        assertEquals(1, handles());
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h));
        assertEquals(0, c.handleCount());
        assertEquals(0, c.lastHandlesLeft());
        assertEquals(1, c.deletes());
        assertTrue(c.isDeleted());
        assertEquals(0, objects());
        assertEquals(0, handles());
        assertEquals(STATUS_INVALID_HANDLE, k.objects.close(a, h));
        assertEquals(1, c.deletes());
    }

    @Test
    void badHandlesGetInvalidHandle() {
        for (long bad : new long[] {0, 4, 8, 0x7770, -3, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(STATUS_INVALID_HANDLE, k.objects.close(a, bad), "close " + bad);
            assertEquals(STATUS_INVALID_HANDLE, k.objects.handleAttributes(a, bad, new int[1]));
            assertEquals(STATUS_INVALID_HANDLE, k.objects.queryBasic(a, bad, new ObjectInfo.Basic[1]));
        }
        assertEquals(STATUS_SUCCESS, k.objects.close(a, -1), "closing a pseudo-handle is a no-op");
        long h = counter(a, null, 0);
        assertEquals(STATUS_INVALID_PARAMETER, k.objects.queryBasic(a, h, null));
        assertEquals(STATUS_INVALID_PARAMETER, k.objects.queryName(a, h, new ObjectInfo.Name[0]));
        assertEquals(STATUS_INVALID_PARAMETER, k.objects.queryType(a, h, null));
        assertEquals(STATUS_INVALID_PARAMETER, k.objects.handleAttributes(a, h, null));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, -2));
    }

    @Test
    void serviceChecksTypeThenAccess() {
        long h = counter(a, null, 0);
        long[] limited = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(a, -1, h, -1, limited, COUNTER_QUERY, 0, 0));
        long[] value = new long[1];
        assertEquals(STATUS_ACCESS_DENIED, k.counters.increment(a, limited[0], value));
        assertEquals(STATUS_SUCCESS, k.counters.query(a, limited[0], value));
        long[] dir = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.createDirectory(a, null, 0xF000F, dir));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.counters.increment(a, dir[0], value));
        assertEquals(STATUS_INVALID_HANDLE, k.counters.increment(a, 0x7770, value));
    }

    @Test
    void namedObjectLeavesTheNamespaceWithItsLastHandle() {
        long h = counter(a, "\\BaseNamedObjects\\c1", 0);
        long[] opened = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.open(b, ObjectAttributes.named("\\BaseNamedObjects\\c1", 0),
                COUNTER_QUERY, opened));
        Counter c = body(a, h);
        assertEquals(2, c.handleCount());
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h));
        assertEquals("c1", c.name(), "another process's handle keeps the name");
        assertEquals(STATUS_SUCCESS, k.objects.close(b, opened[0]));
        assertEquals(null, c.name());
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\c1", 0), COUNTER_QUERY, opened));
        long again = counter(a, "\\BaseNamedObjects\\c1", 0);
        assertTrue(body(a, again) != c, "a create with the same name makes a new object");
    }

    @Test
    void createOpenIfAndCollision() {
        long h = counter(a, "\\BaseNamedObjects\\c2", 0);
        long[] h2 = new long[1];
        ObjectAttributes same = ObjectAttributes.named("\\BaseNamedObjects\\c2", 0);
        assertEquals(STATUS_OBJECT_NAME_COLLISION, k.counters.create(a, same, COUNTER_ALL_ACCESS, 5, h2));
        assertEquals(0, h2[0]);
        assertEquals(STATUS_OBJECT_NAME_EXISTS, k.counters.create(b,
                ObjectAttributes.named("\\BaseNamedObjects\\c2", OBJ_OPENIF), COUNTER_ALL_ACCESS, 5, h2));
        assertNotEquals(0, h2[0]);
        assertEquals(0, body(b, h2[0]).value(), "creation parameters of an opened object are ignored");
        assertEquals(body(a, h), body(b, h2[0]));
        assertEquals(1, objects());
        long[] dir = new long[1];
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.objects.createDirectory(a, same, 0xF000F, dir));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.objects.createDirectory(a,
                ObjectAttributes.named("\\BaseNamedObjects\\c2", OBJ_OPENIF), 0xF000F, dir));
    }

    @Test
    void namesAreCaseSensitiveUnlessAsked() {
        counter(a, "\\BaseNamedObjects\\Mixed", 0);
        long[] h = new long[1];
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND,
                k.counters.open(a, ObjectAttributes.named("\\BaseNamedObjects\\MIXED", 0), COUNTER_QUERY, h));
        assertEquals(STATUS_SUCCESS, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\MIXED", OBJ_CASE_INSENSITIVE), COUNTER_QUERY, h));
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, k.counters.open(a,
                ObjectAttributes.named("\\BASENamedObjects\\Mixed", 0), COUNTER_QUERY, new long[1]));
        long other = counter(a, "\\BaseNamedObjects\\MIXED", 0);
        assertNotEquals(body(a, h[0]), body(a, other), "a name differing in case is another object");

        // The case-insensitive index, made at the first such lookup, follows later creates and deletes.
        long late = counter(a, "\\BaseNamedObjects\\Late", 0);
        long[] l = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\LATE", OBJ_CASE_INSENSITIVE), COUNTER_QUERY, l));
        assertEquals(body(a, late), body(a, l[0]));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, l[0]));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, late));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\late", OBJ_CASE_INSENSITIVE), COUNTER_QUERY, l));
        long[] m = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\mixed", OBJ_CASE_INSENSITIVE), COUNTER_QUERY, m));
        assertEquals(body(a, h[0]), body(a, m[0]), "of names differing only in case, the first made is found");
    }

    @Test
    void pathRules() {
        long[] h = new long[1];
        assertEquals(STATUS_OBJECT_PATH_SYNTAX_BAD, k.counters.open(a, ObjectAttributes.named("relative", 0), 1, h));
        assertEquals(STATUS_OBJECT_PATH_SYNTAX_BAD, k.counters.open(a, ObjectAttributes.named("", 0), 1, h));
        assertEquals(STATUS_OBJECT_NAME_INVALID,
                k.counters.create(a, ObjectAttributes.named("\\BaseNamedObjects\\\\x", 0), 1, 0, h));
        assertEquals(STATUS_OBJECT_NAME_INVALID,
                k.counters.create(a, ObjectAttributes.named("\\BaseNamedObjects\\x\\", 0), 1, 0, h));
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND,
                k.counters.create(a, ObjectAttributes.named("\\BaseNamedObjects\\no\\x", 0), 1, 0, h));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND,
                k.counters.open(a, ObjectAttributes.named("\\BaseNamedObjects\\none", 0), 1, h));
        assertEquals(STATUS_INVALID_PARAMETER, k.counters.open(a, null, 1, h));
        assertEquals(STATUS_INVALID_PARAMETER,
                k.counters.create(a, ObjectAttributes.named("\\BaseNamedObjects\\x", 0x8000), 1, 0, h));
        String longest = "\\BaseNamedObjects\\" + "n".repeat(Namespace.MAX_NAME_CHARS - 18);
        assertEquals(STATUS_SUCCESS, k.counters.create(a, ObjectAttributes.named(longest, 0), 1, 0, h));
        assertEquals(STATUS_OBJECT_NAME_INVALID,
                k.counters.create(a, ObjectAttributes.named(longest + "n", 0), 1, 0, h));
        long plain = counter(a, null, 0);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.counters.open(a, new ObjectAttributes(plain, "child", 0), 1, h));
        assertEquals(0, h[0], "the out handle is cleared on failure");
    }

    @Test
    void accessRules() {
        long[] h = new long[1];
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\acc", 0);
        assertEquals(STATUS_SUCCESS, k.counters.create(a, name, 0, 0, h), "a create may ask for nothing");
        assertEquals(STATUS_ACCESS_DENIED, k.counters.open(a, name, 0, h), "an open may not");
        assertEquals(STATUS_ACCESS_DENIED, k.counters.open(a, name, 0x4, h), "a bit outside the valid mask");
        assertEquals(STATUS_ACCESS_DENIED, k.counters.open(a, name, SYNCHRONIZE, h), "not waitable: no SYNCHRONIZE");
        assertEquals(STATUS_ACCESS_DENIED, k.counters.open(a, name, 0x0040_0000, h), "reserved bits");
        assertEquals(STATUS_PRIVILEGE_NOT_HELD, k.counters.open(a, name, 0x0100_0000, h));
        assertEquals(STATUS_SUCCESS, k.counters.open(a, name, GENERIC_READ, h));
        assertEquals(0x20001, k.objects.lookup(a, h[0]).grantedAccess(), "generic rights are mapped");
        assertEquals(STATUS_SUCCESS, k.counters.open(a, name, MAXIMUM_ALLOWED, h));
        assertEquals(COUNTER_ALL_ACCESS, k.objects.lookup(a, h[0]).grantedAccess());
        assertEquals(STATUS_SUCCESS, k.counters.open(a, name, GENERIC_ALL, h));
        assertEquals(COUNTER_ALL_ACCESS, k.objects.lookup(a, h[0]).grantedAccess());
    }

    @Test
    void duplicateWithinAndAcrossProcesses() {
        long h = counter(a, null, OBJ_INHERIT);
        long[] dup = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(a, -1, h, -1, dup, 0, 0, 0x2));
        assertEquals(COUNTER_ALL_ACCESS, k.objects.lookup(a, dup[0]).grantedAccess());
        assertEquals(0, k.objects.lookup(a, dup[0]).attributes(), "inherit is not copied without SAME_ATTRIBUTES");
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(a, -1, h, -1, dup, 0, 0, 0x2 | 0x4));
        assertEquals(OBJ_INHERIT, k.objects.lookup(a, dup[0]).attributes());

        long[] processB = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.insert(a.process(), (dev.kobj.api.object.KernelObject) b.process(),
                PROCESS_DUP_HANDLE, 0, processB));
        long[] inB = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(a, -1, h, processB[0], inB, COUNTER_MODIFY, 0, 0));
        long[] value = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.increment(b, inB[0], value));
        assertEquals(1, value[0]);
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, h, dup[0]));
        assertEquals(STATUS_INVALID_HANDLE, k.objects.close(a, inB[0] + 400), "handle values mean nothing elsewhere");

        // CLOSE_SOURCE closes the source whatever the outcome, here into an invalid target.
        assertEquals(STATUS_INVALID_HANDLE, k.objects.duplicate(a, -1, dup[0], 0x7770, new long[1], 0, 0, 0x1 | 0x2));
        assertEquals(STATUS_INVALID_HANDLE, k.objects.close(a, dup[0]));
        // With no target process, CLOSE_SOURCE just closes.
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(processB[0] == 0 ? a : a, processB[0], inB[0], 0, null, 0, 0, 0x1));
        assertEquals(STATUS_INVALID_HANDLE, k.objects.close(b, inB[0]));
    }

    @Test
    void anEndedProcessIsDeletedWithItsLastHandle() {
        // Found by the soak: ended processes and threads stayed in their type's object count for ever.
        dev.kobj.api.object.ObjectType processType = k.kernel.objectType("Process").orElseThrow();
        int before = k.objects.typeInfo(processType).totalNumberOfObjects();
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.insert(a.process(), (dev.kobj.api.object.KernelObject) b.process(),
                SYNCHRONIZE, 0, h));
        int counted = k.objects.typeInfo(processType).totalNumberOfObjects();
        assertTrue(k.kernel.processes().endProcess(b.process(), 0));
        assertEquals(counted, k.objects.typeInfo(processType).totalNumberOfObjects(), "a handle keeps it");
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h[0]));
        assertEquals(counted - 1, k.objects.typeInfo(processType).totalNumberOfObjects());
        assertTrue(counted - 1 <= before + 1);
    }

    @Test
    void anEndedProcessTakesNoNewHandle() {
        // Found by the hardening tests: a create racing TerminateProcess left its handle in the dead table.
        long h = counter(a, "\\BaseNamedObjects\\ended", 0);
        int objectsBefore = objects();
        int handlesBefore = handles();
        assertTrue(k.kernel.processes().endProcess(b.process(), 1));
        long[] out = {99};
        assertEquals(STATUS_PROCESS_IS_TERMINATING, k.objects.insert(b.process(), body(a, h), COUNTER_QUERY, 0, out));
        assertEquals(0, out[0]);
        assertEquals(objectsBefore, objects());
        assertEquals(handlesBefore, handles());
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h));
        assertEquals(objectsBefore - 1, objects(), "and holds no reference to it");
    }

    @Test
    void closeSourceMayCloseTheHandleThatNamesTheTarget() {
        // Found by the hardening model: the source closed first made its own value an invalid target.
        long[] processB = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.insert(a.process(), (dev.kobj.api.object.KernelObject) b.process(),
                PROCESS_DUP_HANDLE, 0, processB));
        long[] inB = {99};
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(a, -1, processB[0], processB[0], inB, 0, 0, 0x1 | 0x2));
        assertEquals(STATUS_INVALID_HANDLE, k.objects.close(a, processB[0]), "the source is closed");
        assertEquals(PROCESS_DUP_HANDLE, k.objects.lookup(b, inB[0]).grantedAccess(), "b holds a handle to itself");
    }

    @Test
    void duplicateNeedsProcessDupHandleAndMayNarrow() {
        long h = counter(a, null, 0);
        long[] weakProcess = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.insert(a.process(), (dev.kobj.api.object.KernelObject) b.process(),
                SYNCHRONIZE, 0, weakProcess));
        long[] out = {99};
        assertEquals(STATUS_ACCESS_DENIED, k.objects.duplicate(a, -1, h, weakProcess[0], out, 0, 0, 0x2));
        assertEquals(0, out[0]);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.objects.duplicate(a, -1, h, h, out, 0, 0, 0x2));
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(a, -1, h, -1, out, COUNTER_QUERY, 0, 0));
        assertEquals(COUNTER_QUERY, k.objects.lookup(a, out[0]).grantedAccess());
        assertEquals(STATUS_ACCESS_DENIED, k.objects.duplicate(a, -1, h, -1, out, 0x8, 0, 0));
        long[] self = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.duplicate(a, -1, -1, -1, self, 0, 0, 0x2));
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, -1, self[0]));
        assertEquals("Process", k.objects.lookup(a, self[0]).object().type().name());
    }

    @Test
    void protectFromCloseAndHandleAttributes() {
        long h = counter(a, null, 0);
        int[] attributes = new int[1];
        assertEquals(STATUS_SUCCESS, k.objects.setHandleAttributes(a, h, OBJ_PROTECT_CLOSE | OBJ_INHERIT,
                OBJ_PROTECT_CLOSE));
        assertEquals(STATUS_SUCCESS, k.objects.handleAttributes(a, h, attributes));
        assertEquals(OBJ_PROTECT_CLOSE, attributes[0]);
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, k.objects.close(a, h));
        assertEquals(1, body(a, h).handleCount());
        assertEquals(STATUS_SUCCESS, k.objects.setHandleAttributes(a, h, OBJ_PROTECT_CLOSE, 0));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h));
        assertEquals(STATUS_INVALID_HANDLE, k.objects.setHandleAttributes(a, -1, OBJ_INHERIT, OBJ_INHERIT),
                "pseudo-handles cannot have flags");
    }

    @Test
    void queries() {
        long h = counter(a, "\\BaseNamedObjects\\q", OBJ_INHERIT);
        ObjectInfo.Basic[] basic = new ObjectInfo.Basic[1];
        assertEquals(STATUS_SUCCESS, k.objects.queryBasic(a, h, basic));
        assertEquals(OBJ_INHERIT, basic[0].attributes());
        assertEquals(COUNTER_ALL_ACCESS, basic[0].grantedAccess());
        assertEquals(1, basic[0].handleCount());
        assertTrue(basic[0].pointerCount() >= 1);
        ObjectInfo.Name[] name = new ObjectInfo.Name[1];
        assertEquals(STATUS_SUCCESS, k.objects.queryName(a, h, name));
        assertEquals("\\BaseNamedObjects\\q", name[0].name());
        assertEquals(STATUS_SUCCESS, k.objects.queryName(a, counter(a, null, 0), name));
        assertEquals("", name[0].name());
        ObjectInfo.Type[] type = new ObjectInfo.Type[1];
        assertEquals(STATUS_SUCCESS, k.objects.queryType(a, h, type));
        assertEquals("Counter", type[0].typeName());
        assertEquals(2, type[0].totalNumberOfObjects());
        assertEquals(2, type[0].totalNumberOfHandles());
        assertEquals(COUNTER_ALL_ACCESS, type[0].validAccessMask());
        assertEquals(2, type[0].peakNumberOfObjects());
    }

    @Test
    void permanentObjectsNeedTheCreatePermanentPrivilege() {
        long[] h = {-1};
        ObjectAttributes perm = new ObjectAttributes(0, "\\BaseNamedObjects\\noperm", OBJ_PERMANENT);
        assertEquals(STATUS_PRIVILEGE_NOT_HELD, k.counters.create(a, perm, COUNTER_ALL_ACCESS, 0, h));
        assertEquals(0, h[0]);
        assertEquals(0, objects(), "nothing was created");
        long plain = counter(a, "\\BaseNamedObjects\\noperm", 0);
        assertEquals(STATUS_PRIVILEGE_NOT_HELD, k.objects.makePermanent(a, plain));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, plain));
        assertEquals(0, objects(), "still temporary: gone with its last handle");
    }

    @Test
    void permanentObjectsKeepNameAndBodyWithoutHandles() {
        KThread a = system;
        long h = counter(a, "\\BaseNamedObjects\\perm", OBJ_PERMANENT);
        Counter c = body(a, h);
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h));
        assertEquals(0, c.deletes());
        long[] again = new long[1];
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\perm", 0);
        assertEquals(STATUS_SUCCESS, k.counters.open(a, name, COUNTER_QUERY, again));
        assertEquals(c, body(a, again[0]));
        assertEquals(STATUS_SUCCESS, k.objects.makeTemporary(a, again[0]));
        assertEquals(STATUS_SUCCESS, k.objects.makeTemporary(a, again[0]), "twice is harmless");
        assertEquals("perm", c.name(), "a handle is still open");
        assertEquals(STATUS_SUCCESS, k.objects.close(a, again[0]));
        assertEquals(1, c.deletes());
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.counters.open(a, name, COUNTER_QUERY, again));
    }

    @Test
    void makePermanentThenTemporaryWithNoHandlesDeletesAtOnce() {
        KThread a = system;
        long h = counter(a, "\\BaseNamedObjects\\mp", 0);
        Counter c = body(a, h);
        assertEquals(STATUS_SUCCESS, k.objects.makePermanent(a, h));
        assertEquals(STATUS_SUCCESS, k.objects.makePermanent(a, h));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h));
        assertEquals("mp", c.name());
        long[] again = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.open(system, ObjectAttributes.named("\\BaseNamedObjects\\mp", 0),
                COUNTER_QUERY, again));
        assertEquals(STATUS_SUCCESS, k.objects.makeTemporary(system, again[0]));
        assertEquals(STATUS_SUCCESS, k.objects.close(system, again[0]));
        assertEquals(null, c.name());
        assertEquals(1, c.deletes());
        assertEquals(0, objects());
    }

    @Test
    void exclusiveObjectsOpenOnlyInTheirProcess() {
        counter(a, "\\BaseNamedObjects\\ex", OBJ_EXCLUSIVE);
        long[] h = new long[1];
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\ex", 0);
        assertEquals(STATUS_SUCCESS, k.counters.open(a, name, COUNTER_QUERY, h));
        assertEquals(STATUS_ACCESS_DENIED, k.counters.open(b, name, COUNTER_QUERY, h));
    }

    @Test
    void standardNamespaceAndWin32Prefixes() {
        long[] h = new long[1];
        for (String dir : List.of("\\", "\\BaseNamedObjects", "\\Sessions\\1\\BaseNamedObjects", "\\KernelObjects",
                "\\Device", "\\??", "\\ObjectTypes", "\\Sessions\\BNOLINKS")) {
            assertEquals(STATUS_SUCCESS, k.objects.openDirectory(a, ObjectAttributes.named(dir, 0), 1, h), dir);
        }
        assertEquals("\\Sessions\\1\\BaseNamedObjects", k.objects.baseNamedObjects(1));
        long global = counter(a, "\\Sessions\\1\\BaseNamedObjects\\Global\\g", 0);
        ObjectInfo.Name[] name = new ObjectInfo.Name[1];
        assertEquals(STATUS_SUCCESS, k.objects.queryName(a, global, name));
        assertEquals("\\BaseNamedObjects\\g", name[0].name());
        long local = counter(a, "\\Sessions\\1\\BaseNamedObjects\\Local\\l", 0);
        assertEquals(STATUS_SUCCESS, k.objects.queryName(a, local, name));
        assertEquals("\\Sessions\\1\\BaseNamedObjects\\l", name[0].name());
        assertEquals(STATUS_SUCCESS, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\Session\\1\\l", 0), COUNTER_QUERY, h));
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, local, h[0]));
        assertEquals(STATUS_OBJECT_NAME_EXISTS, k.objects.createDirectory(a,
                ObjectAttributes.named("\\", OBJ_OPENIF), 1, h), "OPENIF on the root");
    }

    @Test
    void symbolicLinks() {
        long[] dir = new long[1];
        long[] link = new long[1];
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.createDirectory(a, ObjectAttributes.named("\\BaseNamedObjects\\d", 0),
                0xF000F, dir));
        long inner = counter(a, null, 0);
        assertEquals(STATUS_SUCCESS, k.counters.create(a, new ObjectAttributes(dir[0], "x", 0), COUNTER_ALL_ACCESS, 0, h));
        assertEquals(STATUS_SUCCESS, k.objects.createSymbolicLink(a, ObjectAttributes.named("\\BaseNamedObjects\\ln", 0),
                0xF0001, "\\BaseNamedObjects\\d", link));
        long[] viaLink = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.open(a, ObjectAttributes.named("\\BaseNamedObjects\\ln\\x", 0),
                COUNTER_QUERY, viaLink));
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, h[0], viaLink[0]));
        assertNotEquals(STATUS_SUCCESS, k.objects.compare(a, inner, viaLink[0]));
        assertEquals(STATUS_SUCCESS, k.objects.openDirectory(a, ObjectAttributes.named("\\BaseNamedObjects\\ln", 0),
                1, h), "a final link is followed");
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, dir[0], h[0]));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, k.objects.openDirectory(a,
                ObjectAttributes.named("\\BaseNamedObjects\\ln", OBJ_OPENLINK), 1, h));
        String[] target = new String[1];
        assertEquals(STATUS_SUCCESS, k.objects.querySymbolicLink(a, link[0], target));
        assertEquals("\\BaseNamedObjects\\d", target[0]);

        long[] loop = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.createSymbolicLink(a, ObjectAttributes.named("\\BaseNamedObjects\\loop", 0),
                0xF0001, "\\BaseNamedObjects\\loop", loop));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\loop", 0), COUNTER_QUERY, h), "reparse limit");
        long[] dangling = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.createSymbolicLink(a, ObjectAttributes.named("\\BaseNamedObjects\\dl", 0),
                0xF0001, "\\nowhere", dangling));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\dl", 0), COUNTER_QUERY, h));
    }

    @Test
    void pathsResolveAgainAfterTheirLinksOrDirectoriesChange() {
        // Resolved parent paths are remembered; removing a link or directory on the way must not leave
        // a path leading where it led before.
        long[] d1 = new long[1];
        long[] d2 = new long[1];
        long[] link = new long[1];
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.createDirectory(a, ObjectAttributes.named("\\BaseNamedObjects\\d1", 0),
                0xF000F, d1));
        assertEquals(STATUS_SUCCESS, k.objects.createDirectory(a, ObjectAttributes.named("\\BaseNamedObjects\\d2", 0),
                0xF000F, d2));
        long inD1 = counter(a, "\\BaseNamedObjects\\d1\\x", 0);
        long inD2 = counter(a, "\\BaseNamedObjects\\d2\\x", 0);
        assertEquals(STATUS_SUCCESS, k.objects.createSymbolicLink(a, ObjectAttributes.named("\\BaseNamedObjects\\to", 0),
                0xF0001, "\\BaseNamedObjects\\d1", link));
        ObjectAttributes viaLink = ObjectAttributes.named("\\BaseNamedObjects\\to\\x", 0);
        for (int i = 0; i < 2; i++) { // the second open finds the parent remembered
            assertEquals(STATUS_SUCCESS, k.counters.open(a, viaLink, COUNTER_QUERY, h));
            assertEquals(STATUS_SUCCESS, k.objects.compare(a, inD1, h[0]));
            assertEquals(STATUS_SUCCESS, k.objects.close(a, h[0]));
        }
        assertEquals(STATUS_OBJECT_NAME_INVALID, k.counters.open(a,
                ObjectAttributes.named("\\BaseNamedObjects\\to\\", 0), COUNTER_QUERY, h), "a trailing backslash");

        assertEquals(STATUS_SUCCESS, k.objects.close(a, link[0])); // the link leaves the namespace
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, k.counters.open(a, viaLink, COUNTER_QUERY, h));
        assertEquals(STATUS_SUCCESS, k.objects.createSymbolicLink(a, ObjectAttributes.named("\\BaseNamedObjects\\to", 0),
                0xF0001, "\\BaseNamedObjects\\d2", link));
        assertEquals(STATUS_SUCCESS, k.counters.open(a, viaLink, COUNTER_QUERY, h));
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, inD2, h[0]), "the new link's target");
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h[0]));

        ObjectAttributes direct = ObjectAttributes.named("\\BaseNamedObjects\\d2\\x", 0);
        assertEquals(STATUS_SUCCESS, k.counters.open(a, direct, COUNTER_QUERY, h));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, h[0]));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, inD2));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, d2[0])); // d2 (now empty) leaves the namespace
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, k.counters.open(a, direct, COUNTER_QUERY, h));
        assertEquals(STATUS_SUCCESS, k.objects.createDirectory(a, ObjectAttributes.named("\\BaseNamedObjects\\d2", 0),
                0xF000F, d2));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.counters.open(a, direct, COUNTER_QUERY, h),
                "a new directory of the same name, not the old one");
        long again = counter(a, "\\BaseNamedObjects\\d2\\x", 0);
        assertEquals(STATUS_SUCCESS, k.counters.open(a, direct, COUNTER_QUERY, h));
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, again, h[0]));

        long leafLink = counter(a, "\\BaseNamedObjects\\d1\\y", 0);
        long[] ln = new long[1];
        assertEquals(STATUS_SUCCESS, k.objects.createSymbolicLink(a, ObjectAttributes.named("\\BaseNamedObjects\\d2\\y", 0),
                0xF0001, "\\BaseNamedObjects\\d1\\y", ln));
        assertEquals(STATUS_SUCCESS, k.counters.open(a, ObjectAttributes.named("\\BaseNamedObjects\\d2\\y", 0),
                COUNTER_QUERY, h), "a final link is followed");
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, leafLink, h[0]));
        assertEquals(STATUS_SUCCESS, k.counters.open(a, direct, COUNTER_QUERY, h),
                "the walk through d2's final link did not make d1 the parent of d2's names");
        assertEquals(STATUS_SUCCESS, k.objects.compare(a, again, h[0]));
    }

    @Test
    void directoriesEnumerateAndTemporaryDirectoriesVanish() {
        long[] dir = new long[1];
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\tmpdir", 0);
        assertEquals(STATUS_SUCCESS, k.objects.createDirectory(a, name, 0xF000F, dir));
        long[] h = new long[1];
        for (String child : List.of("one", "two", "three")) {
            assertEquals(STATUS_SUCCESS, k.counters.create(a, new ObjectAttributes(dir[0], child, 0),
                    COUNTER_ALL_ACCESS, 0, h));
        }
        List<ObjectInfo.DirectoryEntry> entries = new ArrayList<>();
        int[] context = new int[1];
        assertEquals(STATUS_SUCCESS, k.objects.queryDirectory(a, dir[0], 2, true, context, entries));
        assertEquals(2, context[0]);
        assertEquals(STATUS_SUCCESS, k.objects.queryDirectory(a, dir[0], 2, false, context, entries));
        assertEquals(List.of(new ObjectInfo.DirectoryEntry("one", "Counter"), new ObjectInfo.DirectoryEntry("two",
                "Counter"), new ObjectInfo.DirectoryEntry("three", "Counter")), entries);
        assertEquals(STATUS_NO_MORE_ENTRIES, k.objects.queryDirectory(a, dir[0], 2, false, context, entries));
        assertEquals(STATUS_SUCCESS, k.objects.close(a, dir[0]));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, k.objects.openDirectory(a, name, 1, h),
                "objects inside do not keep a directory named");
    }

    @Test
    void rundownClosesEveryHandle() {
        long h1 = counter(a, "\\BaseNamedObjects\\r", 0);
        counter(a, null, 0);
        Counter shared = body(a, h1);
        long[] inB = new long[1];
        assertEquals(STATUS_SUCCESS, k.counters.open(b, ObjectAttributes.named("\\BaseNamedObjects\\r", 0),
                COUNTER_QUERY, inB));
        assertEquals(2, k.objects.closeAll(a.process()));
        assertEquals(1, shared.handleCount(), "objects outlive their creator");
        assertEquals("r", shared.name());
        assertEquals(1, objects());
        HandleEntry entry = k.objects.lookup(b, inB[0]);
        assertEquals(shared, entry.object());
    }
}
