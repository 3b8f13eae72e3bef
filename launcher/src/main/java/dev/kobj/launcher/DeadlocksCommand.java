package dev.kobj.launcher;

import dev.kobj.api.dispatch.DispatcherMutant;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.inspect.KernelInspector.WaitSnapshot;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KThread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deadlocks}: the wait-for graph over mutant owners and waiters, and its cycles. A thread waits
 * for a mutant's owner; a thread in a wait-any counts as stuck only when every object it waits on is a
 * mutant someone else owns (anything else could still wake it).
 */
@Command(name = "deadlocks", mixinStandardHelpOptions = true,
        description = {"Show who waits for which mutant held by whom, and every cycle (a deadlock).",
            "Exit code 0 either way; --fail makes a found deadlock exit 1 (for scripts)."})
final class DeadlocksCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--json", description = "Answer in JSON.")
    boolean json;

    @Option(names = "--fail", description = "Exit 1 when there is a deadlock.")
    boolean fail;

    DeadlocksCommand(Console console) {
        this.console = console;
    }

    /** One edge: {@code waiter} waits on {@code object}, which {@code owner} holds. */
    record Edge(KThread waiter, KernelObject object, KThread owner) {
    }

    @Override
    public Integer call() {
        List<WaitSnapshot> waits = console.session().inspector().waits();
        Map<KThread, List<Edge>> graph = graph(waits);
        List<List<Edge>> cycles = cycles(graph);
        if (console.json(json)) {
            List<Object> out = new ArrayList<>();
            for (List<Edge> cycle : cycles) {
                List<Map<String, Object>> edges = new ArrayList<>();
                for (Edge e : cycle) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("thread", e.waiter().id());
                    m.put("process", e.waiter().process().id());
                    m.put("waits_for", name(e.object()));
                    m.put("owner", e.owner().id());
                    edges.add(m);
                }
                out.add(edges);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("waiting_threads", waits.size());
            answer.put("deadlocks", out);
            console.out().println(Json.write(answer));
        } else {
            Table table = new Table("THREAD", "PROCESS", "WAITS FOR", "OWNER");
            for (WaitSnapshot w : waits) {
                for (KernelObject o : w.objects()) {
                    KThread owner = owner(o);
                    table.row(w.thread().id(), w.thread().process().imageName() + " " + w.thread().process().id(),
                            name(o) + (w.waitAll() ? " (all)" : ""), owner == null ? "-" : "thread " + owner.id());
                }
            }
            if (!table.isEmpty()) {
                table.print(console.out());
            }
            if (cycles.isEmpty()) {
                console.out().println("no deadlock (" + waits.size() + " threads waiting)");
            }
            for (List<Edge> cycle : cycles) {
                StringBuilder line = new StringBuilder("deadlock:");
                for (Edge e : cycle) {
                    line.append(" thread ").append(e.waiter().id()).append(" waits for ").append(name(e.object()))
                            .append(" held by");
                }
                line.append(" thread ").append(cycle.getFirst().waiter().id());
                console.out().println(line);
            }
        }
        return fail && !cycles.isEmpty() ? 1 : 0;
    }

    static Map<KThread, List<Edge>> graph(List<WaitSnapshot> waits) {
        Map<KThread, List<Edge>> graph = new HashMap<>();
        for (WaitSnapshot w : waits) {
            List<Edge> edges = new ArrayList<>();
            boolean stuck = true;
            for (KernelObject o : w.objects()) {
                KThread owner = owner(o);
                if (owner != null && owner != w.thread()) {
                    edges.add(new Edge(w.thread(), o, owner));
                } else {
                    stuck = false;
                }
            }
            if (!edges.isEmpty() && (w.waitAll() || stuck)) {
                graph.put(w.thread(), edges);
            }
        }
        return graph;
    }

    /** Each elementary cycle once, starting at its lowest thread id. */
    static List<List<Edge>> cycles(Map<KThread, List<Edge>> graph) {
        List<List<Edge>> cycles = new ArrayList<>();
        List<KThread> starts = new ArrayList<>(graph.keySet());
        starts.sort(java.util.Comparator.comparingInt(KThread::id));
        for (KThread start : starts) {
            walk(graph, start, start, new ArrayList<>(), cycles);
        }
        return cycles;
    }

    private static void walk(Map<KThread, List<Edge>> graph, KThread start, KThread at, List<Edge> path,
            List<List<Edge>> cycles) {
        for (Edge e : graph.getOrDefault(at, List.of())) {
            if (e.owner() == start) {
                List<Edge> cycle = new ArrayList<>(path);
                cycle.add(e);
                cycles.add(cycle);
            } else if (e.owner().id() > start.id() && path.stream().noneMatch(p -> p.waiter() == e.owner())) {
                path.add(e);
                walk(graph, start, e.owner(), path, cycles);
                path.removeLast();
            }
        }
    }

    private static KThread owner(KernelObject object) {
        return object instanceof Waitable w && w.dispatcherObject() instanceof DispatcherMutant m ? m.owner() : null;
    }

    private static String name(KernelObject object) {
        String name = Session.fullName(object);
        return name == null ? object.type().name() + "@" + Integer.toHexString(System.identityHashCode(object)) : name;
    }
}
