package dev.kobj.hardening;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.hardening.Driver.Sel;
import dev.kobj.hardening.Model.Handle;
import dev.kobj.hardening.Model.Obj;
import dev.kobj.hardening.Model.View;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.MappedView;
import dev.kobj.win32.ObjectBasicInformation;
import dev.kobj.win32.Overlapped;
import java.util.Arrays;

/** The steps of a model-based program: each one Win32 or NT call from thread t of process p. */
final class Steps {
    private Steps() {
    }

    /** One call, checked against the model; the model changes only when the call succeeded. */
    sealed interface Step {
        int p();

        int t();

        void run(Driver d);
    }

    /** What a create call asked for: the type and its arguments. */
    enum Family { EVENT, MUTEX, SEMAPHORE, TIMER, SECTION, JOB, PORT }

    private static String typeName(Family family) {
        return switch (family) {
            case EVENT -> "Event";
            case MUTEX -> "Mutant";
            case SEMAPHORE -> "Semaphore";
            case TIMER -> "Timer";
            case SECTION -> "Section";
            case JOB -> "Job";
            case PORT -> "IoCompletion";
        };
    }

    private static int allAccess(Family family) {
        return switch (family) {
            case EVENT -> EVENT_ALL_ACCESS;
            case MUTEX -> MUTEX_ALL_ACCESS;
            case SEMAPHORE -> SEMAPHORE_ALL_ACCESS;
            case TIMER -> TIMER_ALL_ACCESS;
            case SECTION -> SECTION_ALL_ACCESS;
            case JOB -> JOB_OBJECT_ALL_ACCESS;
            case PORT -> IO_COMPLETION_ALL_ACCESS;
        };
    }

    /** The NT name of a handle's object, read in its process ("" when unnamed). */
    private static String ntName(Driver d, int p, long h) {
        Object[] out = new Object[1];
        int status = d.world.nt(p, 0, nt -> nt.NtQueryObject(h, ObjectNameInformation, out, 70_000, null));
        assertEquals(STATUS_SUCCESS, status, "name of a new handle: " + Documented.hex(status));
        return (String) out[0];
    }

