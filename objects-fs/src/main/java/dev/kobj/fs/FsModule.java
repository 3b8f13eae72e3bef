package dev.kobj.fs;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;

/** The file-system family: the Job type; volume drivers come with the I/O manager. */
public final class FsModule implements KernelModule {
    @Override
    public String id() {
        return "fs";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder).objectType(FsTypes.JOB);
    }
}
