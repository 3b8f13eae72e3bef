package dev.kobj.fs;

import com.google.inject.Binder;
import com.google.inject.Scopes;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.fs.FileService;
import dev.kobj.api.job.JobService;

/**
 * The file-system family: jobs, and the volumes of {@link dev.kobj.api.KernelConfig#volumes()} served by
 * the volume driver ("Volumes"), with the {@link FileService} for what files need beyond the I/O manager.
 */
public final class FsModule implements KernelModule {
    @Override
    public String id() {
        return "fs";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder).objectType(FsTypes.JOB)
                .service(JobService.class, JobServiceImpl.class)
                .processListener(JobLifecycle.class)
                .driver("Volumes", VolumeDriver.class)
                .service(FileService.class, FileServiceImpl.class);
        binder.bind(JobPorts.class).to(CompletionPortJobPorts.class);
        binder.bind(Volumes.class).in(Scopes.SINGLETON);
    }
}
