package dev.kobj.launcher;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32System;

/**
 * A JVM for {@code trace --pid} to attach to: boots a kernel, prints {@code ready}, then creates and
 * closes the named event {@code Traced} every 20 ms for at most a minute (so it never outlives a test).
 */
public final class TraceTarget {
    private TraceTarget() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Win32System system = Win32.boot()) {
            Kernel32 k32 = system.attach("target.exe").kernel32();
            System.out.println("ready");
            System.out.flush();
            long end = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < end) {
                k32.CloseHandle(k32.CreateEvent(null, true, false, "Traced"));
                Thread.sleep(20);
            }
        }
    }
}
