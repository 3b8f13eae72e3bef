package dev.kobj.api.job;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;

/**
 * Job objects (nt-semantics.md §9): groups of processes managed as one. The caller first, an NTSTATUS
 * back, outputs through one-element arrays. Thread-safe.
 *
 * @since 0.1
 */
public interface JobService {
    int JOB_OBJECT_ASSIGN_PROCESS = 0x0001;
    int JOB_OBJECT_SET_ATTRIBUTES = 0x0002;
    int JOB_OBJECT_QUERY = 0x0004;
    int JOB_OBJECT_TERMINATE = 0x0008;
    int JOB_OBJECT_ALL_ACCESS = 0x001F_003F;

    int MSG_END_OF_JOB_TIME = 1;
    int MSG_END_OF_PROCESS_TIME = 2;
    int MSG_ACTIVE_PROCESS_LIMIT = 3;
    int MSG_ACTIVE_PROCESS_ZERO = 4;
    int MSG_NEW_PROCESS = 6;
    int MSG_EXIT_PROCESS = 7;
    int MSG_ABNORMAL_EXIT_PROCESS = 8;
    int MSG_PROCESS_MEMORY_LIMIT = 9;
    int MSG_JOB_MEMORY_LIMIT = 10;

    /** CreateProcess's CREATE_BREAKAWAY_FROM_JOB. */
    int CREATE_BREAKAWAY_FROM_JOB = 0x0100_0000;

    int createJob(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] jobHandle);

    int openJob(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] jobHandle);

    /**
     * AssignProcessToJobObject: the job needs JOB_OBJECT_ASSIGN_PROCESS, the process handle
     * PROCESS_SET_QUOTA and PROCESS_TERMINATE. Nesting follows Windows 8: a process already in a job
     * may join a job below it, or a fresh job that becomes its child; else STATUS_ACCESS_DENIED. A
     * process over an active-process limit is terminated and STATUS_QUOTA_EXCEEDED returned.
     */
    int assignProcess(KThread caller, long jobHandle, long processHandle);

    /** TerminateJobObject: ends every process in the job and its children; the job is signalled. */
    int terminateJob(KThread caller, long jobHandle, int exitCode);

    /** IsProcessInJob; {@code jobHandle} 0 asks about any job. */
    int isProcessInJob(KThread caller, long processHandle, long jobHandle, boolean[] result);

    int queryAccounting(KThread caller, long jobHandle, JobAccounting[] accounting);

    int queryLimits(KThread caller, long jobHandle, JobLimits[] limits);

    /**
     * Sets the limits; {@code extended} is the information class (ExtendedLimitInformation allows the
     * memory and breakaway flags, BasicLimitInformation only the basic ones, else STATUS_INVALID_PARAMETER).
     */
    int setLimits(KThread caller, long jobHandle, JobLimits limits, boolean extended);

    /**
     * JobObjectAssociateCompletionPortInformation: the job's messages go to the port with the key;
     * once only. Associating posts NEW_PROCESS for each running member.
     */
    int associateCompletionPort(KThread caller, long jobHandle, long portHandle, long key);

    /** The ids of the job's running processes (JobObjectBasicProcessIdList). */
    int processIds(KThread caller, long jobHandle, int[][] ids);

    /**
     * Whether a child of {@code parent} created with {@code creationFlags} may be made: a
     * CREATE_BREAKAWAY_FROM_JOB child of a process in a job without BREAKAWAY_OK is refused
     * (STATUS_ACCESS_DENIED).
     */
    int checkChildCreation(KProcess parent, int creationFlags);
}
