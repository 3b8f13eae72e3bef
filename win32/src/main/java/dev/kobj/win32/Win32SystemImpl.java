package dev.kobj.win32;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.Kernel;
import dev.kobj.api.Kernels;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.ProcessService;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Win32 system over one kernel: the processes it attached or created and the registered programs.
 * Thread-safe. Closing it ends its processes, and the kernel too when {@link Win32#boot()} made it.
 */
final class Win32SystemImpl implements Win32System {
    private final Kernel kernel;
    private final boolean ownsKernel;
    private final Map<String, Win32Program> programs = new ConcurrentHashMap<>();
    private final Queue<Win32ProcessImpl> processes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private static final int MIN_PURGE = 64;
    private final java.util.concurrent.atomic.AtomicInteger processCount = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int purgeAt = MIN_PURGE; // racy by design: a missed or doubled purge is harmless

    private Win32SystemImpl(Kernel kernel, boolean ownsKernel) {
        this.kernel = kernel;
        this.ownsKernel = ownsKernel;
    }

    static Win32System boot() {
        return new Win32SystemImpl(Kernels.boot(), true);
    }

    static Win32System wrap(Kernel kernel) {
        requireNonNull(kernel, "kernel is null");
        if (kernel.isClosed()) {
            throw new IllegalStateException("kernel is closed");
        }
        return new Win32SystemImpl(kernel, false);
    }

    @Override
    public Win32Process attach(String imageName) {
        return attach(imageName, dev.kobj.api.security.Identity.DEFAULT);
    }

    @Override
    public Win32Process attach(String imageName, dev.kobj.api.security.Identity identity) {
        return attach(imageName, identity, ProcessService.DEFAULT_SESSION);
    }

    @Override
    public Win32Process attach(String imageName, dev.kobj.api.security.Identity identity, int sessionId) {
        requireNonNull(imageName, "imageName is null");
        requireNonNull(identity, "identity is null");
        if (sessionId < 0) {
            throw new IllegalArgumentException("sessionId < 0: " + sessionId);
        }
        checkOpen();
        KProcess process = kernel.processes().createProcess(imageName, sessionId, identity);
        Win32ProcessImpl win32 = new Win32ProcessImpl(this, process);
        forgetEndedProcesses();
        processes.add(win32);
        return win32;
    }

    /**
     * Drops the processes that have ended (nothing is left to end or release at close), each time the
     * list has doubled: amortised O(1) per process, so a long-lived system that runs many short
     * programs keeps only the live ones.
     */
    private void forgetEndedProcesses() {
        if (processCount.incrementAndGet() < purgeAt) {
            return;
        }
        processes.removeIf(p -> p.process().isEnded());
        int left = processes.size();
        processCount.set(left);
        purgeAt = Math.max(MIN_PURGE, left * 2);
    }

    /** The processes this system still keeps (a test's view). */
    int processCount() {
        return processes.size();
    }

    @Override
    public void register(String imageName, Win32Program program) {
        requireNonNull(imageName, "imageName is null");
        requireNonNull(program, "program is null");
        checkOpen();
        programs.put(imageKey(imageName), program);
    }

    /** The program registered for an image name, compared case-insensitively as Windows does. */
    Optional<Win32Program> program(String imageName) {
        return Optional.ofNullable(programs.get(imageKey(imageName)));
    }

    /** A child process of {@code parent} with its own Win32 face, closed with this system. */
    Win32ProcessImpl createChild(Win32ProcessImpl parent, String imageName, boolean inheritHandles,
            int creationFlags) {
        checkOpen();
        KProcess child = kernel.processes().createChildProcess(parent.process(), imageName, inheritHandles,
                creationFlags);
        Win32ProcessImpl win32 = new Win32ProcessImpl(this, child);
        forgetEndedProcesses();
        processes.add(win32);
        return win32;
    }

    Kernel kernel() {
        return kernel;
    }

    void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("Win32System is closed");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Win32ProcessImpl process;
        while ((process = processes.poll()) != null) {
            process.release();
        }
        programs.clear();
        if (ownsKernel) {
            kernel.close();
        }
    }

    private static String imageKey(String imageName) {
        return imageName.toLowerCase(Locale.ROOT);
    }
}
