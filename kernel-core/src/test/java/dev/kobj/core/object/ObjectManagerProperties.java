package dev.kobj.core.object;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_COLLISION;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_EXISTS;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.core.testplugin.CounterService.COUNTER_ALL_ACCESS;
import static dev.kobj.core.testplugin.CounterService.COUNTER_QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.process.KThread;
import dev.kobj.core.testplugin.Counter;
import dev.kobj.core.testplugin.CounterModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random programs of create / open / duplicate / close / query from two processes over a few names,
 * with closed, reused, foreign and pseudo handles, checked against a model after every step: no
 * exception, only the statuses the model predicts, counts consistent, and nothing left at the end.
 */
class ObjectManagerProperties {
    private static final List<String> NAMES = List.of("\\BaseNamedObjects\\p0", "\\BaseNamedObjects\\p1",
            "\\BaseNamedObjects\\p2");

    sealed interface Op permits Create, Open, Duplicate, Close, Query {
    }

    record Create(int process, int name, boolean openIf) implements Op {
    }

    record Open(int process, int name) implements Op {
    }

    record Duplicate(int process, int pick, int target, boolean closeSource) implements Op {
    }

    record Close(int process, int pick) implements Op {
    }

    record Query(int process, int pick) implements Op {
    }

    @Provide
    Arbitrary<Op> op() {
        Arbitrary<Integer> process = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> name = Arbitraries.integers().between(-1, NAMES.size() - 1);
        Arbitrary<Integer> pick = Arbitraries.integers().between(-4, 40);
        return Arbitraries.oneOf(
                Combinators.combine(process, name, Arbitraries.of(true, false)).as(Create::new),
                Combinators.combine(process, name.filter(n -> n >= 0)).as(Open::new),
                Combinators.combine(process, pick, process, Arbitraries.of(true, false)).as(Duplicate::new),
                Combinators.combine(process, pick).as(Close::new),
                Combinators.combine(process, pick).as(Query::new));
    }

    @Property(tries = 200)
    void modelAgreesAfterEveryStep(@ForAll @Size(max = 60) List<@net.jqwik.api.From("op") Op> program) {
        try (KernelFixture k = new KernelFixture()) {
            KThread[] callers = {k.newCaller("p0.exe"), k.newCaller("p1.exe")};
            long[] processHandles = new long[2];
            for (int i = 0; i < 2; i++) {
                long[] h = new long[1];
                assertEquals(STATUS_SUCCESS, k.objects.insert(callers[0].process(),
                        (KernelObject) callers[i].process(), 0x40, 0, h));
                processHandles[i] = h[0];
            }
            Model model = new Model();
            for (Op op : program) {
                step(k, callers, processHandles, model, op);
                model.check(k, callers);
            }
            for (int p = 0; p < 2; p++) {
                k.objects.closeAll(callers[p].process());
            }
            assertEquals(0, k.objects.typeInfo(CounterModule.COUNTER).totalNumberOfObjects());
            assertEquals(0, k.objects.typeInfo(CounterModule.COUNTER).totalNumberOfHandles());
            model.bodies.forEach(c -> assertEquals(1, c.deletes(), "deleted exactly once"));
        }
    }

