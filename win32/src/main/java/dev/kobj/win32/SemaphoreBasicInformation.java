package dev.kobj.win32;

/** Mirrors SEMAPHORE_BASIC_INFORMATION. */
public record SemaphoreBasicInformation(int currentCount, int maximumCount) {
}
