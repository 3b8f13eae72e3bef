package dev.kobj.fs;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.job.JobService;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.ProcessListener;
import jakarta.inject.Inject;

/** Jobs follow processes: children join their parent's job, and exits are accounted and reported. */
final class JobLifecycle implements ProcessListener {
    private final JobServiceImpl jobs;

    @Inject
    JobLifecycle(JobService jobs) {
        this.jobs = (JobServiceImpl) requireNonNull(jobs, "jobs is null");
    }

    @Override
    public void processCreated(KProcess process, KProcess parent) {
        jobs.processCreated(process, parent);
    }

    @Override
    public void processExited(KProcess process, int exitCode) {
        jobs.processExited(process, exitCode);
    }
}
