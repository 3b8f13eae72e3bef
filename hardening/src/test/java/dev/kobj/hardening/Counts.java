package dev.kobj.hardening;

import dev.kobj.api.Kernel;
import dev.kobj.api.object.ObjectInfo;
import dev.kobj.api.object.ObjectManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-type object and handle counts of a kernel, as ObjectTypeInformation reports them: the oracle
 * for "nothing leaked".
 */
record Counts(Map<String, List<Integer>> byType) {
    /** The family types every hardening test watches (the core's Process and Thread come and go). */
    static final List<String> WATCHED = List.of("Event", "Mutant", "Semaphore", "Timer", "KeyedEvent", "Section",
            "IoCompletion", "Job", "File", "Port", "Directory", "SymbolicLink", "Token");

    static Counts of(Kernel kernel) {
        return of(kernel, WATCHED);
    }

    static Counts of(Kernel kernel, List<String> types) {
        ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
        Map<String, List<Integer>> counts = new TreeMap<>();
        for (String name : types) {
            kernel.objectType(name).ifPresent(type -> {
                ObjectInfo.Type info = objects.typeInfo(type);
                counts.put(name, List.of(info.totalNumberOfObjects(), info.totalNumberOfHandles()));
            });
        }
        return new Counts(counts);
    }

    int objects(String type) {
        return byType.getOrDefault(type, List.of(0, 0)).get(0);
    }

    int handles(String type) {
        return byType.getOrDefault(type, List.of(0, 0)).get(1);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        byType.forEach((type, c) -> text.append(type).append('=').append(c.get(0)).append('/').append(c.get(1)).append(' '));
        return text.toString().trim();
    }
}
