package dev.kobj.core.object;

import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KThread;
import dev.kobj.core.CoreTypes;
import dev.kobj.core.testplugin.CounterModule;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * An exact heap measure: the bytes this thread allocates to make unnamed objects with one handle each
 * (a body with nothing but the header, its handle entry and its slot in the table's pages), and none for a
 * lookup. Budget: 96 bytes per object with its handle.
 */
class FootprintTest {
    private static final int COUNT = 50_000;
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void unnamedObjectWithItsHandleFitsIn96Bytes() {
        try (KernelFixture k = new KernelFixture()) {
            KThread caller = k.newCaller("footprint.exe");
            long[] handle = new long[1];
            warmUp(k, caller, handle);
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < COUNT; i++) {
                KernelObject object = new KernelObject(CoreTypes.TOKEN) {
                };
                k.objects.insert(caller.process(), object, 1, 0, handle);
                object.dereference(); // the creator's reference; the handle keeps the object
            }
            long perObject = (threads.getCurrentThreadAllocatedBytes() - before) / COUNT;
            System.out.println("footprint: an unnamed object with its handle costs " + perObject + " bytes");
            assertTrue(perObject <= 96, "an unnamed object with its handle costs " + perObject + " bytes");
        }
    }

    @Test
    void lookupAllocatesNothing() {
        try (KernelFixture k = new KernelFixture()) {
            KThread caller = k.newCaller("lookup.exe");
            long[] handle = new long[1];
            assertEquals(STATUS_SUCCESS, k.counters.create(caller, null, 3, 0, handle));
            long sum = 0;
            for (int i = 0; i < 100_000; i++) { // warm up into compiled code
                sum += lookup(k, caller, handle[0]);
            }
            // The best of three rounds: a JIT transition on a loaded machine can allocate once.
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 3 && allocated != 0; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 100_000; i++) {
                    sum += lookup(k, caller, handle[0]);
                }
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
            }
            assertEquals(0, allocated, "bytes allocated by 100,000 lookups (sum " + sum + ")");
        }
    }

    private static int lookup(KernelFixture k, KThread caller, long handle) {
        HandleEntry entry = k.objects.lookup(caller, handle);
        return entry.check(CounterModule.COUNTER, 1) + entry.grantedAccess();
    }

    private static void warmUp(KernelFixture k, KThread caller, long[] handle) {
        KernelObject object = new KernelObject(CoreTypes.TOKEN) {
        };
        k.objects.insert(caller.process(), object, 1, 0, handle);
        object.dereference();
        k.objects.close(caller, handle[0]);
    }
}
