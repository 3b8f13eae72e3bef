package dev.kobj.win32;

/** Mirrors SECURITY_ATTRIBUTES (without nLength). */
public record SecurityAttributes(SecurityDescriptor descriptor, boolean inheritHandle) {
}
