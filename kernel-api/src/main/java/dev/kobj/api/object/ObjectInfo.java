package dev.kobj.api.object;

/**
 * What {@link ObjectManager} queries return (NtQueryObject and NtQueryDirectoryObject classes).
 *
 * @since 0.1
 */
public sealed interface ObjectInfo {
    /** ObjectBasicInformation: the handle's attributes and access, the object's counts. */
    record Basic(int attributes, int grantedAccess, int handleCount, int pointerCount) implements ObjectInfo {
    }

    /** ObjectNameInformation: the full NT path, empty for an unnamed object. */
    record Name(String name) implements ObjectInfo {
    }

    /** ObjectTypeInformation: the type and its per-kernel totals. */
    record Type(String typeName, int totalNumberOfObjects, int totalNumberOfHandles, int peakNumberOfObjects,
            int peakNumberOfHandles, int validAccessMask, GenericMapping genericMapping) implements ObjectInfo {
    }

    /** One entry of a directory. */
    record DirectoryEntry(String name, String typeName) implements ObjectInfo {
    }
}
