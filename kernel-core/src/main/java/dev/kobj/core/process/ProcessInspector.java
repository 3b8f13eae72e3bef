package dev.kobj.core.process;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.dispatch.DispatcherObject;
import dev.kobj.api.dispatch.Waitable;
import dev.kobj.api.dispatch.Waiter;
import dev.kobj.api.inspect.KernelInspector;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KThread;
import dev.kobj.api.process.ProcessService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel inspector over the process manager: snapshots taken by reading the live tables, no lock
 * of the kernel taken and nothing counted, so a look never changes what it looks at.
 */
public final class ProcessInspector implements KernelInspector {
    private final ProcessManager processes;

    @Inject
    public ProcessInspector(ProcessService processes) {
        this.processes = (ProcessManager) requireNonNull(processes, "processes is null");
    }

    @Override
    public List<ProcessSnapshot> processes() {
        List<ProcessSnapshot> all = new ArrayList<>();
        for (CoreProcess process : processes.allProcesses()) {
            List<KThread> threads = new ArrayList<>(process.threads);
            threads.sort(Comparator.comparingInt(KThread::id));
            all.add(new ProcessSnapshot(process, threads, process.handles().count()));
        }
        all.sort(Comparator.comparingInt(p -> p.process().id()));
        return all;
    }

    @Override
    public Optional<List<HandleSnapshot>> handles(int processId) {
        return processes.process(processId).map(p -> {
            List<HandleSnapshot> handles = new ArrayList<>();
            ((CoreProcess) p).handles().forEach((entry, handle) ->
                    handles.add(new HandleSnapshot(Integer.toUnsignedLong(handle), entry)));
            return List.copyOf(handles);
        });
    }

    /**
     * Reads each thread's wait blocks while it waits; a wait that ends under the read is reported as
     * it was or left out. Objects are named through the handle tables, the only place that knows the
     * header of an embedded dispatcher object.
     */
    @Override
    public List<WaitSnapshot> waits() {
        Map<DispatcherObject, KernelObject> owners = new IdentityHashMap<>();
        for (CoreProcess process : processes.allProcesses()) {
            process.handles().forEach((entry, handle) -> {
                if (entry.object() instanceof Waitable waitable) {
                    owners.putIfAbsent(waitable.dispatcherObject(), entry.object());
                }
            });
        }
        List<WaitSnapshot> waits = new ArrayList<>();
        for (CoreProcess process : processes.allProcesses()) {
            for (CoreThread thread : process.threads) {
                Waiter waiter = thread.waiterIfPresent();
                int count = waiter == null ? 0 : Math.min(waiter.count(), 64);
                if (count == 0 || !waiter.isWaiting()) {
                    continue; // a waiter made for owning a mutant starts WAITING but never armed
                }
                List<KernelObject> objects = new ArrayList<>(count);
                try {
                    for (int i = 0; i < count; i++) {
                        KernelObject object = owners.get(waiter.block(i).object());
                        if (object != null) {
                            objects.add(object);
                        }
                    }
                } catch (ArrayIndexOutOfBoundsException racedWithANewWait) {
                    continue; // the thread re-armed a wider wait under the read: it was not blocked on the old one
                }
                if (waiter.isWaiting()) {
                    waits.add(new WaitSnapshot(thread, waiter.waitAll(), objects));
                }
            }
        }
        waits.sort(Comparator.comparingInt(w -> w.thread().id()));
        return waits;
    }
}
