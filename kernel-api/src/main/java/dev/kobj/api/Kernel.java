package dev.kobj.api;

import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.ProcessService;
import java.util.List;
import java.util.Optional;

/**
 * A running kobj kernel: the object manager, dispatcher and I/O manager of {@code kernel-core} plus
 * the plugin modules it was booted with. Thread-safe. Built by a {@link KernelFactory}, usually
 * through {@link Kernels}.
 *
 * @since 0.1
 */
public interface Kernel extends AutoCloseable {
    /** The modules this kernel was booted with, the core first, then plugins by id. */
    List<ModuleInfo> modules();

    /** The object type of that name, if a loaded module provides it. */
    Optional<ObjectType> objectType(String name);

    /** All object types, ordered by name. */
    List<ObjectType> objectTypes();

    /**
     * The family service implementing {@code api}, if a loaded module provides one; callers on a
     * custom kernel without that family report {@code STATUS_NOT_IMPLEMENTED}.
     */
    <T> Optional<T> service(Class<T> api);

    /** Processes and threads; always present. */
    ProcessService processes();

    /** Whether {@link #close()} has run. */
    boolean isClosed();

    /** Terminates every process and releases every object. Idempotent. */
    @Override
    void close();
}
