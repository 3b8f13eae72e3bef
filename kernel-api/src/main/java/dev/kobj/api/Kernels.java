package dev.kobj.api;

import static java.util.Objects.requireNonNull;

import java.util.ServiceLoader;

/**
 * Entry points for booting a kernel through the {@link KernelFactory} found by {@link ServiceLoader}.
 *
 * @since 0.1
 */
public final class Kernels {
    private Kernels() {
    }

    /** Boots a kernel from every module on the class path. */
    public static Kernel boot() {
        return boot(KernelConfig.defaults());
    }

    /** Boots a kernel as {@code config} says. */
    public static Kernel boot(KernelConfig config) {
        requireNonNull(config, "config is null");
        return factory(config.classLoader()).boot(config);
    }

    /** The kernel factory visible from {@code loader}. */
    public static KernelFactory factory(ClassLoader loader) {
        return ServiceLoader.load(KernelFactory.class, requireNonNull(loader, "loader is null"))
                .findFirst()
                .orElseThrow(() -> new KernelBootException(java.util.List.of(
                        "no KernelFactory on the class path: add dev.kobj:kernel-core")));
    }
}
