package dev.kobj.launcher;

import dev.kobj.api.Kernel;
import dev.kobj.api.Kernels;
import dev.kobj.api.ModuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kobj types}: each module id and the object types it brought. */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "Boot a kernel and list each module with the object types it brought.")
final class TypesCommand implements Callable<Integer> {
    @Mixin
    KernelOptions kernelOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Kernel kernel = Kernels.boot(kernelOptions.config())) {
            int width = kernel.modules().stream().mapToInt(m -> m.id().length()).max().orElse(0);
            for (ModuleInfo module : kernel.modules()) {
                out.printf("%-" + width + "s  %s%n", module.id(),
                        module.typeNames().isEmpty() ? "(no types)" : String.join(", ", module.typeNames()));
            }
        }
        out.flush();
        return 0;
    }
}
