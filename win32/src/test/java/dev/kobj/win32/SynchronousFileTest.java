package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One synchronous handle, several threads: each call reads and moves the position alone, as in NT. */
@Timeout(60)
class SynchronousFileTest {
    private static final int THREADS = 4;
    private static final int RECORDS = 500;
    private final Win32System system = Win32.boot();
    private final Kernel32 k32 = system.attach("writer.exe").kernel32();

    @AfterEach
    void close() {
        system.close();
    }

    @Test
    void threadsAppendingThroughOneHandleNeverOverwriteEachOther() throws Exception {
        long h = k32.CreateFile("C:\\shared.bin", GENERIC_READ | GENERIC_WRITE, 0, null, CREATE_ALWAYS,
                FILE_ATTRIBUTE_NORMAL, 0);
        assertNotEquals(INVALID_HANDLE_VALUE, h);
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < RECORDS; i++) {
                    byte[] record = ByteBuffer.allocate(8).putInt(id).putInt(i).array();
                    k32.WriteFile(h, record, 8, new int[1], null);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] size = new long[1];
        assertTrue(k32.GetFileSizeEx(h, size));
        assertEquals(8L * THREADS * RECORDS, size[0], "no write landed on another's position");
        assertTrue(k32.SetFilePointerEx(h, 0, null, FILE_BEGIN));
        byte[] all = new byte[(int) size[0]];
        int[] read = new int[1];
        assertTrue(k32.ReadFile(h, all, all.length, read, null));
        Set<Long> seen = new HashSet<>();
        ByteBuffer records = ByteBuffer.wrap(all);
        while (records.hasRemaining()) {
            seen.add(((long) records.getInt() << 32) | records.getInt());
        }
        assertEquals(THREADS * RECORDS, seen.size(), "every record is whole and present once");
    }
}
