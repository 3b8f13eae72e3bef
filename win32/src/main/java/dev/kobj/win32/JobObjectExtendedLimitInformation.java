package dev.kobj.win32;

/** Mirrors JOBOBJECT_EXTENDED_LIMIT_INFORMATION (without IO_COUNTERS). */
public record JobObjectExtendedLimitInformation(JobObjectBasicLimitInformation basicLimitInformation,
        long processMemoryLimit, long jobMemoryLimit, long peakProcessMemoryUsed, long peakJobMemoryUsed) {
}
