package dev.kobj.api;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.Scopes;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.kobj.api.io.Driver;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.ProcessListener;
import dev.kobj.api.status.NtStatus;

/**
 * The one way a {@link KernelModule} contributes to a kernel: object types keyed by type name, and
 * family services keyed by their interface.
 *
 * <p>Rules: type names are unique across all modules of a kernel (the boot names both modules of a
 * clash before Guice runs); a service interface is provided by one module only; services are
 * singletons built by constructor injection when the kernel boots. The kernel never depends on the
 * order in which modules contribute.
 *
 * @since 0.1
 */
public final class KernelBinder {
    private final Binder binder;
    private final MapBinder<String, ObjectType> types;
    private final MapBinder<Class<?>, Object> services;
    private final Multibinder<ProcessListener> listeners;
    private final MapBinder<String, Driver> drivers;
    private final Multibinder<NtStatus.StatusInfo> statuses;

    private KernelBinder(Binder binder) {
        this.binder = binder.skipSources(KernelBinder.class);
        this.types = MapBinder.newMapBinder(this.binder, new com.google.inject.TypeLiteral<String>() {},
                new com.google.inject.TypeLiteral<ObjectType>() {});
        this.services = MapBinder.newMapBinder(this.binder, new com.google.inject.TypeLiteral<Class<?>>() {},
                new com.google.inject.TypeLiteral<Object>() {});
        this.listeners = Multibinder.newSetBinder(this.binder, ProcessListener.class);
        this.drivers = MapBinder.newMapBinder(this.binder, new com.google.inject.TypeLiteral<String>() {},
                new com.google.inject.TypeLiteral<Driver>() {});
        this.statuses = Multibinder.newSetBinder(this.binder, NtStatus.StatusInfo.class);
    }

    /** Wraps the binder a {@link KernelModule#configure} call received. */
    public static KernelBinder of(Binder binder) {
        return new KernelBinder(requireNonNull(binder, "binder is null"));
    }

    /** Contributes an object type. Its procedures run without any kernel lock held. */
    public KernelBinder objectType(ObjectType type) {
        requireNonNull(type, "type is null");
        types.addBinding(type.name()).toInstance(type);
        return this;
    }

    /** Replaces the kernel's handle-table policy (limit and reuse order). At most one module may. */
    public KernelBinder handleTablePolicy(HandleTablePolicy policy) {
        requireNonNull(policy, "policy is null");
        OptionalBinder.newOptionalBinder(binder, HandleTablePolicy.class).setBinding().toInstance(policy);
        return this;
    }

    /**
     * Contributes a listener to process and thread lifecycle events, built once per kernel by its
     * injectable constructor and bound here as a singleton: inject the class elsewhere in the module to
     * share its state, but do not bind it again. It must not depend on the process service (see
     * {@link ProcessListener}).
     */
    public KernelBinder processListener(Class<? extends ProcessListener> listener) {
        requireNonNull(listener, "listener is null");
        binder.bind(listener).in(Scopes.SINGLETON);
        listeners.addBinding().to(listener);
        return this;
    }

    /**
     * Contributes a driver under a name unique in the kernel (e.g. "Npfs"), built once by its injectable
     * constructor; the I/O manager loads it at boot ({@link Driver#load}) so that it makes its devices.
     */
    public KernelBinder driver(String name, Class<? extends Driver> implementation) {
        requireNonNull(name, "name is null");
        requireNonNull(implementation, "implementation is null");
        binder.bind(implementation).in(Scopes.SINGLETON);
        drivers.addBinding(name).to(implementation);
        return this;
    }

    /**
     * Contributes a status of the module's own, found in the kernel's
     * {@link dev.kobj.api.status.StatusRegistry}. Use a customer code (bit 29 set, as NT reserves for
     * drivers outside Microsoft): the boot fails when a code is given two names or two Win32 errors.
     */
    public KernelBinder status(int code, String name, int win32Error) {
        requireNonNull(name, "name is null");
        statuses.addBinding().toInstance(new NtStatus.StatusInfo(code, name, win32Error));
        return this;
    }

    /**
     * Contributes the implementation of a family service, built once per kernel by its injectable
     * constructor, and found at run time with {@link Kernel#service(Class)}.
     */
    public <T> KernelBinder service(Class<T> api, Class<? extends T> implementation) {
        requireNonNull(api, "api is null");
        requireNonNull(implementation, "implementation is null");
        binder.bind(implementation).in(Scopes.SINGLETON);
        binder.bind(api).to(implementation);
        services.addBinding(api).to(implementation);
        return this;
    }
}
