package dev.kobj.win32;

/** Mirrors OBJECT_DIRECTORY_INFORMATION: an entry of {@code NtQueryDirectoryObject}. */
public record DirectoryEntry(String name, String typeName) {
}
