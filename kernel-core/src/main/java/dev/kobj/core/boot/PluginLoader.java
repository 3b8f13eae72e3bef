package dev.kobj.core.boot;

import dev.kobj.api.KernelConfig;
import dev.kobj.api.KernelModule;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds {@link KernelModule}s: on the configured class path, and in plugin directories, where each jar
 * (or folder of jars) gets its own class loader, a child of the configured one, so that
 * {@code kernel-api}, Guice and the JDK come from the parent and the plugin's own classes from its jar.
 * Problems are collected, not thrown, so that boot can report them all at once.
 */
final class PluginLoader {
    private PluginLoader() {
    }

    /** A module found, with where it came from (for messages). */
    record Found(KernelModule module, String origin) {
    }

    /** What discovery produced: the modules and the class loaders the kernel must close. */
    record Discovery(List<Found> modules, List<URLClassLoader> loaders) {
    }

    static Discovery discover(KernelConfig config, List<String> problems) {
        List<Found> found = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        load(config.classLoader(), null, "class path", found, problems);
        for (Path directory : config.pluginDirectories()) {
            if (!Files.isDirectory(directory)) {
                problems.add("plugin directory " + directory + " does not exist");
                continue;
            }
            for (Path plugin : plugins(directory, problems)) {
                URLClassLoader loader = classLoader(plugin, config.classLoader(), problems);
                if (loader == null) {
                    continue;
                }
                loaders.add(loader);
                int before = found.size();
                load(loader, loader, plugin.toString(), found, problems);
                if (found.size() == before) {
                    problems.add("plugin " + plugin + " has no " + KernelModule.class.getName() + " provider");
                }
            }
        }
        return new Discovery(List.copyOf(found), List.copyOf(loaders));
    }

    /** Loads the providers visible from {@code loader}; with {@code own}, only classes that loader defines. */
    private static void load(ClassLoader loader, ClassLoader own, String origin, List<Found> found,
            List<String> problems) {
        try {
            ServiceLoader.load(KernelModule.class, loader).stream()
                    .filter(provider -> own == null || provider.type().getClassLoader() == own)
                    .forEach(provider -> {
                        try {
                            found.add(new Found(withContextLoader(loader, provider), origin));
                        } catch (ServiceConfigurationError | RuntimeException e) {
                            problems.add("module " + provider.type().getName() + " from " + origin
                                    + " cannot be created: " + e);
                        }
                    });
        } catch (ServiceConfigurationError e) {
            problems.add("bad module list in " + origin + ": " + e.getMessage());
        }
    }

    private static KernelModule withContextLoader(ClassLoader loader, ServiceLoader.Provider<KernelModule> provider) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return provider.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The plugins of a directory, sorted: each jar, and each folder holding jars. */
    private static List<Path> plugins(Path directory, List<String> problems) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> isJar(p) || Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            problems.add("plugin directory " + directory + " cannot be read: " + e.getMessage());
            return List.of();
        }
    }

    private static URLClassLoader classLoader(Path plugin, ClassLoader parent, List<String> problems) {
        try {
            List<URL> urls = new ArrayList<>();
            if (Files.isDirectory(plugin)) {
                try (Stream<Path> jars = Files.list(plugin)) {
                    for (Path jar : jars.filter(PluginLoader::isJar).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            } else {
                urls.add(plugin.toUri().toURL());
            }
            if (urls.isEmpty()) {
                problems.add("plugin " + plugin + " has no jar");
                return null;
            }
            return new URLClassLoader("kobj-plugin-" + plugin.getFileName(), urls.toArray(URL[]::new), parent);
        } catch (MalformedURLException e) {
            problems.add("plugin " + plugin + " has a bad path: " + e.getMessage());
            return null;
        } catch (IOException e) {
            problems.add("plugin " + plugin + " cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }
}
