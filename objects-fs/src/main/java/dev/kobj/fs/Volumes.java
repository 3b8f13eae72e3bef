package dev.kobj.fs;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.KernelConfig;
import dev.kobj.api.fs.VolumeConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's mounted volumes, from {@link KernelConfig#volumes()}, in order; shared by the volume driver
 * (which makes their devices) and the file service, and closed with the kernel (through the service).
 * Immutable after construction; thread-safe.
 */
final class Volumes implements AutoCloseable {
    private final List<Volume> volumes;

    @Inject
    Volumes(KernelConfig config) {
        requireNonNull(config, "config is null");
        List<Volume> mounted = new ArrayList<>();
        try {
            for (VolumeConfig volume : config.volumes()) {
                mounted.add(Volume.mount(volume));
            }
        } catch (IOException e) {
            mounted.forEach(Volumes::closeQuietly);
            throw new UncheckedIOException("cannot mount the configured volumes", e);
        }
        this.volumes = List.copyOf(mounted);
    }

    List<Volume> all() {
        return volumes;
    }

    @Override
    public void close() {
        volumes.forEach(Volumes::closeQuietly);
    }

    private static void closeQuietly(Volume volume) {
        try {
            volume.close();
        } catch (IOException e) {
            // an in-memory file system has nothing to lose on close
        }
    }
}
