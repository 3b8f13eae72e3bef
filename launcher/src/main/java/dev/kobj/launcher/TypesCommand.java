package dev.kobj.launcher;

import dev.kobj.api.Kernel;
import dev.kobj.api.ModuleInfo;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.object.ObjectType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code types}: each object type with its module, its live objects and handles, and their peaks. */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "List the object types: module, objects, handles and their peaks.")
final class TypesCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    @Option(names = "--modules", description = "List the modules and the types each brought instead.")
    boolean modules;

    TypesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Kernel kernel = console.session().kernel();
        if (modules) {
            Table table = new Table("MODULE", "CLASS", "TYPES");
            for (ModuleInfo m : kernel.modules()) {
                table.row(m.id(), m.className(), String.join(", ", m.typeNames()));
            }
            table.print(console.out(), console.json(json));
            return 0;
        }
        table(console.session()).print(console.out(), console.json(json));
        return 0;
    }

    static Table table(Session session) {
        Kernel kernel = session.kernel();
        Map<String, String> moduleOf = new HashMap<>();
        for (ModuleInfo m : kernel.modules()) {
            m.typeNames().forEach(t -> moduleOf.put(t, m.id()));
        }
        Table table = new Table("TYPE", "MODULE", "OBJECTS", "HANDLES", "PEAK OBJECTS", "PEAK HANDLES");
        for (ObjectType type : kernel.objectTypes()) {
            ObjectInfo.Type info = session.objects().typeInfo(type);
            table.row(type.name(), moduleOf.getOrDefault(type.name(), "?"), info.totalNumberOfObjects(),
                    info.totalNumberOfHandles(), info.peakNumberOfObjects(), info.peakNumberOfHandles());
        }
        return table;
    }
}
