package dev.kobj.launcher;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads a kernel's namespace as the launcher shows it, as the console process (so access is checked as for it). */
final class NamespaceView {
    /** An entry: its name, type, and for a symbolic link its target. */
    record Entry(String name, String type, String target) {
    }

    private static final int DIRECTORY_QUERY = 0x1;
    private static final int SYMBOLIC_LINK_QUERY = 0x1;

    private final ObjectManager objects;
    private final KThread caller;

    NamespaceView(Session session) {
        this.objects = session.objects();
        this.caller = session.caller();
    }

    /** The entries of the directory at {@code path}, sorted by name; null with the status in {@code status[0]}. */
    List<Entry> list(String path, int[] status) {
        long[] handle = new long[1];
        status[0] = objects.openDirectory(caller, ObjectAttributes.named(path, ObjectAttributes.OBJ_CASE_INSENSITIVE),
                DIRECTORY_QUERY, handle);
        if (status[0] != STATUS_SUCCESS) {
            return null;
        }
        try {
            List<ObjectInfo.DirectoryEntry> raw = new ArrayList<>();
            int[] context = new int[1];
            while (objects.queryDirectory(caller, handle[0], 64, false, context, raw) == STATUS_SUCCESS) {
                // more
            }
            List<Entry> entries = new ArrayList<>();
            for (ObjectInfo.DirectoryEntry e : raw) {
                String child = (path.endsWith("\\") ? path : path + "\\") + e.name();
                entries.add(new Entry(e.name(), e.typeName(), e.typeName().equals("SymbolicLink") ? target(child) : null));
            }
            entries.sort(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
            return entries;
        } finally {
            objects.close(caller, handle[0]);
        }
    }

    private String target(String path) {
        long[] handle = new long[1];
        if (objects.openSymbolicLink(caller, ObjectAttributes.named(path, 0), SYMBOLIC_LINK_QUERY, handle)
                != STATUS_SUCCESS) {
            return "?";
        }
        try {
            String[] target = new String[1];
            return objects.querySymbolicLink(caller, handle[0], target) == STATUS_SUCCESS ? target[0] : "?";
        } finally {
            objects.close(caller, handle[0]);
        }
    }

}
