package dev.kobj.win32;

/** Mirrors the fields of PUBLIC_OBJECT_BASIC_INFORMATION kobj reports. */
public record ObjectBasicInformation(int attributes, int grantedAccess, int handleCount, int pointerCount) {
}
