package dev.kobj.win32;

/** Mirrors JOBOBJECT_BASIC_ACCOUNTING_INFORMATION. */
public record JobObjectBasicAccountingInformation(long totalUserTime, long totalKernelTime, long thisPeriodTotalUserTime,
        long thisPeriodTotalKernelTime, int totalPageFaultCount, int totalProcesses, int activeProcesses,
        int totalTerminatedProcesses) {
}
