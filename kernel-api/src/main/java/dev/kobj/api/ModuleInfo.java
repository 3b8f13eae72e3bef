package dev.kobj.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one module brought to a kernel: its id, its {@link KernelModule} class name, and the names of
 * the object types it contributed, sorted.
 *
 * @since 0.1
 */
public record ModuleInfo(String id, String className, List<String> typeNames) {
    public ModuleInfo {
        requireNonNull(id, "id is null");
        requireNonNull(className, "className is null");
        typeNames = List.copyOf(typeNames);
    }
}
