package dev.kobj.win32;

/** Mirrors OBJECT_ATTRIBUTES (without Length): root directory handle, name, OBJ_* attributes, descriptor. */
public record ObjectAttributes(long rootDirectory, String name, int attributes, SecurityDescriptor descriptor) {
}
