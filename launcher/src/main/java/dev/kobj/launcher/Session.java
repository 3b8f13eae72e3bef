package dev.kobj.launcher;

import dev.kobj.api.Kernel;
import dev.kobj.api.Kernels;
import dev.kobj.api.inspect.KernelInspector;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Ntdll;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32Process;
import dev.kobj.win32.Win32System;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One booted kernel for the life of a shell, a script or a single command, and the console process
 * ({@value #IMAGE}) the user acts as: the handles the user creates or opens live in its table and are
 * remembered by the name they were made with. Used by one Java thread at a time.
 */
final class Session implements AutoCloseable {
    static final String IMAGE = "kobj.exe";

    private final Kernel kernel;
    private final Win32System system;
    private final Win32Process console;
    private final ObjectManager objects;
    private final KernelInspector inspector;
    private final int session;
    private final Map<String, Long> handlesByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private KThread caller;

    Session(LauncherConfig config) {
        this.kernel = Kernels.boot(config.kernel());
        try {
            this.system = Win32.boot(kernel);
            this.console = system.attach(IMAGE, config.identity(), config.session());
            this.objects = kernel.service(ObjectManager.class).orElseThrow();
            this.inspector = kernel.service(KernelInspector.class).orElseThrow();
            this.session = config.session();
        } catch (RuntimeException e) {
            kernel.close();
            throw e;
        }
    }

    Kernel kernel() {
        return kernel;
    }

    Win32System system() {
        return system;
    }

    Ntdll ntdll() {
        return console.ntdll();
    }

    Kernel32 kernel32() {
        return console.kernel32();
    }

    int consoleId() {
        return console.id();
    }

    ObjectManager objects() {
        return objects;
    }

    KernelInspector inspector() {
        return inspector;
    }

    /** The console's kernel thread on the calling Java thread (win32 adopts it on its first call). */
    KThread caller() {
        KThread thread = caller;
        if (thread != null && thread.javaThread() == Thread.currentThread() && !thread.isEnded()) {
            return thread;
        }
        int id = console.kernel32().GetCurrentThreadId(); // adopts the calling Java thread into the console
        thread = kernel.processes().thread(id).orElse(null);
        if (thread != null) {
            caller = thread;
            return thread;
        }
        throw new IllegalStateException("the console has no thread on " + Thread.currentThread());
    }

    /**
     * The NT path of an object name as the user types it: a path from {@code \} as it is,
     * {@code Global\X} in {@code \BaseNamedObjects}, anything else in the console session's named objects
     * ({@code \BaseNamedObjects} itself in session 0).
     */
    String path(String name) {
        if (name.startsWith("\\")) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("global\\")) {
            return "\\BaseNamedObjects\\" + name.substring(7);
        }
        String local = lower.startsWith("local\\") ? name.substring(6) : name;
        return objects.baseNamedObjects(session) + "\\" + local;
    }

    /** Remembers {@code handle} under the name the user gave (a later handle of the same name wins). */
    void remember(String name, long handle) {
        if (name != null) {
            handlesByName.put(name, handle);
        }
    }

    /** Forgets every name of {@code handle}. */
    void forget(long handle) {
        handlesByName.values().removeIf(h -> h == handle);
    }

    /** The names the user gave the console's handles, with their handles. */
    Map<String, Long> names() {
        return Map.copyOf(handlesByName);
    }

    /**
     * A handle of the console from what the user typed: a value ({@code 0x8}) or a name it was created
     * or opened by; {@code 0} when neither.
     */
    long handle(String reference) {
        Long named = handlesByName.get(reference);
        if (named != null) {
            return named;
        }
        if (reference.startsWith("0x") || reference.startsWith("0X")) {
            try {
                return Long.parseLong(reference.substring(2), 16);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The entry behind a console handle, or null (the status for that is STATUS_INVALID_HANDLE). */
    HandleEntry entry(long handle) {
        return handle == 0 ? null : objects.lookup(caller(), handle);
    }

    /** The full NT path of a named object ({@code null} for an unnamed one). */
    static String fullName(KernelObject object) {
        String own = object.type().procedures().queryName(object); // a file's name is its device's and path
        if (own != null) {
            return own;
        }
        String name = object.name();
        if (name == null) {
            return null;
        }
        StringBuilder path = new StringBuilder(name);
        for (KernelObject d = object.directory(); d != null && d.name() != null; d = d.directory()) {
            path.insert(0, d.name() + "\\");
        }
        return path.insert(0, '\\').toString();
    }

    /** Ends every process and the kernel. */
    @Override
    public void close() {
        try {
            system.close();
        } finally {
            kernel.close();
        }
    }
}
