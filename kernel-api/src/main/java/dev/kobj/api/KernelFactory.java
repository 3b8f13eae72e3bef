package dev.kobj.api;

/**
 * Builds kernels; {@code kernel-core} provides the implementation through
 * {@code META-INF/services/dev.kobj.api.KernelFactory}, so {@code win32}, the launcher and users boot a
 * kernel without compiling against the core.
 *
 * @since 0.1
 */
public interface KernelFactory {
    /**
     * Boots a kernel.
     *
     * @throws KernelBootException naming every problem found (unknown or duplicate module ids,
     *     duplicate type names, plugin jars without a module, wiring errors), one per line
     */
    Kernel boot(KernelConfig config);
}
