package dev.kobj.core.object;

import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_INVALID;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_PATH_NOT_FOUND;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_PATH_SYNTAX_BAD;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.object.KernelObject;
import dev.kobj.core.CoreTypes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The object namespace: the tree of directories and symbolic links from {@code \}, and path
 * resolution (nt-semantics.md §3). Thread-safe; each step takes one directory's lock briefly.
 */
final class Namespace {
    /** Reparses (symbolic links followed) one lookup may make (ReactOS counts down from 30). */
    static final int MAX_REPARSE = 30;
    /** Longest name in UTF-16 code units: Length < 65534 bytes (nt-semantics.md §3.3). */
    static final int MAX_NAME_CHARS = 32766;

    /** Parent paths remembered at most; past it the cache starts again (it only saves walks). */
    static final int MAX_CACHED_PARENTS = 4096;

    private final ObjectDirectory root;
    private final Consumer<KernelObject> release;
    private final AtomicLong changes;
    /**
     * The directory each recently resolved absolute parent path led to, links followed, valid while no
     * directory or link has left the namespace since ({@code changes}): a Win32 name's create or open
     * then walks one component, not \Sessions\1\BaseNamedObjects and a Local link each time.
     * Case-sensitive paths only (a case-insensitive walk may choose among names differing in case).
     */
    private final ConcurrentHashMap<String, CachedParent> parents = new ConcurrentHashMap<>();

    private record CachedParent(ObjectDirectory directory, long changes) {
    }

    /** {@code release} drops a reference the way the object manager does (deleting on the last). */
    Namespace(ObjectDirectory root, Consumer<KernelObject> release) {
        this.root = root;
        this.release = release;
        this.changes = root.namespaceChanges();
    }

    ObjectDirectory root() {
        return root;
    }

    /**
     * Where a path leads. With {@code status} STATUS_SUCCESS: {@code parent} and {@code leaf} name the
     * last component (for a create), and {@code found} is the object there, referenced, or null. A path
     * that names a directory itself (the root, or a link to a directory) has a null parent. A walk for a
     * parse procedure that stopped at an object owning the rest of the name has that object as
     * {@code found} and the rest as {@code remaining} (else null).
     */
    record Resolution(int status, ObjectDirectory parent, String leaf, KernelObject found, String remaining) {
        Resolution(int status, ObjectDirectory parent, String leaf, KernelObject found) {
            this(status, parent, leaf, found, null);
        }

        static Resolution failed(int status) {
            return new Resolution(status, null, null, null);
        }
    }

    /**
     * Resolves {@code path} from {@code start} (a referenced directory given by handle, or null for an
     * absolute path). {@code openLink}: a symbolic link as the last component is not followed.
     */
    Resolution resolve(KernelObject start, String path, boolean caseInsensitive, boolean openLink) {
        return resolve(start, path, caseInsensitive, openLink, false);
    }

