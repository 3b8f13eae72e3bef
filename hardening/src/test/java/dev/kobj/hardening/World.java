package dev.kobj.hardening;

import static dev.kobj.win32.Win32.PROCESS_ALL_ACCESS;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelThreadExit;
import dev.kobj.api.Kernels;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Ntdll;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32Process;
import dev.kobj.win32.Win32System;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A kernel with a few Win32 processes, each served by a few Java threads of its own (so every call
 * runs on a thread the process adopted): the system a model-based program drives. Not thread-safe;
 * one test thread drives it.
 */
final class World implements AutoCloseable {
    static final int PROCESSES = 3;
    static final int THREADS = 2;
    private static final long CALL_SECONDS = 20;

    final Kernel kernel = Kernels.boot();
    final Win32System system = Win32.boot(kernel);
    final Slot[] slots = new Slot[PROCESSES];
    private int generation;

    /** One process and the Java threads that call into it; replaced when the process is terminated. */
    static final class Slot {
        final Win32Process process;
        final int generation;
        final List<ExecutorService> threads = new ArrayList<>();
        /** processHandles[q]: this process's handle to process q (PROCESS_ALL_ACCESS), or 0 for itself. */
        final long[] processHandles = new long[PROCESSES];

        Slot(Win32Process process, int generation) {
            this.process = process;
            this.generation = generation;
            for (int t = 0; t < THREADS; t++) {
                threads.add(Executors.newSingleThreadExecutor(Thread.ofPlatform()
                        .name("model-" + process.id() + "-" + t).daemon(true).factory()));
            }
        }

        void stop() {
            threads.forEach(ExecutorService::shutdownNow);
        }
    }

    World() {
        for (int p = 0; p < PROCESSES; p++) {
            slots[p] = new Slot(system.attach("model" + p + ".exe"), generation++);
        }
        for (int p = 0; p < PROCESSES; p++) {
            for (int q = 0; q < PROCESSES; q++) {
                if (q != p) {
                    openProcessHandle(p, q);
                }
            }
        }
    }

    private void openProcessHandle(int p, int q) {
        int target = slots[q].process.id();
        slots[p].processHandles[q] = call(p, 0, k -> k.OpenProcess(PROCESS_ALL_ACCESS, false, target));
    }

    /** Gives process p handles to every other process, and every other process a handle to p. */
    void openProcessHandles(int p) {
        for (int q = 0; q < PROCESSES; q++) {
            if (q == p) {
                continue;
            }
            openProcessHandle(p, q);
            openProcessHandle(q, p);
        }
    }

    /** Replaces the (terminated) process p with a fresh one. */
    Slot respawn(int p) {
        slots[p].stop();
        slots[p] = new Slot(system.attach("model" + p + ".exe"), generation++);
        return slots[p];
    }

    Kernel32 k32(int p) {
        return slots[p].process.kernel32();
    }

    Ntdll nt(int p) {
        return slots[p].process.ntdll();
    }

    /** Runs {@code call} on thread t of process p and returns its result; an escaping exception fails the test. */
    <T> T call(int p, int t, Function<Kernel32, T> call) {
        Kernel32 k32 = k32(p);
        return run(p, t, () -> call.apply(k32));
    }

    <T> T nt(int p, int t, Function<Ntdll, T> call) {
        Ntdll nt = nt(p);
        return run(p, t, () -> call.apply(nt));
    }

    private <T> T run(int p, int t, java.util.concurrent.Callable<T> body) {
        try {
            return slots[p].threads.get(t).submit(body).get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KernelThreadExit exit) {
                throw exit;
            }
            throw new AssertionError("an exception escaped the API: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the call did not return within " + CALL_SECONDS + " s (a hang)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Counts counts() {
        return Counts.of(kernel);
    }

    @Override
    public void close() {
        for (Slot slot : slots) {
            if (slot != null) {
                slot.stop();
            }
        }
        system.close();
        kernel.close();
    }
}
