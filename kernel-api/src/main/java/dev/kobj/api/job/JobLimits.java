package dev.kobj.api.job;

/**
 * JOBOBJECT_EXTENDED_LIMIT_INFORMATION (the basic part and the memory limits): what a job enforces
 * is named by {@code limitFlags}. Times are 100 ns units, memory in bytes.
 *
 * @since 0.1
 */
public record JobLimits(long perProcessUserTimeLimit, long perJobUserTimeLimit, int limitFlags,
        long minimumWorkingSetSize, long maximumWorkingSetSize, int activeProcessLimit, long affinity,
        int priorityClass, int schedulingClass, long processMemoryLimit, long jobMemoryLimit) {
    public static final int WORKINGSET = 0x0001;
    public static final int PROCESS_TIME = 0x0002;
    public static final int JOB_TIME = 0x0004;
    public static final int ACTIVE_PROCESS = 0x0008;
    public static final int AFFINITY = 0x0010;
    public static final int PRIORITY_CLASS = 0x0020;
    public static final int PRESERVE_JOB_TIME = 0x0040;
    public static final int SCHEDULING_CLASS = 0x0080;
    public static final int PROCESS_MEMORY = 0x0100;
    public static final int JOB_MEMORY = 0x0200;
    public static final int DIE_ON_UNHANDLED_EXCEPTION = 0x0400;
    public static final int BREAKAWAY_OK = 0x0800;
    public static final int SILENT_BREAKAWAY_OK = 0x1000;
    public static final int KILL_ON_JOB_CLOSE = 0x2000;
    public static final int SUBSET_AFFINITY = 0x4000;
    /** The flags JobObjectBasicLimitInformation may set. */
    public static final int BASIC_FLAGS = 0x00FF;
    /** The flags JobObjectExtendedLimitInformation may set. */
    public static final int EXTENDED_FLAGS = 0x7FFF;

    /** No limit at all: what a new job has. */
    public static final JobLimits NONE = new JobLimits(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public boolean has(int flag) {
        return (limitFlags & flag) != 0;
    }
}
