package dev.kobj.win32;

/** Mirrors EVENT_BASIC_INFORMATION. */
public record EventBasicInformation(int eventType, int eventState) {
}
