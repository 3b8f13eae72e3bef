package dev.kobj.api.job;

/**
 * JOBOBJECT_BASIC_ACCOUNTING_INFORMATION: times in 100 ns units; processes ever admitted, running
 * now, and ended by a limit.
 *
 * @since 0.1
 */
public record JobAccounting(long totalUserTime, long totalKernelTime, long thisPeriodTotalUserTime,
        long thisPeriodTotalKernelTime, int totalPageFaultCount, int totalProcesses, int activeProcesses,
        int totalTerminatedProcesses) {
}
