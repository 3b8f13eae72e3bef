package dev.kobj.win32;

import static dev.kobj.win32.Win32.STATUS_BUFFER_OVERFLOW;
import static dev.kobj.win32.Win32.STATUS_BUFFER_TOO_SMALL;
import static dev.kobj.win32.Win32.STATUS_INFO_LENGTH_MISMATCH;
import static dev.kobj.win32.Win32.STATUS_INVALID_INFO_CLASS;
import static dev.kobj.win32.Win32.STATUS_INVALID_PARAMETER;
import static dev.kobj.win32.Win32.STATUS_MORE_ENTRIES;
import static dev.kobj.win32.Win32.STATUS_NO_MORE_ENTRIES;
import static dev.kobj.win32.Win32.STATUS_SUCCESS;

import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import java.util.ArrayList;
import java.util.List;

/**
 * NtQueryObject and NtQueryDirectoryObject in their Windows shapes: records in {@code information[0]},
 * lengths checked against the x64 SDK structure sizes as Windows checks them.
 */
final class ObjectQueries {
    /** sizeof(OBJECT_BASIC_INFORMATION) on x64. */
    static final int BASIC_SIZE = 56;
    /** sizeof(UNICODE_STRING) on x64: OBJECT_NAME_INFORMATION before its buffer. */
    static final int NAME_HEADER_SIZE = 16;
    /** sizeof(OBJECT_TYPE_INFORMATION) on x64, before the type name's buffer. */
    static final int TYPE_HEADER_SIZE = 104;
    /** sizeof(OBJECT_DIRECTORY_INFORMATION) on x64: two UNICODE_STRINGs. */
    static final int DIRECTORY_ENTRY_SIZE = 32;
    /** sizeof(OBJECT_HANDLE_FLAG_INFORMATION): two BOOLEANs. */
    static final int HANDLE_FLAG_SIZE = 2;
    /** STATUS_ACCESS_VIOLATION: no buffer. */
    static final int STATUS_ACCESS_VIOLATION = 0xC000_0005;

    private ObjectQueries() {
    }

    static int queryObject(ObjectManager objects, KThread thread, long handle, int infoClass, Object[] information,
            int length, int[] returnLength) {
        switch (infoClass) {
            case Win32.ObjectBasicInformation -> {
                ObjectInfo.Basic[] out = new ObjectInfo.Basic[1];
                int status = objects.queryBasic(thread, handle, out);
                if (status != STATUS_SUCCESS) {
                    return status;
                }
                setLength(returnLength, BASIC_SIZE);
                if (length != BASIC_SIZE) {
                    return STATUS_INFO_LENGTH_MISMATCH;
                }
                ObjectInfo.Basic basic = out[0];
                return store(information, new ObjectBasicInformation(basic.attributes(), basic.grantedAccess(),
                        basic.handleCount(), basic.pointerCount()));
            }
            case Win32.ObjectNameInformation -> {
                ObjectInfo.Name[] out = new ObjectInfo.Name[1];
                int status = objects.queryName(thread, handle, out);
                if (status != STATUS_SUCCESS) {
                    return status;
                }
                String name = out[0].name();
                int size = NAME_HEADER_SIZE + (name.isEmpty() ? 0 : (name.length() + 1) * 2);
                setLength(returnLength, size);
                if (length < NAME_HEADER_SIZE) {
                    return STATUS_INFO_LENGTH_MISMATCH;
                }
                if (length < size) {
                    return STATUS_BUFFER_OVERFLOW;
                }
                return store(information, name);
            }
            case Win32.ObjectTypeInformation -> {
                ObjectInfo.Type[] out = new ObjectInfo.Type[1];
                int status = objects.queryType(thread, handle, out);
                if (status != STATUS_SUCCESS) {
                    return status;
                }
                ObjectInfo.Type type = out[0];
                int size = TYPE_HEADER_SIZE + (type.typeName().length() + 1) * 2;
                setLength(returnLength, size);
                if (length < TYPE_HEADER_SIZE) {
                    return STATUS_INFO_LENGTH_MISMATCH;
                }
                if (length < size) {
                    return STATUS_BUFFER_OVERFLOW;
                }
                return store(information, new ObjectTypeInformation(type.typeName(), type.totalNumberOfObjects(),
                        type.totalNumberOfHandles(), type.validAccessMask()));
            }
            case Win32.ObjectHandleFlagInformation -> {
                int[] attributes = new int[1];
                int status = objects.handleAttributes(thread, handle, attributes);
                if (status != STATUS_SUCCESS) {
                    return status;
                }
                setLength(returnLength, HANDLE_FLAG_SIZE);
                if (length != HANDLE_FLAG_SIZE) {
                    return STATUS_INFO_LENGTH_MISMATCH;
                }
                return store(information, new ObjectHandleFlagInformation((attributes[0] & Win32.OBJ_INHERIT) != 0,
                        (attributes[0] & Win32.OBJ_PROTECT_CLOSE) != 0));
            }
            default -> {
                return objects.lookup(thread, handle) == null ? Win32.STATUS_INVALID_HANDLE : STATUS_INVALID_INFO_CLASS;
            }
        }
    }

