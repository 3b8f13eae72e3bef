package dev.kobj.fs;

import dev.kobj.api.dispatch.DispatcherContext;
import dev.kobj.api.dispatch.DispatcherEvent;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.job.JobLimits;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KProcess;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Job: its members, its place in the job tree, its limits and accounting, its completion port,
 * and a notification event signalled when the job is terminated. Membership, tree and counters are
 * guarded by the job service's lock; the event is the dispatcher's.
 */
final class JobObject extends KernelObject implements Waitable {
    final DispatcherEvent signalled;
    final JobServiceImpl owner;
    /** Processes whose innermost job this is. */
    final Set<KProcess> members = new LinkedHashSet<>();
    final List<JobObject> children = new ArrayList<>();
    JobObject parent;
    JobLimits limits = JobLimits.NONE;
    boolean everHadProcesses;
    int totalProcesses;
    int activeProcesses;
    int terminatedProcesses;
    /** User time of the processes that have left, in nanoseconds. */
    long exitedUserTime;
    /** The associated completion port (a referenced IoCompletion object) and key, or null. */
    KernelObject port;
    long portKey;

    JobObject(DispatcherContext context, JobServiceImpl owner) {
        super(FsTypes.JOB);
        this.signalled = new DispatcherEvent(context, true, false);
        this.owner = owner;
    }

    @Override
    public DispatcherEvent dispatcherObject() {
        return signalled;
    }

    /** Whether {@code ancestor} is this job or above it. */
    boolean isWithin(JobObject ancestor) {
        for (JobObject job = this; job != null; job = job.parent) {
            if (job == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Every process in this job and the jobs below it. */
    void collectProcesses(List<KProcess> into) {
        into.addAll(members);
        for (JobObject child : children) {
            child.collectProcesses(into);
        }
    }
}
