package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;

import dev.kobj.api.job.JobAccounting;
import dev.kobj.api.job.JobLimits;
import dev.kobj.api.job.JobService;
import dev.kobj.api.process.KThread;

/**
 * The job calls of Kernel32 on the fs family's JobService, translating the JOBOBJECT_* records.
 * Without the family every call fails with ERROR_CALL_NOT_IMPLEMENTED.
 */
final class JobCalls {
    /** sizeof the x64 structures, for lpReturnLength. */
    private static final int ACCOUNTING_SIZE = 48;
    private static final int BASIC_LIMIT_SIZE = 64;
    private static final int EXTENDED_LIMIT_SIZE = 144;

    private final CallContext context;
    private final JobService jobs;

    JobCalls(CallContext context, JobService jobs) {
        this.context = context;
        this.jobs = jobs;
    }

    long create(SecurityAttributes security, String name) {
        return jobs == null ? NamedObjects.notImplemented(context) : NamedObjects.create(context, security, name,
                (thread, attributes, handle) -> jobs.createJob(thread, attributes, JOB_OBJECT_ALL_ACCESS, handle));
    }

    long open(int desiredAccess, boolean inherit, String name) {
        return jobs == null ? NamedObjects.notImplemented(context) : NamedObjects.open(context, name, inherit,
                (thread, attributes, handle) -> jobs.openJob(thread, attributes, desiredAccess, handle));
    }

    boolean assign(long job, long process) {
        KThread thread = context.thread();
        return jobs == null ? NamedObjects.notImplementedBool(context)
                : Kernel32Impl.succeeded(thread, jobs.assignProcess(thread, job, process));
    }

    boolean terminate(long job, int exitCode) {
        KThread thread = context.thread();
        return jobs == null ? NamedObjects.notImplementedBool(context)
                : Kernel32Impl.succeeded(thread, jobs.terminateJob(thread, job, exitCode));
    }

    boolean isProcessInJob(long process, long job, boolean[] result) {
        KThread thread = context.thread();
        return jobs == null ? NamedObjects.notImplementedBool(context)
                : Kernel32Impl.succeeded(thread, jobs.isProcessInJob(thread, process, job, result));
    }

    boolean set(long job, int informationClass, Record information) {
        KThread thread = context.thread();
        if (jobs == null) {
            return NamedObjects.notImplementedBool(context);
        }
        int status = switch (informationClass) {
            case JobObjectBasicLimitInformation -> information instanceof JobObjectBasicLimitInformation basic
                    ? jobs.setLimits(thread, job, limits(basic, 0, 0), false) : STATUS_INFO_LENGTH_MISMATCH;
            case JobObjectExtendedLimitInformation -> information instanceof JobObjectExtendedLimitInformation extended
                    && extended.basicLimitInformation() != null
                    ? jobs.setLimits(thread, job, limits(extended.basicLimitInformation(),
                            extended.processMemoryLimit(), extended.jobMemoryLimit()), true)
                    : STATUS_INFO_LENGTH_MISMATCH;
            case JobObjectAssociateCompletionPortInformation -> information instanceof JobObjectAssociateCompletionPort port
                    ? jobs.associateCompletionPort(thread, job, port.completionPort(), port.completionKey())
                    : STATUS_INFO_LENGTH_MISMATCH;
            default -> STATUS_INVALID_PARAMETER;
        };
        return Kernel32Impl.succeeded(thread, status);
    }

    boolean query(long job, int informationClass, Record[] information, int[] returnLength) {
        KThread thread = context.thread();
        if (jobs == null) {
            return NamedObjects.notImplementedBool(context);
        }
        if (information == null || information.length == 0) {
            return Kernel32Impl.succeeded(thread, STATUS_INVALID_PARAMETER);
        }
        int status;
        Record result = null;
        int size = 0;
        switch (informationClass) {
            case JobObjectBasicAccountingInformation -> {
                JobAccounting[] out = new JobAccounting[1];
                status = jobs.queryAccounting(thread, job, out);
                if (status >= 0) {
                    JobAccounting a = out[0];
                    result = new JobObjectBasicAccountingInformation(a.totalUserTime(), a.totalKernelTime(),
                            a.thisPeriodTotalUserTime(), a.thisPeriodTotalKernelTime(), a.totalPageFaultCount(),
                            a.totalProcesses(), a.activeProcesses(), a.totalTerminatedProcesses());
                    size = ACCOUNTING_SIZE;
                }
            }
            case JobObjectBasicLimitInformation, JobObjectExtendedLimitInformation -> {
                JobLimits[] out = new JobLimits[1];
                status = jobs.queryLimits(thread, job, out);
                if (status >= 0) {
                    JobLimits l = out[0];
                    var basic = new JobObjectBasicLimitInformation(l.perProcessUserTimeLimit(), l.perJobUserTimeLimit(),
                            l.limitFlags() & (informationClass == JobObjectBasicLimitInformation
                                    ? JobLimits.BASIC_FLAGS : JobLimits.EXTENDED_FLAGS),
                            l.minimumWorkingSetSize(), l.maximumWorkingSetSize(), l.activeProcessLimit(), l.affinity(),
                            l.priorityClass(), l.schedulingClass());
                    result = informationClass == JobObjectBasicLimitInformation ? basic
                            : new JobObjectExtendedLimitInformation(basic, l.processMemoryLimit(), l.jobMemoryLimit(), 0, 0);
                    size = informationClass == JobObjectBasicLimitInformation ? BASIC_LIMIT_SIZE : EXTENDED_LIMIT_SIZE;
                }
            }
            default -> status = STATUS_INVALID_PARAMETER;
        }
        if (status >= 0) {
            information[0] = result;
            if (returnLength != null && returnLength.length > 0) {
                returnLength[0] = size;
            }
        }
        return Kernel32Impl.succeeded(thread, status);
    }

    private static JobLimits limits(JobObjectBasicLimitInformation b, long processMemory, long jobMemory) {
        return new JobLimits(b.perProcessUserTimeLimit(), b.perJobUserTimeLimit(), b.limitFlags(),
                b.minimumWorkingSetSize(), b.maximumWorkingSetSize(), b.activeProcessLimit(), b.affinity(),
                b.priorityClass(), b.schedulingClass(), processMemory, jobMemory);
    }
}
