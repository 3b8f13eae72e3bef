package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_PROCESS_IS_TERMINATING;
import static dev.kobj.api.status.NtStatus.STATUS_QUOTA_EXCEEDED;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.TimerQueue;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.job.JobAccounting;
import dev.kobj.api.job.JobLimits;
import dev.kobj.api.job.JobService;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Jobs on the core's process lifecycle. Every membership change, tree change and counter update
 * happens under one lock (they are rare next to everything else a process does); processes are
 * terminated, packets posted and references dropped after it is released, since those call back
 * into the core and its listeners.
 */
final class JobServiceImpl implements JobService {
    /** What a process handle needs for AssignProcessToJobObject: PROCESS_SET_QUOTA | PROCESS_TERMINATE. */
    private static final int PROCESS_ASSIGN = 0x0100 | 0x0001;
    private static final int PROCESS_QUERY_ANY = 0x0400 | 0x1000;
    /** The exit code of a process a job refused (ERROR_NOT_ENOUGH_QUOTA). */
    static final int REFUSED_EXIT_CODE = 1816;

    private final ObjectManager objects;
    private final DispatcherContext context;
    private final Provider<ProcessService> processes;
    private final JobPorts ports;
    private final TimerQueue timers;
    private final MemoryService memory;
    /** The CPU-time check, running while some job has a time limit; guarded by lock. */
    private TimerQueue.Scheduled timeCheck;
    /** Every job with a time limit; guarded by lock. */
    private final java.util.Set<JobObject> timed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** How often CPU-time limits are checked. */
    static final long TIME_CHECK_NANOS = 20_000_000;
    private final ReentrantLock lock = new ReentrantLock();
    /** Each process's innermost job. */
    private final Map<KProcess, JobObject> jobOf = new HashMap<>();

    @Inject
    JobServiceImpl(ObjectManager objects, DispatcherContext context, Provider<ProcessService> processes,
            JobPorts ports, TimerQueue timers, MemoryService memory) {
        this.timers = requireNonNull(timers, "timers is null");
        this.memory = requireNonNull(memory, "memory is null");
        memory.addLimit(this::allowsCommit);
        this.objects = requireNonNull(objects, "objects is null");
        this.context = requireNonNull(context, "context is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.ports = requireNonNull(ports, "ports is null");
    }

    /** Not a job message: a {@link Message} that drops a reference to its object once the lock is released. */
    private static final int RELEASE = -1;

    /** A packet to post once the lock is released. */
    private record Message(KernelObject port, long key, int message, long processId) {
    }

    // ---- create and open ----

    @Override
    public int createJob(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] jobHandle) {
        return objects.create(caller, attributes, FsTypes.JOB, desiredAccess, () -> new JobObject(context, this),
                jobHandle);
    }

