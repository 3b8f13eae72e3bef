package dev.kobj.bench;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.KernelConfig.ThreadKind;
import dev.kobj.api.Kernels;
import dev.kobj.api.process.KProcess;
import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32Process;
import dev.kobj.win32.Win32System;

/**
 * A kernel with every module, its Win32 world and one attached process, {@code bench.exe}: what a
 * benchmark calls as a Windows program would. Kernel-created threads (CreateThread, a child process's
 * first thread) are of the given kind. Not thread safe to build or close; the Kernel32 it hands out is.
 */
final class Win32Bench implements AutoCloseable {
    final Kernel kernel;
    final Win32System system;
    final Win32Process process;
    final Kernel32 k32;
    final ThreadKind kind;

    Win32Bench(ThreadKind kind) {
        this.kind = kind;
        kernel = Kernels.boot(KernelConfig.defaults().withThreads(kind));
        system = Win32.boot(kernel);
        process = system.attach("bench.exe");
        k32 = process.kernel32();
    }

    Win32Bench(String threads) {
        this(kind(threads));
    }

    /** The kind named by a benchmark's {@code threads} parameter: "platform" or "virtual". */
    static ThreadKind kind(String threads) {
        return switch (threads) {
            case "platform" -> ThreadKind.PLATFORM;
            case "virtual" -> ThreadKind.VIRTUAL;
            default -> throw new IllegalArgumentException("threads must be platform or virtual: " + threads);
        };
    }

    /** A started Java thread of this bench's kind running {@code body}; its first Kernel32 call adopts it. */
    Thread start(Runnable body) {
        return (kind == ThreadKind.VIRTUAL ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).start(body);
    }

    /** The kernel's view of the attached process. */
    KProcess kernelProcess() {
        return kernel.processes().process(process.id()).orElseThrow();
    }

    /** {@code handle}, or an exception naming the call and its last error if it is NULL or INVALID_HANDLE_VALUE. */
    long check(long handle, String call) {
        if (handle == Win32.NULL || handle == Win32.INVALID_HANDLE_VALUE) {
            throw new IllegalStateException(call + " failed with error " + k32.GetLastError());
        }
        return handle;
    }

    /** Fails with the call's last error unless {@code ok}. */
    void check(boolean ok, String call) {
        if (!ok) {
            throw new IllegalStateException(call + " failed with error " + k32.GetLastError());
        }
    }

    static void checkStatus(int status) {
        if (status < 0) {
            throw new IllegalStateException("status 0x" + Integer.toHexString(status));
        }
    }

    @Override
    public void close() {
        system.close();
        kernel.close();
    }
}