    /**
     * Create{Event,Mutex,Semaphore,WaitableTimer,FileMapping,JobObject} or CreateIoCompletionPort:
     * a new object, the named one that exists (ERROR_ALREADY_EXISTS), or a documented failure.
     */
    record Create(int p, int t, Family family, int name, boolean flag, int a, long b) implements Step {
        @Override
        public void run(Driver d) {
            String win32 = family == Family.PORT ? null : Names.WIN32[name % Names.WIN32.length];
            int[] error = new int[1];
            long h = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                long handle = create(k, win32);
                error[0] = k.GetLastError();
                return handle;
            });
            String what = this + " → " + h + "/" + error[0];
            long failure = NULL;
            String predicted = Names.predictable(win32);
            Obj existing = predicted == null ? null : d.model.names.get(predicted);
            Integer invalidArgument = invalidArgument();
            if (invalidArgument != null) {
                assertEquals(failure, h, what);
                if (invalidArgument < 0 || !Names.plain(win32)) { // a bad name may be reported first
                    d.documented(what, error[0]);
                } else {
                    d.failed(what, invalidArgument, error[0]);
                }
                return;
            }
            if (h == failure || h == INVALID_HANDLE_VALUE) {
                d.documented(what, error[0]);
                assertTrue(!Names.plain(win32) || existing != null && !existing.type.equals(typeName(family)),
                        what + ": a plain create failed");
                if (existing != null) {
                    assertEquals(ERROR_INVALID_HANDLE, error[0], what + ": a name held by another type");
                }
                return;
            }
            assertTrue(error[0] == 0 || error[0] == ERROR_ALREADY_EXISTS, what + ": a create sets 0 or 183");
            String key = win32 == null ? null : ntName(d, p, h);
            if (key != null && key.isEmpty()) {
                key = null;
            }
            if (predicted != null) {
                assertEquals(predicted, key, what + ": the NT name");
            }
            Obj known = key == null ? null : d.model.names.get(key);
            if (error[0] == ERROR_ALREADY_EXISTS) {
                assertNotNull(known, what + ": opened an object the model does not know");
                assertEquals(typeName(family), known.type, what);
                d.model.open(p, h, known, granted(d, h, what), false);
                return;
            }
            assertNull(known, what + ": created a second object under the name of " + known);
            Obj obj = d.model.newObj(typeName(family));
            obj.name = key;
            if (key != null) {
                d.model.names.put(key, obj);
            }
            switch (family) {
                case EVENT -> {
                    obj.manual = flag;
                    obj.signalled = a % 2 == 0;
                }
                case MUTEX -> obj.owner = flag ? d.owner(p, t) : -1;
                case SEMAPHORE -> {
                    obj.count = a;
                    obj.maximum = (int) b;
                }
                case TIMER -> obj.manual = flag;
                case SECTION -> {
                    obj.size = b;
                    obj.bytes = new byte[(int) Math.min(b, 65_537)];
                }
                default -> {
                }
            }
            if (family == Family.MUTEX && flag) {
                obj.recursion = 1;
            }
            d.model.open(p, h, obj, granted(d, h, what), false);
        }

        /** The access a create grants: all of the type's, but for sections what the protection allows. */
        private int granted(Driver d, long h, String what) {
            int granted = d.basic(p, h).grantedAccess();
            if (family == Family.SECTION) {
                assertEquals(0xF0005, granted & ~SECTION_MAP_WRITE, what + ": a mapping's access");
            } else {
                assertEquals(allAccess(family), granted, what + ": a create's access");
            }
            return granted;
        }

        private long create(Kernel32 k, String win32) {
            return switch (family) {
                case EVENT -> k.CreateEvent(null, flag, a % 2 == 0, win32);
                case MUTEX -> k.CreateMutex(null, flag, win32);
                case SEMAPHORE -> k.CreateSemaphore(null, a, (int) b, win32);
                case TIMER -> k.CreateWaitableTimer(null, flag, win32);
                case SECTION -> k.CreateFileMapping(INVALID_HANDLE_VALUE, null, a, (int) (b >>> 32), (int) b, win32);
                case JOB -> k.CreateJobObject(null, win32);
                case PORT -> k.CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, b, a);
            };
        }

        /** The error an argument check gives before any name is looked at, or null. */
        private Integer invalidArgument() {
            return switch (family) {
                case SEMAPHORE -> (int) b <= 0 || a < 0 || a > (int) b ? Integer.valueOf(ERROR_INVALID_PARAMETER) : null;
                case SECTION -> a != PAGE_READWRITE && a != PAGE_READONLY || b <= 0 ? Integer.valueOf(ERROR_INVALID_PARAMETER)
                        : b > 1L << 47 ? Integer.valueOf(-1) : null; // too big: a documented failure
                default -> null;
            };
        }

        @Override
        public String toString() {
            return "Create" + family + "(p" + p + "t" + t + ", name=" + (family == Family.PORT ? "-" : quote(name))
                    + ", " + flag + ", " + a + ", " + b + ")";
        }
    }

    private static String quote(int name) {
        String s = Names.WIN32[name % Names.WIN32.length];
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 40 ? s.substring(0, 8) + "…(" + s.length() + " chars)" : s;
        StringBuilder text = new StringBuilder("\"");
        shown.chars().forEach(c -> text.append(c < 0x20 || c >= 0xD800 && c < 0xE000 || c >= 0xFFFE
                ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return text.append('"').toString();
    }

    /** Open{Event,Mutex,Semaphore,WaitableTimer,FileMapping,JobObject} by name with a random access mask. */
    record Open(int p, int t, Family family, int name, int access) implements Step {
        @Override
        public void run(Driver d) {
            String win32 = Names.WIN32[name % Names.WIN32.length];
            int[] error = new int[1];
            long h = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                long handle = switch (family) {
                    case EVENT -> k.OpenEvent(access, false, win32);
                    case MUTEX -> k.OpenMutex(access, false, win32);
                    case SEMAPHORE -> k.OpenSemaphore(access, false, win32);
                    case TIMER -> k.OpenWaitableTimer(access, false, win32);
                    case SECTION -> k.OpenFileMapping(access, false, win32);
                    case JOB, PORT -> k.OpenJobObject(access, false, win32);
                };
                error[0] = k.GetLastError();
                return handle;
            });
            String what = this + " → " + h + "/" + error[0];
            String type = family == Family.PORT ? "Job" : typeName(family);
            String predicted = Names.predictable(win32);
            Obj existing = predicted == null ? null : d.model.names.get(predicted);
            if (h == NULL) {
                d.documented(what, error[0]);
                if (win32 == null) {
                    assertTrue(error[0] == ERROR_INVALID_PARAMETER || error[0] == ERROR_PATH_NOT_FOUND
                            || error[0] == ERROR_FILE_NOT_FOUND, what);
                } else if (predicted != null && existing == null) {
                    assertEquals(ERROR_FILE_NOT_FOUND, error[0], what);
                } else if (existing != null && !existing.type.equals(type)) {
                    assertEquals(ERROR_INVALID_HANDLE, error[0], what);
                } else if (existing != null) {
                    assertTrue(error[0] == ERROR_ACCESS_DENIED || error[0] == ERROR_INVALID_PARAMETER,
                            what + ": an existing object of the right type refused only for its access mask");
                }
                return;
            }
            String key = ntName(d, p, h);
            Obj known = d.model.names.get(key);
            assertNotNull(known, what + ": opened " + key + " which the model does not know");
            assertEquals(type, known.type, what);
            if (predicted != null) {
                assertEquals(predicted, key, what);
            }
            ObjectBasicInformation basic = d.basic(p, h);
            int valid = d.world.kernel.objectType(type).orElseThrow().validAccessMask();
            assertEquals(0, basic.grantedAccess() & ~valid, what + ": granted beyond the type's valid mask");
            if ((access & (GENERIC_ALL | GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | MAXIMUM_ALLOWED)) == 0) {
                assertEquals(access, basic.grantedAccess(), what + ": granted what was asked");
            }
            d.model.open(p, h, known, basic.grantedAccess(), false);
        }
    }

    /** CloseHandle or NtClose of any value. */
    record Close(int p, int t, Sel sel, boolean nt) implements Step {
        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            String what = this + " value " + value;
            if (nt) {
                int status = d.world.nt(p, t, n -> n.NtClose(value));
                d.documentedStatus(what, status);
                if (h != null) {
                    assertEquals(STATUS_SUCCESS, status, what);
                    d.model.close(p, value);
                } else if (value == -1 || value == -2) {
                    assertEquals(STATUS_SUCCESS, status, what + ": closing a pseudo-handle is a no-op");
                } else {
                    assertEquals(STATUS_INVALID_HANDLE, status, what);
                }
                return;
            }
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                boolean r = k.CloseHandle(value);
                error[0] = k.GetLastError();
                return r;
            });
            boolean std = value == -10; // STD_INPUT_HANDLE: the stored standard handle, none here
            if (h != null) {
                assertTrue(ok, what);
                d.model.close(p, value);
            } else if (value == -1 || value == -2) {
                assertTrue(ok, what + ": closing a pseudo-handle is a no-op");
            } else {
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
            }
            assertTrue(!std || !ok, what);
        }
    }

    /** SetEvent, ResetEvent, ReleaseSemaphore, ReleaseMutex, SetWaitableTimer or CancelWaitableTimer on any handle. */
    record Signal(int p, int t, Sel sel, int how, int amount) implements Step {
        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            int[] previous = {-7};
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                boolean r = switch (how % 6) {
                    case 0 -> k.SetEvent(value);
                    case 1 -> k.ResetEvent(value);
                    case 2 -> k.ReleaseSemaphore(value, amount, previous);
                    case 3 -> k.ReleaseMutex(value);
                    case 4 -> k.SetWaitableTimer(value, -10_000_000_000L, 0, null, 0, false);
                    default -> k.CancelWaitableTimer(value);
                };
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " value " + value + " → " + ok + "/" + error[0];
            String type = switch (how % 6) {
                case 0, 1 -> "Event";
                case 2 -> "Semaphore";
                case 3 -> "Mutant";
                default -> "Timer";
            };
            if (h == null || !h.obj().type.equals(type)) {
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            Obj obj = h.obj();
            int right = switch (how % 6) {
                case 3 -> 0;
                default -> 2; // EVENT_, SEMAPHORE_, TIMER_MODIFY_STATE
            };
            if ((h.access() & right) != right) {
                assertFalse(ok, what);
                d.failed(what, ERROR_ACCESS_DENIED, error[0]);
                return;
            }
            switch (how % 6) {
                case 0 -> {
                    assertTrue(ok, what);
                    obj.signalled = true;
                }
                case 1 -> {
                    assertTrue(ok, what);
                    obj.signalled = false;
                }
                case 2 -> {
                    if (amount <= 0) {
                        assertFalse(ok, what);
                        d.failed(what, ERROR_INVALID_PARAMETER, error[0]);
                    } else if ((long) obj.count + amount > obj.maximum) {
                        assertFalse(ok, what);
                        d.failed(what, ERROR_TOO_MANY_POSTS, error[0]);
                    } else {
                        assertTrue(ok, what);
                        assertEquals(obj.count, previous[0], what + ": previous count");
                        obj.count += amount;
                    }
                }
                case 3 -> {
                    if (obj.owner != d.owner(p, t)) {
                        assertFalse(ok, what);
                        d.failed(what, ERROR_NOT_OWNER, error[0]);
                    } else {
                        assertTrue(ok, what);
                        if (--obj.recursion == 0) {
                            obj.owner = -1;
                        }
                    }
                }
                default -> assertTrue(ok, what); // a far due time or a cancel: the timer stays unsignalled
            }
        }
    }

    /** WaitForSingleObject(h, 0) on any handle: the outcome the model predicts for its type and state. */
    record Wait(int p, int t, Sel sel) implements Step {
        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            int[] error = new int[1];
            int result = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                int r = k.WaitForSingleObject(value, 0);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " value " + value + " → " + result + "/" + error[0];
            if (value == -1 || value == -2) {
                assertEquals(WAIT_TIMEOUT, result, what + ": the caller's own process or thread has not ended");
                return;
            }
            if (h == null) {
                assertEquals(WAIT_FAILED, result, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            Obj obj = h.obj();
            if (obj.type.equals("Section")) {
                assertEquals(WAIT_FAILED, result, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            if ((h.access() & SYNCHRONIZE) == 0) {
                assertEquals(WAIT_FAILED, result, what);
                d.failed(what, ERROR_ACCESS_DENIED, error[0]);
                return;
            }
            switch (obj.type) {
                case "Event" -> {
                    assertEquals(obj.signalled ? WAIT_OBJECT_0 : WAIT_TIMEOUT, result, what);
                    if (!obj.manual) {
                        obj.signalled = false;
                    }
                }
                case "Semaphore" -> {
                    assertEquals(obj.count > 0 ? WAIT_OBJECT_0 : WAIT_TIMEOUT, result, what);
                    if (obj.count > 0) {
                        obj.count--;
                    }
                }
                case "Mutant" -> {
                    long me = d.owner(p, t);
                    if (obj.owner == -1 || obj.owner == me) {
                        assertEquals(obj.abandoned ? WAIT_ABANDONED_0 : WAIT_OBJECT_0, result, what);
                        obj.abandoned = false;
                        obj.owner = me;
                        obj.recursion++;
                    } else {
                        assertEquals(WAIT_TIMEOUT, result, what);
                    }
                }
                case "Process" -> assertEquals(obj.signalled ? WAIT_OBJECT_0 : WAIT_TIMEOUT, result, what);
                case "IoCompletion" -> assertEquals(obj.packets.isEmpty() ? WAIT_TIMEOUT : WAIT_OBJECT_0, result, what);
                case "File", "Thread" -> assertTrue(result == WAIT_OBJECT_0 || result == WAIT_TIMEOUT, what);
                default -> assertEquals(WAIT_TIMEOUT, result, what); // Timer (never due), Job
            }
        }
    }

    /** DuplicateHandle from process p's view: source process s (itself or another), target process q. */
    record Duplicate(int p, int t, int s, Sel sel, int q, int access, boolean inherit, int options) implements Step {
        @Override
        public void run(Driver d) {
            long sourceProcess = s == p ? -1L : d.world.slots[p].processHandles[s];
            long targetProcess = q == p ? -1L : d.world.slots[p].processHandles[q];
            long value = d.resolve(s, sel);
            long[] target = {0x5A5A};
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                boolean r = k.DuplicateHandle(sourceProcess, value, targetProcess, target, access, inherit, options);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " value " + value + " → " + ok + "/" + error[0] + " new " + target[0];
            Handle sp = s == p ? null : d.handle(p, sourceProcess);
            Handle tp = q == p ? null : d.handle(p, targetProcess);
            int from = s == p ? p : slotOf(d, sp); // a stale value may name another live process
            int to = q == p ? p : slotOf(d, tp);
            boolean sourceOk = from >= 0;
            boolean targetOk = to >= 0;
            Handle source = sourceOk ? d.handle(from, value) : null;
            // -1 means the source process itself (it is read in the source's context); -2 only the caller's thread.
            boolean pseudo = sourceOk && (value == -1 || value == -2 && from == p);
            boolean closeSource = (options & DUPLICATE_CLOSE_SOURCE) != 0 && source != null;
            if (!ok) {
                assertEquals(0, target[0], what + ": the target handle is NULL on failure");
                d.documented(what, error[0]);
                assertTrue(!sourceOk || !targetOk || source == null && !pseudo || (options & ~7) != 0
                                || (options & DUPLICATE_SAME_ACCESS) == 0,
                        what + ": a duplicate of a valid handle between live processes failed");
                if (closeSource) {
                    d.model.close(from, value);
                }
                return;
            }
            assertTrue(sourceOk && targetOk && (source != null || pseudo), what + ": succeeded on a bad argument (source process "
                    + sourceProcess + " " + sp + ", target process " + targetProcess + " " + tp + ", source " + source + ")");
            Obj obj;
            if (pseudo) {
                if (value == -1) {
                    obj = d.model.processObjects[from];
                } else {
                    obj = new Obj("Thread", -1);
                    obj.pinned = true;
                }
            } else {
                obj = source.obj();
            }
            ObjectBasicInformation basic = d.basic(to, target[0]);
            if ((options & DUPLICATE_SAME_ACCESS) != 0 && !pseudo) {
                assertEquals(source.access(), basic.grantedAccess(), what + ": same access");
            } else if (!pseudo && (access & ~source.access()) == 0) {
                assertEquals(access, basic.grantedAccess(), what + ": a subset is granted as asked");
            }
            int[] flags = new int[1];
            long copy = target[0];
            assertTrue(d.world.<Boolean>call(to, 0, k -> k.GetHandleInformation(copy, flags)), what);
            assertEquals(inherit ? HANDLE_FLAG_INHERIT : 0, flags[0], what + ": inherit flag");
            d.model.open(to, copy, obj, basic.grantedAccess(), inherit);
            if (closeSource) { // last, as NT does: the object and its name never lapse
                d.model.close(from, value);
            }
        }

        /** The live model process a process handle names, or -1. */
        private static int slotOf(Driver d, Handle h) {
            for (int x = 0; x < World.PROCESSES; x++) {
                if (h != null && h.obj() == d.model.processObjects[x] && (h.access() & PROCESS_DUP_HANDLE) != 0) {
                    return x;
                }
            }
            return -1;
        }
    }

    /** NtQueryObject(ObjectBasicInformation) and GetHandleInformation: the model's counts and flags. */
    record Query(int p, int t, Sel sel) implements Step {
        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            Object[] out = new Object[1];
            int status = d.world.nt(p, t, nt -> nt.NtQueryObject(value, ObjectBasicInformation, out, 56, null));
            int[] flags = {-1};
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                boolean r = k.GetHandleInformation(value, flags);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " value " + value + " → " + Documented.hex(status);
            d.documentedStatus(what, status);
            if (h == null) {
                if (value != -1 && value != -2) {
                    assertEquals(STATUS_INVALID_HANDLE, status, what);
                    assertFalse(ok, what);
                    d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                }
                return;
            }
            assertEquals(STATUS_SUCCESS, status, what);
            ObjectBasicInformation basic = (ObjectBasicInformation) out[0];
            assertEquals(h.access(), basic.grantedAccess(), what + ": granted access");
            if (!h.obj().pinned) {
                assertEquals(h.obj().handles, basic.handleCount(), what + ": handle count of " + h.obj());
            }
            assertTrue(basic.pointerCount() >= basic.handleCount(), what + ": pointer count below handle count");
            assertTrue(ok, what);
            assertEquals(h.inherit() ? HANDLE_FLAG_INHERIT : 0, flags[0], what);
        }
    }

    /** MapViewOfFile of any handle; a view of a model section joins the model. */
    record Map(int p, int t, Sel sel, int access, int bytes) implements Step {
        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            int[] error = new int[1];
            MappedView view = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                MappedView v = k.MapViewOfFile(value, access, 0, 0, bytes);
                error[0] = k.GetLastError();
                return v;
            });
            String what = this + " value " + value + " → " + (view != null) + "/" + error[0];
            boolean plainAccess = access == FILE_MAP_READ || access == FILE_MAP_WRITE || access == FILE_MAP_ALL_ACCESS
                    || access == FILE_MAP_COPY;
            if (bytes < 0) { // a SIZE_T beyond any section: kernel32 refuses it first
                assertNull(view, what);
                d.failed(what, ERROR_INVALID_PARAMETER, error[0]);
                return;
            }
            // The handle is looked up, then the access checked for validity, then the type.
            boolean pseudo = value == -1 || value == -2;
            if (h == null && !pseudo || plainAccess && (pseudo || !h.obj().type.equals("Section"))) {
                assertNull(view, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            if (!plainAccess) {
                assertNull(view, what);
                d.failed(what, ERROR_INVALID_PARAMETER, error[0]);
                return;
            }
            if (view == null) {
                d.documented(what, error[0]);
                boolean plain = access == FILE_MAP_READ || access == FILE_MAP_WRITE || access == FILE_MAP_ALL_ACCESS;
                assertTrue(!plain || bytes > h.obj().size || (h.access() & access & 6) != (access & 6),
                        what + ": a plain mapping failed");
                return;
            }
            assertNotEquals(0, view.address(), what);
            d.model.views.add(new View(h.obj(), view.address(), view, p, (access & FILE_MAP_WRITE) != 0
                    && (access & FILE_MAP_COPY) == 0));
            h.obj().views++;
        }
    }

    /** Writes or reads one byte through a view, or unmaps one (its own, another process's, or junk). */
    record Touch(int p, int t, int index, int offset, byte value, int how) implements Step {
        @Override
        public void run(Driver d) {
            if (how % 3 == 2 || d.model.views.isEmpty()) {
                unmap(d);
                return;
            }
            View view = d.model.views.get(index % d.model.views.size());
            MappedView mapped = (MappedView) view.mapped();
            int length = (int) Math.min(mapped.segment().byteSize(), view.section().bytes.length);
            if (length == 0) {
                return;
            }
            int at = Math.floorMod(offset, length);
            byte[] bytes = view.section().bytes;
            if (how % 3 == 0 && view.writable()) {
                mapped.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, at, value);
                bytes[at] = value;
            } else {
                assertEquals(bytes[at], mapped.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, at),
                        this + ": every view of a section shows the same bytes");
            }
        }

        private void unmap(Driver d) {
            long address = d.model.views.isEmpty() ? 0x1234_0000L
                    : d.model.views.get(index % d.model.views.size()).address() + (offset % 3 == 0 ? 1 : 0);
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                boolean r = k.UnmapViewOfFile(address);
                error[0] = k.GetLastError();
                return r;
            });
            View mine = d.model.views.stream().filter(v -> v.process() == p && v.address() == address)
                    .findFirst().orElse(null);
            String what = this + " address " + Long.toHexString(address) + " → " + ok + "/" + error[0];
            if (mine == null) {
                assertFalse(ok, what);
                d.failed(what, 487, error[0]); // ERROR_INVALID_ADDRESS
            } else {
                assertTrue(ok, what);
                d.model.unmapped(mine);
            }
        }
    }

    /** CreatePipe with a size hint. */
    record CreatePipe(int p, int t, int size) implements Step {
        @Override
        public void run(Driver d) {
            long[] read = new long[1];
            long[] write = new long[1];
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                boolean r = k.CreatePipe(read, write, null, size);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " → " + ok + "/" + error[0];
            if (!ok) {
                d.documented(what, error[0]);
                assertTrue(size < 0, what + ": a plain CreatePipe failed");
                return;
            }
            Model.Pipe pipe = new Model.Pipe();
            Obj r = d.model.newObj("File");
            r.pipe = pipe;
            r.readEnd = true;
            Obj w = d.model.newObj("File");
            w.pipe = pipe;
            d.model.open(p, read[0], r, d.basic(p, read[0]).grantedAccess(), false);
            d.model.open(p, write[0], w, d.basic(p, write[0]).grantedAccess(), false);
        }
    }

    /** CreateFile on the C: volume: plain paths the model follows, hostile ones it only watches. */
    record CreateFile(int p, int t, int path, boolean write, int disposition) implements Step {
        static final String[] PATHS = {"C:\\f0", "C:\\f1", "C:\\F0", "C:\\d\\..\\f1", "C:\\..\\..\\escape",
                "\\\\.\\C:\\..\\f0", "C:\\" + "y".repeat(300), "C:\\a\u0000b", "C:\\\uD800", "C:\\nul\\", "C:",
                "C:\\f0\\..\\..", "\\??\\C:\\f1", "C:\\con", "C:\\*", ""};

        @Override
        public String toString() {
            String name = PATHS[path % PATHS.length];
            return "CreateFile[p=" + p + ", t=" + t + ", " + (name.length() > 40 ? name.substring(0, 12) + "…"
                    : name.replace("\u0000", "\\u0000").replace("\uD800", "\\uD800")) + ", write=" + write
                    + ", disposition=" + disposition + "]";
        }

        @Override
        public void run(Driver d) {
            String name = PATHS[path % PATHS.length];
            int dispositionValue = new int[] {CREATE_ALWAYS, OPEN_ALWAYS, OPEN_EXISTING, CREATE_NEW, TRUNCATE_EXISTING, 0, 9}[disposition % 7];
            int access = write ? GENERIC_READ | GENERIC_WRITE : GENERIC_READ;
            int[] error = new int[1];
            long h = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                long r = k.CreateFile(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, null,
                        dispositionValue, FILE_ATTRIBUTE_NORMAL, NULL);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " → " + h + "/" + error[0];
            // The volume folds case and Win32 resolves ".." lexically: these name the model's files too.
            String key = switch (name) {
                case "C:\\f0", "C:\\F0" -> "f0";
                case "C:\\f1", "C:\\d\\..\\f1" -> "f1";
                default -> null;
            };
            Model.Disk disk = key == null ? null : d.model.disks.get(key);
            if (key == null && h != INVALID_HANDLE_VALUE) {
                d.model.oddFileMade = true; // it may be f0 or f1 under another spelling: existence is learnt
            }
            if (key != null && disk == null && d.model.oddFileMade && h != INVALID_HANDLE_VALUE) {
                d.model.open(p, h, d.model.newObj("File"), d.basic(p, h).grantedAccess(), false);
                return; // a file the model did not see made: its content is not followed
            }
            if (h == INVALID_HANDLE_VALUE) {
                d.documented(what, error[0]);
                if (key != null && !(disk == null && d.model.oddFileMade)) {
                    int expected = switch (dispositionValue) {
                        // TRUNCATE_EXISTING needs GENERIC_WRITE (87); a missing file may be reported first (2)
                        case OPEN_EXISTING, TRUNCATE_EXISTING -> dispositionValue == TRUNCATE_EXISTING && !write
                                && !(disk == null && error[0] == ERROR_FILE_NOT_FOUND)
                                ? ERROR_INVALID_PARAMETER : disk == null ? ERROR_FILE_NOT_FOUND : -1;
                        case CREATE_NEW -> disk != null ? ERROR_FILE_EXISTS : -1;
                        case 0, 9 -> ERROR_INVALID_PARAMETER;
                        default -> -1;
                    };
                    assertEquals(expected, error[0], what);
                }
                return;
            }
            assertTrue(dispositionValue != 0 && dispositionValue != 9, what + ": an invalid disposition succeeded");
            Obj obj = d.model.newObj("File");
            if (key != null) {
                switch (dispositionValue) {
                    case OPEN_EXISTING, TRUNCATE_EXISTING -> assertNotNull(disk, what);
                    case CREATE_NEW -> assertNull(disk, what);
                    default -> {
                    }
                }
                if (disk == null) {
                    disk = new Model.Disk();
                    d.model.disks.put(key, disk);
                }
                if (dispositionValue == CREATE_ALWAYS || dispositionValue == TRUNCATE_EXISTING) {
                    disk.content = new byte[0];
                }
                obj.disk = disk;
            }
            d.model.open(p, h, obj, d.basic(p, h).grantedAccess(), false);
        }
    }

    /**
     * ReadFile or WriteFile of n bytes on any handle: exact bytes on model files and pipes; calls that
     * would block (an empty pipe with a writer, a full one) are not made.
     */
    record Transfer(int p, int t, Sel sel, boolean write, int n, byte fill) implements Step {
        private static final int PIPE_LIMIT = 1024;

        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            Obj obj = h == null ? null : h.obj();
            if (obj != null && obj.pipe != null) {
                Model.Pipe pipe = obj.pipe;
                boolean blocks = write ? !obj.readEnd && pipe.readerOpen && pipe.data.size() + n > PIPE_LIMIT
                        : obj.readEnd && pipe.data.isEmpty() && pipe.writerOpen;
                if (blocks || n < 0) {
                    return;
                }
            }
            if (obj != null && (obj.type.equals("File") && obj.disk == null && obj.pipe == null) && n > 1 << 20) {
                return;
            }
            byte[] buffer = new byte[Math.max(0, Math.min(n, 1 << 16))];
            Arrays.fill(buffer, fill);
            int[] done = {-1};
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                boolean r = write ? k.WriteFile(value, buffer, n, done, null) : k.ReadFile(value, buffer, n, done, null);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " value " + value + " → " + ok + "/" + error[0] + " done " + done[0];
            if (obj == null || !obj.type.equals("File")) {
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            if (n < 0 || n > buffer.length) {
                assertFalse(ok, what + ": a length beyond the buffer");
                d.documented(what, error[0]);
                return;
            }
            int right = write ? FILE_WRITE_DATA : FILE_READ_DATA;
            if ((h.access() & right) == 0 && !(write && (h.access() & FILE_APPEND_DATA) != 0)) {
                assertFalse(ok, what);
                d.failed(what, ERROR_ACCESS_DENIED, error[0]);
                return;
            }
            if (obj.pipe != null) {
                pipe(obj, what, ok, error[0], done[0], buffer, d);
            } else if (obj.disk != null) {
                disk(obj, what, ok, done[0], buffer, d, error[0]);
            } else if (!ok) {
                d.documented(what, error[0]);
            }
        }

        private void pipe(Obj obj, String what, boolean ok, int error, int done, byte[] buffer, Driver d) {
            Model.Pipe pipe = obj.pipe;
            if (write) {
                if (!pipe.readerOpen) {
                    assertFalse(ok, what);
                    d.failed(what, ERROR_NO_DATA, error);
                    return;
                }
                assertTrue(ok, what);
                assertEquals(n, done, what);
                for (int i = 0; i < n; i++) {
                    pipe.data.add(fill);
                }
                return;
            }
            if (pipe.data.isEmpty()) {
                if (n == 0 && ok) {
                    return;
                }
                assertFalse(ok, what);
                d.failed(what, ERROR_BROKEN_PIPE, error);
                return;
            }
            assertTrue(ok, what);
            assertEquals(Math.min(n, pipe.data.size()), done, what + ": a read returns what is there");
            for (int i = 0; i < done; i++) {
                assertEquals((byte) pipe.data.poll(), buffer[i], what + ": byte " + i);
            }
        }

        private void disk(Obj obj, String what, boolean ok, int done, byte[] buffer, Driver d, int error) {
            if (write && obj.position + n > 1L << 24 && !ok) {
                d.documented(what, error); // a volume may refuse a file of gigabytes; nothing changes
                return;
            }
            assertTrue(ok, what);
            byte[] content = obj.disk.content;
            int at = (int) obj.position;
            if (write) {
                assertEquals(n, done, what);
                if (at + n > content.length) {
                    content = Arrays.copyOf(content, at + n);
                }
                Arrays.fill(content, at, at + n, fill);
                obj.disk.content = content;
                obj.position += n;
            } else {
                int expected = Math.max(0, Math.min(n, content.length - at));
                assertEquals(expected, done, what);
                assertArrayEquals(Arrays.copyOfRange(content, at, at + expected), Arrays.copyOf(buffer, expected), what);
                obj.position += expected;
            }
        }
    }

    /** SetFilePointerEx on any handle, from the start, the position or the end. */
    record Seek(int p, int t, Sel sel, long distance, int method) implements Step {
        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            long[] position = {-5};
            int[] error = new int[1];
            int how = method % 4;
            boolean ok = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                boolean r = k.SetFilePointerEx(value, distance, position, how);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " value " + value + " → " + ok + "/" + error[0] + " at " + position[0];
            if (how == 3) { // kernel32 checks the method before it looks at the handle
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_PARAMETER, error[0]);
                return;
            }
            if (h == null || !h.obj().type.equals("File")) {
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            if (h.obj().disk == null) {
                if (!ok) {
                    d.documented(what, error[0]);
                }
                return;
            }
            Obj obj = h.obj();
            if (how == 3) {
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_PARAMETER, error[0]);
                return;
            }
            long base = how == FILE_BEGIN ? 0 : how == FILE_CURRENT ? obj.position : obj.disk.content.length;
            long target = base + distance;
            if (target < 0) {
                assertFalse(ok, what);
                d.failed(what, ERROR_NEGATIVE_SEEK, error[0]);
                return;
            }
            assertTrue(ok, what);
            assertEquals(target, position[0], what);
            obj.position = target;
        }
    }

    /** PostQueuedCompletionStatus or a zero-timeout GetQueuedCompletionStatus on any handle. */
    record Completion(int p, int t, Sel sel, boolean post, int bytes, long key) implements Step {
        @Override
        public void run(Driver d) {
            long value = d.resolve(p, sel);
            Handle h = d.handle(p, value);
            int[] transferred = {-1};
            long[] gotKey = {-1};
            Overlapped[] overlapped = {new Overlapped()};
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                k.SetLastError(0xBAD);
                boolean r = post ? k.PostQueuedCompletionStatus(value, bytes, key, null)
                        : k.GetQueuedCompletionStatus(value, transferred, gotKey, overlapped, 0);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " value " + value + " → " + ok + "/" + error[0];
            if (h == null || !h.obj().type.equals("IoCompletion")) {
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            Obj port = h.obj();
            if ((h.access() & 2) == 0) { // IO_COMPLETION_MODIFY_STATE for both (§4.3)
                assertFalse(ok, what);
                d.failed(what, ERROR_ACCESS_DENIED, error[0]);
                return;
            }
            if (post) {
                assertTrue(ok, what);
                port.packets.add(new long[] {bytes, key});
                return;
            }
            long[] packet = port.packets.poll();
            if (packet == null) {
                assertFalse(ok, what);
                assertNull(overlapped[0], what);
                d.failed(what, WAIT_TIMEOUT, error[0]);
                return;
            }
            assertTrue(ok, what);
            assertEquals((int) packet[0], transferred[0], what + ": FIFO bytes");
            assertEquals(packet[1], gotKey[0], what + ": FIFO key");
        }
    }

    /** TerminateProcess of another model process through p's handle; the slot gets a fresh process. */
    record Terminate(int p, int t, int q) implements Step {
        @Override
        public void run(Driver d) {
            int named = (p + 1 + q % (World.PROCESSES - 1)) % World.PROCESSES;
            long handle = d.world.slots[p].processHandles[named];
            Handle h = d.handle(p, handle);
            int victim = -1;
            for (int x = 0; x < World.PROCESSES; x++) {
                if (h != null && h.obj() == d.model.processObjects[x]) {
                    victim = x;
                }
            }
            if (h != null && (victim < 0 || victim == p)) {
                return; // a handle to an ended process, or to the caller itself: not this step's business
            }
            int[] error = new int[1];
            boolean ok = d.world.call(p, t, k -> {
                boolean r = k.TerminateProcess(handle, 0x77);
                error[0] = k.GetLastError();
                return r;
            });
            String what = this + " victim " + victim + " → " + ok + "/" + error[0];
            if (h == null || !h.obj().type.equals("Process")) {
                assertFalse(ok, what);
                d.failed(what, ERROR_INVALID_HANDLE, error[0]);
                return;
            }
            if ((h.access() & PROCESS_TERMINATE) == 0) { // a duplicate weakened below TERMINATE took the value
                assertFalse(ok, what);
                d.failed(what, ERROR_ACCESS_DENIED, error[0]);
                return;
            }
            assertTrue(ok, what);
            int[] code = new int[1];
            boolean queried = d.world.<Boolean>call(p, t, k -> k.GetExitCodeProcess(handle, code));
            if ((h.access() & (PROCESS_QUERY_INFORMATION | PROCESS_QUERY_LIMITED_INFORMATION)) == 0) {
                // A duplicate narrowed to TERMINATE alone took the value: the query needs a query right.
                assertFalse(queried, what);
                d.failed(what, ERROR_ACCESS_DENIED, d.world.call(p, t, Kernel32::GetLastError));
            } else {
                assertTrue(queried, what);
                assertEquals(0x77, code[0], what);
            }
            d.terminated(victim);
        }
    }
}
