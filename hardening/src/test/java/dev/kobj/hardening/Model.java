package dev.kobj.hardening;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a program of calls should have left in the kernel: per process the open handles (value →
 * object, granted access, inherit flag), the objects with their handle counts and state, the names.
 * Counts are compared against the kernel's after each step.
 */
final class Model {
    /** A kernel object as the model sees it. */
    static final class Obj {
        final String type;
        final int id;
        String name; // model key of its name while it has one
        int handles;
        int views;
        boolean pinned; // a process or a pipe end whose life the model does not follow
        // Event
        boolean manual;
        boolean signalled;
        // Semaphore
        int count;
        int maximum;
        // Mutant: owner = slot generation * THREADS + thread, or -1
        long owner = -1;
        int recursion;
        boolean abandoned;
        // IoCompletion
        final ArrayDeque<long[]> packets = new ArrayDeque<>();
        // Section
        byte[] bytes;
        long size;
        // File: a pipe end or a disk file
        Pipe pipe;
        boolean readEnd;
        Disk disk;
        long position;

        Obj(String type, int id) {
            this.type = type;
            this.id = id;
        }

        boolean alive() {
            return handles > 0 || views > 0 || pinned;
        }

        @Override
        public String toString() {
            return type + "#" + id + (name == null ? "" : "'" + name + "'");
        }
    }

    /** An anonymous pipe: its bytes in flight and whether each end is still open. */
    static final class Pipe {
        final ArrayDeque<Byte> data = new ArrayDeque<>();
        boolean readerOpen = true;
        boolean writerOpen = true;
    }

    /** A disk file's bytes; null when the path was odd and the model does not follow its content. */
    static final class Disk {
        byte[] content = new byte[0];
    }

    record Handle(Obj obj, int access, boolean inherit) {
    }

    record View(Obj section, long address, Object mapped, int process, boolean writable) {
    }

    final List<Map<Long, Handle>> handles = new ArrayList<>();
    final List<List<Long>> closed = new ArrayList<>();
    final Map<String, Obj> names = new HashMap<>();
    final Map<String, Disk> disks = new HashMap<>();
    final List<View> views = new ArrayList<>();
    final Obj[] processObjects = new Obj[World.PROCESSES];
    /** A file was made under a name the model does not follow, so f0 or f1 may exist unseen. */
    boolean oddFileMade;
    private int nextId;

    Model() {
        for (int p = 0; p < World.PROCESSES; p++) {
            handles.add(new LinkedHashMap<>());
            closed.add(new ArrayList<>());
        }
    }

    Obj newObj(String type) {
        return new Obj(type, nextId++);
    }

    void open(int p, long value, Obj obj, int access, boolean inherit) {
        Handle previous = handles.get(p).put(value, new Handle(obj, access, inherit));
        if (previous != null) {
            throw new AssertionError("the kernel handed out " + value + " which is still open for " + previous.obj());
        }
        closed.get(p).remove(value);
        obj.handles++;
    }

    Handle handle(int p, long value) {
        return value <= 0 ? null : handles.get(p).get(value & ~3L);
    }

    /** Closes a handle the model knows is open: the object's last handle takes its name and ends a pipe end. */
    void close(int p, long value) {
        Handle h = handles.get(p).remove(value & ~3L);
        closed.get(p).add(value & ~3L);
        Obj obj = h.obj();
        obj.handles--;
        if (obj.handles == 0) {
            if (obj.name != null) {
                names.remove(obj.name);
                obj.name = null;
            }
            if (obj.pipe != null) {
                if (obj.readEnd) {
                    obj.pipe.readerOpen = false;
                } else {
                    obj.pipe.writerOpen = false;
                }
            }
        }
    }

    /** Process p ended: its handles close, its views go, the mutexes its threads own are abandoned. */
    void terminated(int p, int generation) {
        for (Long value : List.copyOf(handles.get(p).keySet())) {
            close(p, value);
        }
        closed.get(p).clear();
        for (View view : List.copyOf(views)) {
            if (view.process() == p) {
                unmapped(view);
            }
        }
        for (Obj obj : allObjects()) {
            if (obj.type.equals("Mutant") && obj.owner >= 0 && obj.owner / World.THREADS == generation) {
                obj.owner = -1;
                obj.recursion = 0;
                obj.abandoned = true;
            }
        }
    }

    void unmapped(View view) {
        views.remove(view);
        view.section().views--;
    }

    List<Obj> allObjects() {
        List<Obj> all = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Map<Long, Handle> table : handles) {
            for (Handle h : table.values()) {
                if (seen.add(h.obj().id)) {
                    all.add(h.obj());
                }
            }
        }
        for (View view : views) {
            if (seen.add(view.section().id)) {
                all.add(view.section());
            }
        }
        return all;
    }

    /** Per type: {live objects, open handles} the model expects above the baseline. */
    Map<String, int[]> expected() {
        Map<String, int[]> counts = new TreeMap<>();
        for (Obj obj : allObjects()) {
            if (obj.pinned) {
                continue;
            }
            counts.computeIfAbsent(obj.type, t -> new int[2])[0]++;
            counts.get(obj.type)[1] += obj.handles;
        }
        return counts;
    }
}