    /** NtSetInformationObject: only ObjectHandleFlagInformation is settable. */
    static int setObject(ObjectManager objects, KThread thread, long handle, int infoClass, Object information,
            int length) {
        if (infoClass != Win32.ObjectHandleFlagInformation) {
            return objects.lookup(thread, handle) == null ? Win32.STATUS_INVALID_HANDLE : STATUS_INVALID_INFO_CLASS;
        }
        if (length != HANDLE_FLAG_SIZE) {
            return STATUS_INFO_LENGTH_MISMATCH;
        }
        if (!(information instanceof ObjectHandleFlagInformation flags)) {
            return STATUS_ACCESS_VIOLATION;
        }
        int mask = Win32.OBJ_INHERIT | Win32.OBJ_PROTECT_CLOSE;
        int bits = (flags.inherit() ? Win32.OBJ_INHERIT : 0) | (flags.protectFromClose() ? Win32.OBJ_PROTECT_CLOSE : 0);
        return objects.setHandleAttributes(thread, handle, mask, bits);
    }

    /**
     * Entries from {@code context[0]} (0 with {@code restartScan}) that fit in {@code length} bytes as
     * Windows lays them out on x64 (a 32-byte record and both names with terminators per entry, and a
     * terminating empty record), and in {@code buffer}; one with {@code returnSingleEntry}.
     */
    static int queryDirectory(ObjectManager objects, KThread thread, long handle, Object[] buffer, int length,
            boolean returnSingleEntry, boolean restartScan, int[] context, int[] returnLength) {
        if (context == null || context.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        if (buffer == null || buffer.length == 0) {
            return STATUS_ACCESS_VIOLATION;
        }
        int start = restartScan ? 0 : context[0];
        int[] cursor = {start};
        List<ObjectInfo.DirectoryEntry> entries = new ArrayList<>();
        int status = objects.queryDirectory(thread, handle, returnSingleEntry ? 1 : buffer.length, false, cursor,
                entries);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        int used = DIRECTORY_ENTRY_SIZE;
        int count = 0;
        for (ObjectInfo.DirectoryEntry entry : entries) {
            int size = DIRECTORY_ENTRY_SIZE + (entry.name().length() + 1) * 2 + (entry.typeName().length() + 1) * 2;
            if (used + size > length) {
                break;
            }
            used += size;
            count++;
        }
        if (count == 0) {
            ObjectInfo.DirectoryEntry first = entries.getFirst();
            setLength(returnLength, 2 * DIRECTORY_ENTRY_SIZE + (first.name().length() + 1) * 2
                    + (first.typeName().length() + 1) * 2);
            return STATUS_BUFFER_TOO_SMALL;
        }
        for (int i = 0; i < count; i++) {
            ObjectInfo.DirectoryEntry entry = entries.get(i);
            buffer[i] = new DirectoryEntry(entry.name(), entry.typeName());
        }
        if (count < buffer.length) {
            buffer[count] = null;
        }
        context[0] = start + count;
        setLength(returnLength, used);
        boolean more = count < entries.size() || (!returnSingleEntry && cursor[0] - start == buffer.length
                && hasMore(objects, thread, handle, start + count));
        return more && !returnSingleEntry ? STATUS_MORE_ENTRIES : STATUS_SUCCESS;
    }

    private static boolean hasMore(ObjectManager objects, KThread thread, long handle, int index) {
        return objects.queryDirectory(thread, handle, 1, false, new int[] {index}, new ArrayList<>())
                != STATUS_NO_MORE_ENTRIES;
    }

    /** Puts a query's answer in {@code information[0]}; no array is STATUS_ACCESS_VIOLATION, as a bad pointer. */
    static int store(Object[] information, Object value) {
        if (information == null || information.length == 0) {
            return STATUS_ACCESS_VIOLATION;
        }
        information[0] = value;
        return STATUS_SUCCESS;
    }

    private static void setLength(int[] returnLength, int value) {
        if (returnLength != null && returnLength.length > 0) {
            returnLength[0] = value;
        }
    }
}
