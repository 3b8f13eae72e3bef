package dev.kobj.api;

import com.google.inject.Binder;
import com.google.inject.Module;

/**
 * A kobj plugin: a Guice module with a stable id, listed in
 * {@code META-INF/services/dev.kobj.api.KernelModule} and found by {@link java.util.ServiceLoader}.
 *
 * <p>{@link #configure(Binder)} contributes object types, drivers and the family's services through
 * {@link KernelBinder} and nothing else: no logic, no field or static injection. The kernel calls it
 * once per boot, on the booting thread, before any object exists. One injector serves the whole
 * kernel, so modules never see each other's bindings except through the SPIs of {@code kernel-api}.
 *
 * <p>Implementations need a public no-argument constructor.
 *
 * @since 0.1
 */
public interface KernelModule extends Module {
    /**
     * The module's stable id: lower-case letters, digits and '-', starting with a letter, unique among
     * the modules of one kernel. {@code core} is reserved for the kernel itself. Never {@code null}.
     */
    String id();

    /**
     * Contributes this module's object types and services, using {@link KernelBinder#of(Binder)}.
     *
     * @param binder never {@code null}
     */
    @Override
    void configure(Binder binder);
}
