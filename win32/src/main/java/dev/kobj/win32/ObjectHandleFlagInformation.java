package dev.kobj.win32;

/** Mirrors OBJECT_HANDLE_FLAG_INFORMATION (NtQueryObject / NtSetInformationObject class 4; a kobj addition). */
public record ObjectHandleFlagInformation(boolean inherit, boolean protectFromClose) {
}
