package dev.kobj.core.boot;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.Message;
import dev.kobj.api.Kernel;
import dev.kobj.api.KernelBootException;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.KernelFactory;
import dev.kobj.api.KernelModule;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.ProcessService;
import dev.kobj.core.CoreModule;
import dev.kobj.core.boot.PluginLoader.Discovery;
import dev.kobj.core.boot.PluginLoader.Found;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots kernels: the core module plus plugin modules from the class path, an explicit id list, or
 * plugin directories. Every configuration problem is collected and reported at once, before Guice
 * builds anything (as airlift's Bootstrap does); Guice then wires the modules in
 * {@link Stage#PRODUCTION} with explicit bindings only, and is not used after boot.
 */
public final class KernelBuilder implements KernelFactory {
    private static final Logger log = LoggerFactory.getLogger(KernelBuilder.class);

    @Override
    public Kernel boot(KernelConfig config) {
        requireNonNull(config, "config is null");
        List<String> problems = new ArrayList<>();
        Discovery discovery = PluginLoader.discover(config, problems);
        try {
            List<Found> modules = select(discovery.modules(), config, problems);
            Map<Found, List<Element>> elements = record(modules, problems);
            Map<Found, List<String>> types = typesByModule(elements, problems);
            if (!problems.isEmpty()) {
                throw new KernelBootException(problems);
            }
            Injector injector = inject(elements, config);
            List<ModuleInfo> infos = modules.stream()
                    .map(m -> new ModuleInfo(m.module().id(), m.module().getClass().getName(), types.get(m)))
                    .toList();
            infos.forEach(info -> log.debug("module {} ({}) contributes types {}", info.id(), info.className(),
                    info.typeNames()));
            return new CoreKernel(infos,
                    injector.getInstance(Key.get(new TypeLiteral<Map<String, ObjectType>>() {})),
                    injector.getInstance(Key.get(new TypeLiteral<Map<Class<?>, Object>>() {})),
                    injector.getInstance(ProcessService.class),
                    discovery.loaders());
        } catch (RuntimeException | Error e) {
            closeAll(discovery.loaders(), e);
            throw e;
        }
    }

    /** The core, then the requested plugin modules (all when no ids are given), checking ids. */
    private static List<Found> select(List<Found> found, KernelConfig config, List<String> problems) {
        Map<String, Found> byId = new LinkedHashMap<>();
        Found core = new Found(new CoreModule(), "kernel-core");
        byId.put(CoreModule.ID, core);
        for (Found candidate : found) {
            String id = candidate.module().id();
            Found previous = byId.putIfAbsent(id, candidate);
            if (previous == core) {
                problems.add("module id '" + id + "' of " + describe(candidate) + " is reserved for the kernel");
            } else if (previous != null) {
                problems.add("module id '" + id + "' is used by both " + describe(previous) + " and "
                        + describe(candidate));
            }
        }
        List<Found> selected = new ArrayList<>();
        selected.add(core);
        if (config.allModules()) {
            byId.values().stream().filter(f -> f != core)
                    .sorted(Comparator.comparing(f -> f.module().id()))
                    .forEach(selected::add);
            return selected;
        }
        for (String id : new TreeSet<>(config.moduleIds())) {
            Found module = byId.get(id);
            if (module == null) {
                problems.add("unknown kernel module id '" + id + "' (available: "
                        + String.join(", ", new TreeSet<>(byId.keySet())) + ")");
            } else if (module != core) {
                selected.add(module);
            }
        }
        return selected;
    }

    /** Runs each module's configure() into recorded elements, with the module's loader as context. */
    private static Map<Found, List<Element>> record(List<Found> modules, List<String> problems) {
        Map<Found, List<Element>> elements = new LinkedHashMap<>();
        for (Found found : modules) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(found.module().getClass().getClassLoader());
            try {
                elements.put(found, Elements.getElements(Stage.PRODUCTION, found.module()));
            } catch (RuntimeException e) {
                problems.add("module " + describe(found) + " failed to configure: " + e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        return elements;
    }

    /** The object types each module contributes; a name given by two modules is a problem naming both. */
    private static Map<Found, List<String>> typesByModule(Map<Found, List<Element>> elements,
            List<String> problems) {
        Map<String, Found> owners = new HashMap<>();
        Map<Found, List<String>> types = new LinkedHashMap<>();
        elements.forEach((found, list) -> {
            Set<String> names = new TreeSet<>();
            for (Element element : list) {
                if (element instanceof InstanceBinding<?> binding && binding.getInstance() instanceof ObjectType type) {
                    Found owner = owners.putIfAbsent(type.name(), found);
                    if (owner != null) {
                        problems.add("object type '" + type.name() + "' is contributed by both " + describe(owner)
                                + " and " + describe(found));
                    }
                    names.add(type.name());
                }
            }
            types.put(found, List.copyOf(names));
        });
        return types;
    }

    private static Injector inject(Map<Found, List<Element>> elements, KernelConfig config) {
        List<Element> all = elements.values().stream().flatMap(List::stream).toList();
        try {
            return Guice.createInjector(Stage.PRODUCTION, new WiringRules(),
                    binder -> binder.bind(KernelConfig.class).toInstance(config), Elements.getModule(all));
        } catch (CreationException e) {
            throw new KernelBootException(e.getErrorMessages().stream().map(KernelBuilder::oneLine).toList());
        }
    }

    private static String oneLine(Message message) {
        String text = message.getMessage().strip();
        int newline = text.indexOf('\n');
        return "wiring error: " + (newline < 0 ? text : text.substring(0, newline));
    }

    private static String describe(Found found) {
        return "'" + found.module().id() + "' (" + found.module().getClass().getName() + " from " + found.origin()
                + ")";
    }

    private static void closeAll(List<URLClassLoader> loaders, Throwable failure) {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** airlift's rules: wiring errors at boot, never on first use. */
    private static final class WiringRules extends AbstractModule {
        @Override
        protected void configure() {
            binder().requireExplicitBindings();
            binder().disableCircularProxies();
            binder().requireAtInjectOnConstructors();
        }
    }
}
