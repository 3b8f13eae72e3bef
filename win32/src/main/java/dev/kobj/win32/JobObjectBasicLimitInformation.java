package dev.kobj.win32;

/** Mirrors JOBOBJECT_BASIC_LIMIT_INFORMATION. */
public record JobObjectBasicLimitInformation(long perProcessUserTimeLimit, long perJobUserTimeLimit, int limitFlags,
        long minimumWorkingSetSize, long maximumWorkingSetSize, int activeProcessLimit, long affinity,
        int priorityClass, int schedulingClass) {
}
