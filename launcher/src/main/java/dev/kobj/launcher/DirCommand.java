package dev.kobj.launcher;

import dev.kobj.api.Kernel;
import dev.kobj.api.Kernels;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kobj dir [PATH]} and {@code kobj dir --tree}: the object namespace, as WinObj shows it. */
@Command(name = "dir", mixinStandardHelpOptions = true,
        description = "Boot a kernel and list a directory of its object namespace (default \\).")
final class DirCommand implements Callable<Integer> {
    @Mixin
    KernelOptions kernelOptions;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "\\", description = "An NT path, e.g. \\BaseNamedObjects.")
    String path;

    @Option(names = "--tree", description = "Descend into every directory below.")
    boolean tree;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Kernel kernel = Kernels.boot(kernelOptions.config())) {
            NamespaceView view = new NamespaceView(kernel);
            int[] status = new int[1];
            List<NamespaceView.Entry> entries = view.list(path, status);
            if (entries == null) {
                spec.commandLine().getErr().printf("kobj dir: %s: %s%n", path, NamespaceView.describe(status[0]));
                return 1;
            }
            print(view, out, path, entries, "");
        }
        out.flush();
        return 0;
    }

    private void print(NamespaceView view, PrintWriter out, String at, List<NamespaceView.Entry> entries,
            String indent) {
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        int typeWidth = entries.stream().mapToInt(e -> e.type().length()).max().orElse(0);
        for (NamespaceView.Entry e : entries) {
            String line = String.format("%s%-" + width + "s  %-" + typeWidth + "s", indent, e.name(), e.type());
            out.println((e.target() == null ? line : line + "  -> " + e.target()).stripTrailing());
            if (tree && e.type().equals("Directory")) {
                String child = (at.endsWith("\\") ? at : at + "\\") + e.name();
                List<NamespaceView.Entry> below = view.list(child, new int[1]);
                if (below != null && !below.isEmpty()) {
                    print(view, out, child, below, indent + "  ");
                }
            }
        }
    }
}
