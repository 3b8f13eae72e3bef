package dev.kobj.hardening;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.hardening.Model.Handle;
import dev.kobj.hardening.Model.Obj;
import dev.kobj.win32.ObjectBasicInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a program's steps against a {@link World} and keeps the {@link Model} in step, checking each
 * result against the model and, after each step, the kernel's counts against the model's.
 */
final class Driver implements AutoCloseable {
    final World world = new World();
    final Model model = new Model();
    private final Counts baseline;

    Driver() {
        for (int p = 0; p < World.PROCESSES; p++) {
            model.processObjects[p] = processObject();
        }
        for (int p = 0; p < World.PROCESSES; p++) {
            recordProcessHandles(p);
        }
        baseline = world.counts();
    }

    private static Obj processObject() {
        Obj obj = new Obj("Process", -1);
        obj.pinned = true;
        return obj;
    }

    private void recordProcessHandles(int p) {
        for (int q = 0; q < World.PROCESSES; q++) {
            if (q != p) {
                long value = world.slots[p].processHandles[q];
                if (model.handle(p, value) == null) {
                    model.open(p, value, model.processObjects[q], PROCESS_ALL_ACCESS, false);
                }
            }
        }
    }

    private final List<String> program = new ArrayList<>();

    /** Runs one step; a failure names the program so far, which after shrinking is the minimal one. */
    void step(Steps.Step step) {
        program.add(step.toString());
        try {
            step.run(this);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n  program: " + String.join("\n    ", program), e);
        }
    }

    /** Process p was terminated: the model closes its handles, then a fresh process takes its slot. */
    void terminated(int p) {
        int generation = world.slots[p].generation;
        model.processObjects[p].signalled = true; // dead
        model.terminated(p, generation);
        world.respawn(p);
        model.processObjects[p] = processObject();
        world.openProcessHandles(p);
        for (int q = 0; q < World.PROCESSES; q++) {
            if (q != p) {
                model.open(q, world.slots[q].processHandles[p], model.processObjects[p], PROCESS_ALL_ACCESS, false);
                model.open(p, world.slots[p].processHandles[q], model.processObjects[q], PROCESS_ALL_ACCESS, false);
            }
        }
    }

    long owner(int p, int t) {
        return (long) world.slots[p].generation * World.THREADS + t;
    }

    /** A handle value of process p chosen by {@code sel}, resolved against the current state. */
    long resolve(int p, Sel sel) {
        List<Long> own = new ArrayList<>(model.handles.get(p).keySet());
        return switch (sel.kind()) {
            case OWN -> own.isEmpty() ? 4 : own.get(sel.index() % own.size());
            case TAGGED -> own.isEmpty() ? 5 : own.get(sel.index() % own.size()) | (1 + sel.index() % 3);
            case CLOSED -> {
                List<Long> closed = model.closed.get(p);
                yield closed.isEmpty() ? 0x7770 : closed.get(sel.index() % closed.size());
            }
            case FOREIGN -> {
                List<Long> foreign = new ArrayList<>(model.handles.get((p + 1 + sel.index() % 2) % World.PROCESSES).keySet());
                yield foreign.isEmpty() ? 8 : foreign.get(sel.index() % foreign.size());
            }
            case PSEUDO -> sel.index() % 2 == 0 ? -1L : -2L;
            case GARBAGE -> GARBAGE[sel.index() % GARBAGE.length];
        };
    }

    private static final long[] GARBAGE = {0, 3, 0x7FFF_FFFCL, 1L << 40, Long.MIN_VALUE, -10, 0x4000_0000L, -7};

    /** The model's handle for a value in process p, or null for anything but an open handle. */
    Handle handle(int p, long value) {
        return model.handle(p, value);
    }

    /** A failed Win32 call: FALSE-ish result with a documented, and here exact, last error. */
    void failed(String what, int expectedError, int actualError) {
        assertTrue(Documented.error(actualError), what + ": undocumented last error " + actualError);
        assertEquals(expectedError, actualError, what + ": last error");
    }

    void documented(String what, int error) {
        assertTrue(Documented.error(error), what + ": undocumented last error " + error);
    }

    void documentedStatus(String what, int status) {
        assertTrue(Documented.status(status), what + ": undocumented status " + Documented.hex(status));
    }

    /** The granted access and handle count of a handle, read in its process. */
    ObjectBasicInformation basic(int p, long value) {
        Object[] out = new Object[1];
        int status = world.nt(p, 0, nt -> nt.NtQueryObject(value, ObjectBasicInformation, out, 56, null));
        assertEquals(STATUS_SUCCESS, status, "NtQueryObject of a handle the model holds: " + Documented.hex(status));
        return (ObjectBasicInformation) out[0];
    }

    /** The invariant after every step: per-type object and handle counts are the baseline plus the model's. */
    void checkCounts(String after) {
        Counts now = world.counts();
        Map<String, int[]> expected = model.expected();
        for (String type : Counts.WATCHED) {
            int[] e = expected.getOrDefault(type, new int[2]);
            assertEquals(baseline.objects(type) + e[0], now.objects(type), after + ": objects of type " + type
                    + " (kernel " + now + ", baseline " + baseline + ")");
            assertEquals(baseline.handles(type) + e[1], now.handles(type), after + ": handles of type " + type
                    + " (kernel " + now + ", baseline " + baseline + ")");
        }
    }

    @Override
    public void close() {
        world.close();
    }

    /** How a step names a handle: one of its own, tagged, closed, another process's, a pseudo-handle, junk. */
    enum Kind { OWN, TAGGED, CLOSED, FOREIGN, PSEUDO, GARBAGE }

    record Sel(Kind kind, int index) {
        @Override
        public String toString() {
            return kind + "[" + index + "]";
        }
    }
}
