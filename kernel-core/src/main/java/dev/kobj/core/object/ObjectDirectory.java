package dev.kobj.core.object;

import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Directory object: named entries, looked up case-sensitively or, with OBJ_CASE_INSENSITIVE, by
 * ordinal upper-case folding of UTF-16 code units (nt-semantics.md §3.3). Thread-safe.
 *
 * <p>Lock order: a parent directory's lock before a child's; never two unrelated directories. No type
 * procedure and no wait runs under a directory lock.
 */
public final class ObjectDirectory extends KernelObject {
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock. Insertion order gives NtQueryDirectoryObject a stable cursor.
    private final Map<String, KernelObject> byName = new LinkedHashMap<>();
    // Built at the first case-insensitive lookup here: until then a create or delete folds no name
    // (Win32 names are case-sensitive, so \Sessions\<n>\BaseNamedObjects usually never needs it).
    private Map<String, List<KernelObject>> byFoldedName;
    private boolean unlinked;
    private final AtomicLong namespaceChanges;

    /** {@code namespaceChanges} is the kernel's count of directories and links taken out of the namespace. */
    public ObjectDirectory(ObjectType type, AtomicLong namespaceChanges) {
        super(type);
        this.namespaceChanges = java.util.Objects.requireNonNull(namespaceChanges, "namespaceChanges is null");
    }

    /** The kernel's count of directories and symbolic links taken out of the namespace (path caches check it). */
    AtomicLong namespaceChanges() {
        return namespaceChanges;
    }

    /** The entry called {@code name}, referenced, or {@code null}. */
    KernelObject findAndReference(String name, boolean caseInsensitive) {
        lock.lock();
        try {
            KernelObject found = find(name, caseInsensitive);
            return found != null && found.reference() ? found : null;
        } finally {
            lock.unlock();
        }
    }

    /** The entry called {@code name}, not referenced (directory walks). */
    KernelObject find(String name, boolean caseInsensitive) {
        lock.lock();
        try {
            if (!caseInsensitive) {
                return byName.get(name);
            }
            if (byFoldedName == null) {
                byFoldedName = new HashMap<>();
                byName.values().forEach(this::index); // insertion order: the first of a folded name stays first
            }
            List<KernelObject> same = byFoldedName.get(fold(name));
            return same == null ? null : same.getFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Atomic create-or-open: the existing entry (referenced) if there is one, else {@code candidate}
     * inserted under {@code name}; {@code null} if this directory has left the namespace.
     */
    KernelObject insertOrReference(String name, boolean caseInsensitive, KernelObject candidate) {
        lock.lock();
        try {
            if (unlinked) {
                return null;
            }
            KernelObject existing = find(name, caseInsensitive);
            if (existing != null) {
                if (existing.reference()) {
                    return existing;
                }
                unlink(existing); // deleted, its name not yet given back: the new object takes it
            }
            byName.put(name, candidate);
            candidate.setName(this, name);
            if (byFoldedName != null) {
                index(candidate);
            }
            return candidate;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code object}'s name if it still has no handle and is not permanent (§1.2 rule 2). */
    boolean removeIfTemporaryAndUnused(KernelObject object) {
        lock.lock();
        try {
            if (object.handleCount() != 0 || object.isPermanent()) {
                return false;
            }
            return unlink(object);
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code object}'s name whatever its counts (a failed create undoing its insertion). */
    boolean remove(KernelObject object) {
        lock.lock();
        try {
            return unlink(object);
        } finally {
            lock.unlock();
        }
    }

    private boolean unlink(KernelObject object) {
        String name = object.name();
        if (name == null || byName.get(name) != object) {
            return false;
        }
        byName.remove(name);
        if (byFoldedName != null) {
            String folded = fold(name);
            List<KernelObject> same = byFoldedName.get(folded);
            same.remove(object);
            if (same.isEmpty()) {
                byFoldedName.remove(folded);
            }
        }
        object.setName(null, null);
        if (object instanceof ObjectDirectory child) {
            child.markUnlinked();
        }
        if (object instanceof ObjectDirectory || object instanceof SymbolicLinkObject) {
            namespaceChanges.incrementAndGet(); // paths through it resolve differently now
        }
        return true;
    }

    /** Adds a named entry to the case-insensitive index; the caller holds the lock. */
    private void index(KernelObject object) {
        byFoldedName.computeIfAbsent(fold(object.name()), k -> new ArrayList<>(1)).add(object);
    }

    private void markUnlinked() {
        lock.lock();
        try {
            unlinked = true;
        } finally {
            lock.unlock();
        }
    }

    /** The entries in a stable order. */
    List<KernelObject> entries() {
        lock.lock();
        try {
            return List.copyOf(byName.values());
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return byName.size();
        } finally {
            lock.unlock();
        }
    }

    /** Ordinal case folding of UTF-16 code units, as the object manager compares names. */
    static String fold(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.toUpperCase(c) != c) {
                char[] chars = name.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    chars[j] = Character.toUpperCase(chars[j]);
                }
                return new String(chars);
            }
        }
        return name;
    }
}