    private static void step(KernelFixture k, KThread[] callers, long[] processHandles, Model model, Op op) {
        switch (op) {
            case Create c -> {
                long[] h = new long[1];
                String name = c.name() < 0 ? null : NAMES.get(c.name());
                Counter existing = name == null ? null : model.named.get(name);
                int status = k.counters.create(callers[c.process()],
                        new ObjectAttributes(0, name, c.openIf() ? ObjectAttributes.OBJ_OPENIF : 0),
                        COUNTER_ALL_ACCESS, 0, h);
                if (existing != null && !c.openIf()) {
                    assertEquals(STATUS_OBJECT_NAME_COLLISION, status);
                    assertEquals(0, h[0]);
                    return;
                }
                assertEquals(existing != null ? STATUS_OBJECT_NAME_EXISTS : STATUS_SUCCESS, status);
                Counter body = (Counter) k.objects.lookup(callers[c.process()], h[0]).object();
                if (existing != null) {
                    assertSame(existing, body);
                } else {
                    model.bodies.add(body);
                    if (name != null) {
                        model.named.put(name, body);
                    }
                }
                model.add(c.process(), h[0], body);
            }
            case Open o -> {
                long[] h = new long[1];
                String name = NAMES.get(o.name());
                Counter existing = model.named.get(name);
                int status = k.counters.open(callers[o.process()], ObjectAttributes.named(name, 0), COUNTER_QUERY, h);
                if (existing == null) {
                    assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, status);
                    return;
                }
                assertEquals(STATUS_SUCCESS, status);
                model.add(o.process(), h[0], existing);
            }
            case Duplicate d -> {
                long source = model.pick(d.process(), d.pick());
                Counter body = model.handles.get(d.process()).get(source);
                long[] h = new long[1];
                int status = k.objects.duplicate(callers[0], processHandles[d.process()], source,
                        processHandles[d.target()], h, 0, 0, 0x2 | (d.closeSource() ? 0x1 : 0));
                if (source == -1) { // the source process itself: a Process handle, closed again at once
                    assertEquals(STATUS_SUCCESS, status);
                    assertEquals(STATUS_SUCCESS, k.objects.close(callers[d.target()], h[0]));
                    return;
                }
                if (body == null) {
                    assertEquals(STATUS_INVALID_HANDLE, status);
                    return;
                }
                assertEquals(STATUS_SUCCESS, status);
                model.add(d.target(), h[0], body);
                if (d.closeSource()) { // after the new handle exists: the object (and its name) never lapse
                    model.remove(d.process(), source);
                }
            }
            case Close c -> {
                long handle = model.pick(c.process(), c.pick());
                Counter body = model.handles.get(c.process()).get(handle);
                int status = k.objects.close(callers[c.process()], handle);
                if (handle == -1 || handle == -2) {
                    assertEquals(STATUS_SUCCESS, status);
                } else if (body == null) {
                    assertEquals(STATUS_INVALID_HANDLE, status);
                } else {
                    assertEquals(STATUS_SUCCESS, status);
                    model.remove(c.process(), handle);
                }
            }
            case Query q -> {
                long handle = model.pick(q.process(), q.pick());
                Counter body = model.handles.get(q.process()).get(handle);
                ObjectInfo.Basic[] info = new ObjectInfo.Basic[1];
                int status = k.objects.queryBasic(callers[q.process()], handle, info);
                if (handle == -1 || handle == -2) {
                    assertEquals(STATUS_SUCCESS, status);
                } else if (body == null) {
                    assertEquals(STATUS_INVALID_HANDLE, status);
                } else {
                    assertEquals(STATUS_SUCCESS, status);
                    assertEquals(model.handleCount(body), info[0].handleCount());
                    assertTrue(info[0].pointerCount() >= info[0].handleCount());
                }
                long[] value = new long[1];
                int increment = k.counters.increment(callers[q.process()], handle, value);
                assertTrue(increment == STATUS_SUCCESS || increment == STATUS_ACCESS_DENIED
                        || increment == STATUS_INVALID_HANDLE || increment == dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH,
                        "increment returned " + Integer.toHexString(increment));
            }
        }
    }

    /** What the kernel should hold: each process's handles and the live names. */
    static final class Model {
        final List<Map<Long, Counter>> handles = List.of(new HashMap<>(), new HashMap<>());
        final Map<String, Counter> named = new HashMap<>();
        final Set<Counter> bodies = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        void add(int process, long handle, Counter body) {
            assertNull(handles.get(process).put(handle, body), "a fresh handle value");
        }

        void remove(int process, long handle) {
            Counter body = handles.get(process).remove(handle);
            if (handleCount(body) == 0) {
                named.values().remove(body);
            }
        }

        int handleCount(Counter body) {
            return (int) handles.stream().flatMap(m -> m.values().stream()).filter(c -> c == body).count();
        }

        /** A live handle of the process when {@code pick} indexes one; else a bogus, closed or pseudo value. */
        long pick(int process, int pick) {
            List<Long> live = new ArrayList<>(handles.get(process).keySet());
            live.sort(null);
            if (pick >= 0 && pick < live.size()) {
                return live.get(pick);
            }
            return switch (Math.floorMod(pick, 4)) {
                case 0 -> -1;
                case 1 -> 0x7770;
                case 2 -> 4L * (pick + 1);
                default -> 0;
            };
        }

        void check(KernelFixture k, KThread[] callers) {
            ObjectInfo.Type type = k.objects.typeInfo(CounterModule.COUNTER);
            int liveHandles = handles.get(0).size() + handles.get(1).size();
            assertEquals(liveHandles, type.totalNumberOfHandles());
            long liveBodies = bodies.stream().filter(b -> handleCount(b) > 0).count();
            assertEquals(liveBodies, type.totalNumberOfObjects());
            for (int p = 0; p < 2; p++) {
                for (Map.Entry<Long, Counter> e : handles.get(p).entrySet()) {
                    HandleEntry entry = k.objects.lookup(callers[p], e.getKey());
                    assertNotNull(entry);
                    assertSame(e.getValue(), entry.object());
                    assertEquals(handleCount(e.getValue()), e.getValue().handleCount());
                }
            }
            for (Counter body : bodies) {
                assertEquals(handleCount(body) == 0, body.isDeleted(), "deleted exactly when no handle is left");
            }
        }
    }
}
