package dev.kobj.fs;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.job.JobService;

/** The file-system family: jobs; volume drivers come with the I/O manager. */
public final class FsModule implements KernelModule {
    @Override
    public String id() {
        return "fs";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder).objectType(FsTypes.JOB)
                .service(JobService.class, JobServiceImpl.class)
                .processListener(JobLifecycle.class);
        binder.bind(JobPorts.class).to(CompletionPortJobPorts.class);
    }
}