    @Override
    public int openJob(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] jobHandle) {
        return objects.open(caller, attributes, FsTypes.JOB, desiredAccess, jobHandle);
    }

    // ---- membership ----

    @Override
    public int assignProcess(KThread caller, long jobHandle, long processHandle) {
        HandleEntry jobEntry = objects.lookup(caller, jobHandle);
        if (jobEntry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int status = jobEntry.check(FsTypes.JOB, JOB_OBJECT_ASSIGN_PROCESS);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        HandleEntry processEntry = objects.lookup(caller, processHandle);
        if (processEntry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(processEntry.object() instanceof KProcess process)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if ((processEntry.grantedAccess() & PROCESS_ASSIGN) != PROCESS_ASSIGN) {
            return STATUS_ACCESS_DENIED;
        }
        JobObject job = (JobObject) jobEntry.object();
        List<Message> messages = new ArrayList<>();
        boolean refused;
        lock.lock();
        try {
            if (process.isEnded()) {
                return STATUS_PROCESS_IS_TERMINATING;
            }
            JobObject current = jobOf.get(process);
            if (current == job) {
                return STATUS_SUCCESS;
            }
            JobObject stopAt;
            if (current == null) {
                stopAt = null;
            } else if (job.isWithin(current)) {
                stopAt = current; // moving down the tree: only the jobs between gain a member
            } else if (job.parent == null && !job.everHadProcesses && !current.isWithin(job)) {
                job.parent = current; // a fresh job nests below the process's job (Windows 8)
                current.children.add(job);
                objects.reference(current); // a child job keeps its parent
                stopAt = current;
            } else {
                return STATUS_ACCESS_DENIED;
            }
            refused = !admit(process, job, stopAt, messages);
        } finally {
            lock.unlock();
        }
        return finish(process, job, refused, messages);
    }

    /** Called by the lifecycle listener: a new process joins its parent's job unless it breaks away. */
    void processCreated(KProcess process, KProcess parent) {
        if (parent == null) {
            return;
        }
        List<Message> messages = new ArrayList<>();
        JobObject job;
        boolean refused;
        lock.lock();
        try {
            job = jobOf.get(parent);
            if (job == null || breaksAway(job, process.creationFlags())) {
                return;
            }
            refused = !admit(process, job, null, messages);
        } finally {
            lock.unlock();
        }
        finish(process, job, refused, messages);
    }

    @Override
    public int checkChildCreation(KProcess parent, int creationFlags) {
        if ((creationFlags & CREATE_BREAKAWAY_FROM_JOB) == 0) {
            return STATUS_SUCCESS;
        }
        lock.lock();
        try {
            JobObject job = jobOf.get(parent);
            return job == null || breaksAway(job, creationFlags) ? STATUS_SUCCESS : STATUS_ACCESS_DENIED;
        } finally {
            lock.unlock();
        }
    }

    /** SILENT_BREAKAWAY_OK anywhere up the tree, or a breakaway request that BREAKAWAY_OK allows. */
    private static boolean breaksAway(JobObject job, int creationFlags) {
        for (JobObject j = job; j != null; j = j.parent) {
            if (j.limits.has(JobLimits.SILENT_BREAKAWAY_OK)
                    || ((creationFlags & CREATE_BREAKAWAY_FROM_JOB) != 0 && j.limits.has(JobLimits.BREAKAWAY_OK))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Admits {@code process} to {@code job} and the jobs above it up to (not including) {@code stopAt},
     * unless one of them is at its active-process limit; under the lock.
     */
    private boolean admit(KProcess process, JobObject job, JobObject stopAt, List<Message> messages) {
        for (JobObject j = job; j != stopAt; j = j.parent) {
            if (j.limits.has(JobLimits.ACTIVE_PROCESS) && j.activeProcesses >= j.limits.activeProcessLimit()) {
                j.terminatedProcesses++;
                post(j, JobService.MSG_ACTIVE_PROCESS_LIMIT, 0, messages);
                return false;
            }
        }
        for (JobObject j = job; j != stopAt; j = j.parent) {
            j.totalProcesses++;
            j.activeProcesses++;
            j.everHadProcesses = true;
            post(j, JobService.MSG_NEW_PROCESS, process.id(), messages);
        }
        objects.reference(job); // a member keeps its innermost job
        JobObject previous = jobOf.put(process, job);
        if (previous != null) {
            previous.members.remove(process);
            messages.add(new Message(previous, 0, RELEASE, 0)); // its reference goes after the lock
        }
        job.members.add(process);
        return true;
    }

    /** After the lock: the packets, and a refused process terminated. */
    private int finish(KProcess process, JobObject job, boolean refused, List<Message> messages) {
        send(messages);
        if (refused) {
            processes.get().endProcess(process, REFUSED_EXIT_CODE);
            return STATUS_QUOTA_EXCEEDED;
        }
        return STATUS_SUCCESS;
    }

    /** User time of a job's running processes and of those that have left, in nanoseconds; under the lock. */
    private static long userTime(JobObject job) {
        List<KProcess> running = new ArrayList<>();
        job.collectProcesses(running);
        long total = job.exitedUserTime;
        for (KProcess process : running) {
            total += process.userTimeNanos();
        }
        return total;
    }

    /**
     * The CPU-time limits (§9), on the kernel's timer queue: a process over PROCESS_TIME is ended with
     * ERROR_NOT_ENOUGH_QUOTA (END_OF_PROCESS_TIME); a job over JOB_TIME has every process ended and is
     * signalled (END_OF_JOB_TIME), and its limit is then cleared. Only platform threads are measured.
     */
    private void checkTimes() {
        List<KProcess> overProcess = new ArrayList<>();
        List<JobObject> overJob = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        lock.lock();
        try {
            for (JobObject job : timed) {
                JobLimits limits = job.limits;
                if (limits.has(JobLimits.PROCESS_TIME)) {
                    List<KProcess> running = new ArrayList<>();
                    job.collectProcesses(running);
                    for (KProcess process : running) {
                        if (process.userTimeNanos() / 100 > limits.perProcessUserTimeLimit() && !process.isEnded()) {
                            overProcess.add(process);
                            job.terminatedProcesses++;
                            post(job, MSG_END_OF_PROCESS_TIME, process.id(), messages);
                        }
                    }
                }
                if (limits.has(JobLimits.JOB_TIME) && userTime(job) / 100 > limits.perJobUserTimeLimit()) {
                    overJob.add(job);
                    job.limits = new JobLimits(limits.perProcessUserTimeLimit(), 0, limits.limitFlags() & ~JobLimits.JOB_TIME,
                            limits.minimumWorkingSetSize(), limits.maximumWorkingSetSize(), limits.activeProcessLimit(),
                            limits.affinity(), limits.priorityClass(), limits.schedulingClass(),
                            limits.processMemoryLimit(), limits.jobMemoryLimit());
                    post(job, MSG_END_OF_JOB_TIME, 0, messages);
                }
            }
        } finally {
            lock.unlock();
        }
        send(messages);
        for (KProcess process : overProcess) {
            processes.get().endProcess(process, REFUSED_EXIT_CODE);
        }
        for (JobObject job : overJob) {
            terminate(job, REFUSED_EXIT_CODE);
        }
    }

    /**
     * The memory limits (§9): a charge that would take a process over PROCESS_MEMORY, or a job over
     * JOB_MEMORY, is refused and PROCESS/JOB_MEMORY_LIMIT posted. Committed bytes are the sections the
     * processes created.
     */
    private boolean allowsCommit(KProcess process, long bytes) {
        List<Message> messages = new ArrayList<>();
        boolean allowed = true;
        lock.lock();
        try {
            JobObject innermost = jobOf.get(process);
            for (JobObject job = innermost; job != null && allowed; job = job.parent) {
                JobLimits limits = job.limits;
                if (limits.has(JobLimits.PROCESS_MEMORY)
                        && memory.committedBytes(process) + bytes > limits.processMemoryLimit()) {
                    post(job, MSG_PROCESS_MEMORY_LIMIT, process.id(), messages);
                    allowed = false;
                } else if (limits.has(JobLimits.JOB_MEMORY) && committed(job) + bytes > limits.jobMemoryLimit()) {
                    post(job, MSG_JOB_MEMORY_LIMIT, process.id(), messages);
                    allowed = false;
                }
            }
        } finally {
            lock.unlock();
        }
        send(messages);
        return allowed;
    }

    /** The committed bytes of a job's running processes; under the lock. */
    private long committed(JobObject job) {
        List<KProcess> running = new ArrayList<>();
        job.collectProcesses(running);
        long total = 0;
        for (KProcess process : running) {
            total += memory.committedBytes(process);
        }
        return total;
    }

    /** Called by the lifecycle listener when a process has ended. */
    void processExited(KProcess process, int exitCode) {
        List<Message> messages = new ArrayList<>();
        JobObject job;
        lock.lock();
        try {
            job = jobOf.remove(process);
            if (job == null) {
                return;
            }
            job.members.remove(process);
            boolean abnormal = (exitCode & 0xC000_0000) == 0xC000_0000; // looks like an exception status
            long userTime = process.userTimeNanos();
            for (JobObject j = job; j != null; j = j.parent) {
                j.exitedUserTime += userTime;
                j.activeProcesses--;
                post(j, abnormal ? MSG_ABNORMAL_EXIT_PROCESS : MSG_EXIT_PROCESS, process.id(), messages);
                if (j.activeProcesses == 0) {
                    post(j, MSG_ACTIVE_PROCESS_ZERO, 0, messages);
                }
            }
        } finally {
            lock.unlock();
        }
        send(messages);
        objects.dereference(job);
    }

    /** Posts the packets, and drops the references marked {@link #RELEASE}; never under the lock. */
    private void send(List<Message> messages) {
        for (Message m : messages) {
            if (m.message() == RELEASE) {
                objects.dereference(m.port());
            } else {
                ports.post(m.port(), m.key(), m.message(), m.processId());
            }
        }
    }

    /** Queues a packet for {@code job}'s port, if it has one; under the lock. */
    private static void post(JobObject job, int message, long processId, List<Message> messages) {
        if (job.port != null) {
            messages.add(new Message(job.port, job.portKey, message, processId));
        }
    }

    // ---- termination ----

    @Override
    public int terminateJob(KThread caller, long jobHandle, int exitCode) {
        HandleEntry entry = objects.lookup(caller, jobHandle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int status = entry.check(FsTypes.JOB, JOB_OBJECT_TERMINATE);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        terminate((JobObject) entry.object(), exitCode);
        return STATUS_SUCCESS;
    }

    /** Ends every process of the job and the jobs below it, then signals the job. */
    private void terminate(JobObject job, int exitCode) {
        List<KProcess> victims = new ArrayList<>();
        lock.lock();
        try {
            job.collectProcesses(victims);
        } finally {
            lock.unlock();
        }
        for (KProcess process : victims) {
            processes.get().endProcess(process, exitCode);
        }
        job.signalled.set();
    }

    /** The Job type's close procedure: KILL_ON_JOB_CLOSE ends the processes with the last handle. */
    void lastHandleClosed(JobObject job) {
        boolean kill;
        lock.lock();
        try {
            kill = job.limits.has(JobLimits.KILL_ON_JOB_CLOSE);
        } finally {
            lock.unlock();
        }
        if (kill) {
            terminate(job, 0);
        }
    }

    /** The Job type's delete procedure: the job leaves the tree and lets go of its port. */
    void deleted(JobObject job) {
        JobObject parent;
        KernelObject port;
        lock.lock();
        try {
            parent = job.parent;
            if (parent != null) {
                parent.children.remove(job);
            }
            timed.remove(job);
            if (timed.isEmpty() && timeCheck != null) {
                timeCheck.cancel();
                timeCheck = null;
            }
            port = job.port;
            job.port = null;
        } finally {
            lock.unlock();
        }
        if (port != null) {
            objects.dereference(port);
        }
        if (parent != null) {
            objects.dereference(parent);
        }
    }

    // ---- queries and settings ----

    @Override
    public int isProcessInJob(KThread caller, long processHandle, long jobHandle, boolean[] result) {
        HandleEntry processEntry = objects.lookup(caller, processHandle);
        if (processEntry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(processEntry.object() instanceof KProcess process)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if ((processEntry.grantedAccess() & PROCESS_QUERY_ANY) == 0) {
            return STATUS_ACCESS_DENIED;
        }
        JobObject job = null;
        if (jobHandle != 0) {
            HandleEntry jobEntry = objects.lookup(caller, jobHandle);
            if (jobEntry == null) {
                return STATUS_INVALID_HANDLE;
            }
            int status = jobEntry.check(FsTypes.JOB, JOB_OBJECT_QUERY);
            if (status != STATUS_SUCCESS) {
                return status;
            }
            job = (JobObject) jobEntry.object();
        }
        if (result == null || result.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        lock.lock();
        try {
            JobObject current = jobOf.get(process);
            result[0] = current != null && (job == null || current.isWithin(job));
        } finally {
            lock.unlock();
        }
        return STATUS_SUCCESS;
    }

    @Override
    public int queryAccounting(KThread caller, long jobHandle, JobAccounting[] accounting) {
        JobObject[] job = new JobObject[1];
        int status = resolve(caller, jobHandle, JOB_OBJECT_QUERY, accounting, job);
        if (status == STATUS_SUCCESS) {
            lock.lock();
            try {
                long userTime = userTime(job[0]) / 100; // 100 ns units
                accounting[0] = new JobAccounting(userTime, 0, userTime, 0, 0, job[0].totalProcesses,
                        job[0].activeProcesses, job[0].terminatedProcesses);
            } finally {
                lock.unlock();
            }
        }
        return status;
    }

    @Override
    public int queryLimits(KThread caller, long jobHandle, JobLimits[] limits) {
        JobObject[] job = new JobObject[1];
        int status = resolve(caller, jobHandle, JOB_OBJECT_QUERY, limits, job);
        if (status == STATUS_SUCCESS) {
            lock.lock();
            try {
                limits[0] = job[0].limits;
            } finally {
                lock.unlock();
            }
        }
        return status;
    }

    @Override
    public int setLimits(KThread caller, long jobHandle, JobLimits limits, boolean extended) {
        JobObject[] job = new JobObject[1];
        int status = resolve(caller, jobHandle, JOB_OBJECT_SET_ATTRIBUTES, job, job);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (limits == null || (limits.limitFlags() & ~(extended ? JobLimits.EXTENDED_FLAGS : JobLimits.BASIC_FLAGS)) != 0
                || (limits.has(JobLimits.ACTIVE_PROCESS) && limits.activeProcessLimit() < 0)) {
            return STATUS_INVALID_PARAMETER;
        }
        lock.lock();
        try {
            job[0].limits = limits;
            if (limits.has(JobLimits.PROCESS_TIME) || limits.has(JobLimits.JOB_TIME)) {
                timed.add(job[0]);
                if (timeCheck == null) {
                    timeCheck = timers.schedule(TIME_CHECK_NANOS, TIME_CHECK_NANOS, this::checkTimes);
                }
            } else {
                timed.remove(job[0]);
            }
        } finally {
            lock.unlock();
        }
        return STATUS_SUCCESS;
    }

    @Override
    public int associateCompletionPort(KThread caller, long jobHandle, long portHandle, long key) {
        JobObject[] found = new JobObject[1];
        int status = resolve(caller, jobHandle, JOB_OBJECT_SET_ATTRIBUTES, found, found);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        JobObject job = found[0];
        HandleEntry portEntry = objects.lookup(caller, portHandle);
        if (portEntry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!ports.isPort(portEntry.object())) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        KernelObject port = portEntry.object();
        if (!objects.reference(port)) {
            return STATUS_INVALID_HANDLE;
        }
        List<Message> messages = new ArrayList<>();
        lock.lock();
        try {
            if (job.port != null) {
                objects.dereference(port);
                return STATUS_INVALID_PARAMETER; // once only
            }
            job.port = port;
            job.portKey = key;
            List<KProcess> running = new ArrayList<>();
            job.collectProcesses(running);
            for (KProcess process : running) {
                messages.add(new Message(port, key, MSG_NEW_PROCESS, process.id()));
            }
        } finally {
            lock.unlock();
        }
        send(messages);
        return STATUS_SUCCESS;
    }

    @Override
    public int processIds(KThread caller, long jobHandle, int[][] ids) {
        JobObject[] job = new JobObject[1];
        int status = resolve(caller, jobHandle, JOB_OBJECT_QUERY, ids, job);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        List<KProcess> running = new ArrayList<>();
        lock.lock();
        try {
            job[0].collectProcesses(running);
        } finally {
            lock.unlock();
        }
        ids[0] = running.stream().mapToInt(KProcess::id).toArray();
        return STATUS_SUCCESS;
    }

    /** The job behind a handle with {@code access} into {@code job[0]}, with an output array to fill. */
    private int resolve(KThread caller, long jobHandle, int access, Object[] out, JobObject[] job) {
        HandleEntry entry = objects.lookup(caller, jobHandle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        int status = entry.check(FsTypes.JOB, access);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        if (out == null || out.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        job[0] = (JobObject) entry.object();
        return STATUS_SUCCESS;
    }
}