    /**
     * As above; with {@code parse}, a component in the middle of the path that is neither a directory
     * nor a link ends the walk there (referenced), leaving the rest of the path to its parse procedure.
     */
    Resolution resolve(KernelObject start, String path, boolean caseInsensitive, boolean openLink, boolean parse) {
        if (path.length() > MAX_NAME_CHARS) {
            return Resolution.failed(STATUS_OBJECT_NAME_INVALID);
        }
        ObjectDirectory directory;
        String rest;
        String parentPath = null; // to remember once resolved: the absolute path up to the last backslash
        long changesBefore = 0;
        if (start == null) {
            if (!path.startsWith("\\")) {
                return Resolution.failed(STATUS_OBJECT_PATH_SYNTAX_BAD);
            }
            directory = root;
            rest = path.substring(1);
            int slash = path.lastIndexOf('\\');
            if (!caseInsensitive && slash > 0 && slash < path.length() - 1) {
                changesBefore = changes.get(); // read before the walk: a change during it spoils the entry
                parentPath = path.substring(0, slash);
                CachedParent cached = parents.get(parentPath);
                if (cached != null && cached.changes() == changesBefore) {
                    directory = cached.directory();
                    rest = path.substring(slash + 1);
                    parentPath = null;
                }
            }
        } else {
            if (path.startsWith("\\")) {
                return Resolution.failed(STATUS_OBJECT_PATH_SYNTAX_BAD);
            }
            if (!(start instanceof ObjectDirectory startDirectory)) {
                return Resolution.failed(STATUS_OBJECT_TYPE_MISMATCH);
            }
            directory = startDirectory;
            rest = path;
        }
        for (int reparses = 0; reparses <= MAX_REPARSE; reparses++) {
            if (!rest.isEmpty() && (rest.startsWith("\\") || rest.endsWith("\\") || rest.contains("\\\\"))) {
                return Resolution.failed(STATUS_OBJECT_NAME_INVALID);
            }
            if (rest.isEmpty()) {
                return directory.reference() ? new Resolution(STATUS_SUCCESS, null, null, directory)
                        : Resolution.failed(STATUS_OBJECT_NAME_NOT_FOUND);
            }
            String target = null;
            int from = 0;
            while (true) {
                int end = rest.indexOf('\\', from);
                boolean last = end < 0;
                String component = last ? rest.substring(from) : rest.substring(from, end);
                if (component.isEmpty()) {
                    return Resolution.failed(STATUS_OBJECT_NAME_INVALID);
                }
                if (last) {
                    KernelObject found = directory.findAndReference(component, caseInsensitive);
                    if (found instanceof SymbolicLinkObject link && !openLink) {
                        release.accept(found);
                        target = link.target();
                        parentPath = null; // the leaf was a link: the parent reached is not the path's
                        break;
                    }
                    if (parentPath != null) {
                        remember(parentPath, directory, changesBefore);
                    }
                    return new Resolution(STATUS_SUCCESS, directory, component, found);
                }
                KernelObject next = directory.find(component, caseInsensitive);
                if (next instanceof ObjectDirectory child) {
                    directory = child;
                    from = end + 1;
                } else if (next instanceof SymbolicLinkObject link) {
                    target = link.target() + rest.substring(end);
                    break;
                } else if (parse && next != null) {
                    KernelObject owner = directory.findAndReference(component, caseInsensitive);
                    if (owner == null) {
                        return Resolution.failed(STATUS_OBJECT_PATH_NOT_FOUND);
                    }
                    return new Resolution(STATUS_SUCCESS, null, null, owner, rest.substring(end + 1));
                } else {
                    return Resolution.failed(STATUS_OBJECT_PATH_NOT_FOUND);
                }
            }
            if (!target.startsWith("\\")) {
                return Resolution.failed(STATUS_OBJECT_PATH_NOT_FOUND);
            }
            directory = root;
            rest = target.substring(1);
            if (rest.endsWith("\\")) {
                rest = rest.substring(0, rest.length() - 1);
            }
        }
        return Resolution.failed(STATUS_OBJECT_NAME_NOT_FOUND);
    }

    private void remember(String parentPath, ObjectDirectory directory, long changesBefore) {
        if (parents.size() >= MAX_CACHED_PARENTS) {
            parents.clear();
        }
        parents.put(parentPath, new CachedParent(directory, changesBefore));
    }

    /** The full NT path of a named object, "" once it has no name. */
    String pathOf(KernelObject object) {
        if (object == root) {
            return "\\";
        }
        StringBuilder path = new StringBuilder();
        for (KernelObject o = object; o != null && o != root; o = o.directory()) {
            String name = o.name();
            if (name == null) {
                return "";
            }
            path.insert(0, name).insert(0, '\\');
        }
        return path.toString();
    }

    static boolean isDirectory(KernelObject object) {
        return object.type() == CoreTypes.DIRECTORY;
    }
}
