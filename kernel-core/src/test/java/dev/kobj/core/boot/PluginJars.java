package dev.kobj.core.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import dev.kobj.api.KernelModule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Writes real plugin jars for boot tests: a {@link KernelModule} compiled from source at test time, so
 * its classes exist only inside the jar and can be found only through the plugin directory.
 */
final class PluginJars {
    private PluginJars() {
    }

    /** Compiles a module with that id and class, contributing the named types, into {@code directory/jarName}. */
    static Path write(Path directory, String jarName, String id, String className, List<String> typeNames)
            throws IOException {
        String source = """
                package plugin;

                public final class %s implements dev.kobj.api.KernelModule {
                    @Override
                    public String id() {
                        return "%s";
                    }

                    @Override
                    public void configure(com.google.inject.Binder binder) {
                        dev.kobj.api.KernelBinder kernel = dev.kobj.api.KernelBinder.of(binder);
                        for (String name : new String[] {%s}) {
                            kernel.objectType(dev.kobj.api.object.ObjectType.builder(name)
                                    .genericMapping(new dev.kobj.api.object.GenericMapping(0x20001, 0x20002, 0x20000, 0xF0003))
                                    .validAccessMask(0xF0003)
                                    .build());
                        }
                    }
                }
                """.formatted(className, id,
                typeNames.stream().map(n -> '"' + n + '"').collect(Collectors.joining(", ")));
        return jar(directory.resolve(jarName), "plugin/" + className, source,
                "plugin." + className + "\n");
    }

    /** A jar holding a compiled class and, when {@code services} is not null, the module's service file. */
    static Path jar(Path jar, String classPath, String source, String services) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        Path sourceFile = work.resolve(classPath + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int result = javac.run(null, null, null, "-d", work.toString(), "-cp", classPathOf(KernelModule.class,
                Module.class), sourceFile.toString());
        assertTrue(result == 0, "test plugin did not compile");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(classPath + ".class"));
            out.write(Files.readAllBytes(work.resolve(classPath + ".class")));
            out.closeEntry();
            if (services != null) {
                out.putNextEntry(new JarEntry("META-INF/services/" + KernelModule.class.getName()));
                out.write(services.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return jar;
    }

    private static String classPathOf(Class<?>... classes) {
        return Stream.of(classes).map(c -> {
            try {
                return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
