package dev.kobj.win32;

/** Mirrors the fields of OBJECT_TYPE_INFORMATION kobj reports. */
public record ObjectTypeInformation(String typeName, int totalNumberOfObjects, int totalNumberOfHandles,
        int validAccessMask) {
}
