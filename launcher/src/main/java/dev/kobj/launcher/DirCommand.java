package dev.kobj.launcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dir [PATH]} and {@code dir --tree}: the object namespace, as WinObj shows it. */
@Command(name = "dir", mixinStandardHelpOptions = true,
        description = "List a directory of the object namespace (default \\), with link targets.")
class DirCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", arity = "0..1", defaultValue = "\\", paramLabel = "PATH",
            description = "An NT path, e.g. \\BaseNamedObjects, or a name as for create.")
    String path;

    @Option(names = "--tree", description = "Descend into every directory below.")
    boolean tree;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    DirCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Session session = console.session();
        String at = path.startsWith("\\") ? path : session.path(path);
        if (at.length() > 1 && at.endsWith("\\")) {
            at = at.substring(0, at.length() - 1); // a directory as Tab completes it, ready for its next name
        }
        NamespaceView view = new NamespaceView(session);
        int[] status = new int[1];
        List<NamespaceView.Entry> entries = view.list(at, status);
        if (entries == null) {
            return console.fail(commandName() + " " + at, status[0]);
        }
        if (console.json(json)) {
            console.out().println(Json.write(json(view, at, entries)));
        } else {
            print(view, at, entries, "");
        }
        return 0;
    }

    String commandName() {
        return "dir";
    }

    boolean descend() {
        return tree;
    }

    private List<Map<String, Object>> json(NamespaceView view, String at, List<NamespaceView.Entry> entries) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (NamespaceView.Entry e : entries) {
            Map<String, Object> object = new java.util.LinkedHashMap<>();
            object.put("name", e.name());
            object.put("type", e.type());
            if (e.target() != null) {
                object.put("target", e.target());
            }
            if (descend() && e.type().equals("Directory")) {
                String child = child(at, e.name());
                List<NamespaceView.Entry> below = view.list(child, new int[1]);
                object.put("entries", below == null ? List.of() : json(view, child, below));
            }
            out.add(object);
        }
        return out;
    }

    private void print(NamespaceView view, String at, List<NamespaceView.Entry> entries, String indent) {
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        int typeWidth = entries.stream().mapToInt(e -> e.type().length()).max().orElse(0);
        for (NamespaceView.Entry e : entries) {
            String line = String.format("%s%-" + width + "s  %-" + typeWidth + "s", indent, e.name(), e.type());
            console.out().println((e.target() == null ? line : line + "  -> " + e.target()).stripTrailing());
            if (descend() && e.type().equals("Directory")) {
                String child = child(at, e.name());
                List<NamespaceView.Entry> below = view.list(child, new int[1]);
                if (below != null && !below.isEmpty()) {
                    print(view, child, below, indent + "  ");
                }
            }
        }
    }

    private static String child(String at, String name) {
        return (at.endsWith("\\") ? at : at + "\\") + name;
    }
}
