package dev.kobj.core.boot;

import dev.kobj.api.Kernel;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.ProcessService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A booted kernel: what the modules contributed, looked up without Guice. Thread-safe. */
final class CoreKernel implements Kernel {
    private final List<ModuleInfo> modules;
    private final Map<String, ObjectType> types;
    private final Map<Class<?>, Object> services;
    private final ProcessService processes;
    private final List<URLClassLoader> pluginLoaders;
    private final AtomicBoolean closed = new AtomicBoolean();

    CoreKernel(List<ModuleInfo> modules, Map<String, ObjectType> types, Map<Class<?>, Object> services,
            ProcessService processes, List<URLClassLoader> pluginLoaders) {
        this.modules = List.copyOf(modules);
        this.types = Map.copyOf(types);
        this.services = Map.copyOf(services);
        this.processes = processes;
        this.pluginLoaders = List.copyOf(pluginLoaders);
    }

    @Override
    public List<ModuleInfo> modules() {
        return modules;
    }

    @Override
    public Optional<ObjectType> objectType(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(types.get(name));
    }

    @Override
    public List<ObjectType> objectTypes() {
        return List.copyOf(new TreeMap<>(types).values());
    }

    @Override
    public <T> Optional<T> service(Class<T> api) {
        Object service = api == null ? null : services.get(api);
        return service == null ? Optional.empty() : Optional.of(api.cast(service));
    }

    @Override
    public ProcessService processes() {
        return processes;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeServices();
        UncheckedIOException failure = null;
        for (URLClassLoader loader : pluginLoaders) {
            try {
                loader.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = new UncheckedIOException("closing plugin class loaders", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Services that hold resources (the sweep, the timer queue) are closed with the kernel. */
    private void closeServices() {
        for (Object service : services.values()) {
            if (service instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + service, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Kernel" + modules.stream().map(ModuleInfo::id).toList();
    }
}
