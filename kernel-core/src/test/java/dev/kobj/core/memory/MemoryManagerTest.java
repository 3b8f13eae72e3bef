package dev.kobj.core.memory;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.memory.BackingStore;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryManagerTest {
    private static final long MIB = 1 << 20;
    private final MemoryManager memory = new MemoryManager();

    @Test
    void aNewStoreIsZeroedAndNeverSharesAnAddressWithAnEarlierOne() {
        List<BackingStore> stores = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            BackingStore store = memory.pagefile(MIB + 1);
            assertEquals(MIB + 1, store.size());
            assertEquals(0, store.segment().get(JAVA_LONG, 0));
            assertEquals(0, store.segment().get(JAVA_LONG, MIB - 8));
            store.segment().fill((byte) 0x5A);
            for (BackingStore earlier : stores) {
                assertFalse(overlap(earlier.segment(), store.segment()), "store " + i + " overlaps an earlier one");
            }
            stores.add(store);
            store.release(); // released at once: its range is still never handed out again
        }
    }

    @Test
    void aSegmentKeptPastItsStoreReadsItsOwnBytesOrZerosNeverAnothersAndNoFault() {
        List<MemorySegment> stale = new ArrayList<>();
        for (int i = 0; i < 48; i++) { // 48 MiB released: more than one batch is given back
            BackingStore store = memory.pagefile(MIB);
            store.segment().set(JAVA_LONG, 0, i + 1L);
            stale.add(store.segment());
            store.release();
            store.release(); // idempotent
        }
        int zeros = 0;
        for (int i = 0; i < stale.size(); i++) {
            long value = stale.get(i).get(JAVA_LONG, 0);
            assertTrue(value == 0 || value == i + 1L, "stale segment " + i + " reads " + value);
            zeros += value == 0 ? 1 : 0;
        }
        assertTrue(zeros >= 32, "the first batch of released pages went back to the system: " + zeros + " zeroed");
    }

    @Test
    void aLargeStoreGetsAMappingOfItsOwnAndReadsZerosAfterRelease() {
        BackingStore large = memory.pagefile(PagefileSlab.MAX_CARVED + 4096);
        large.segment().set(JAVA_LONG, PagefileSlab.MAX_CARVED, 7L);
        assertEquals(7L, large.segment().get(JAVA_LONG, PagefileSlab.MAX_CARVED));
        large.release();
        assertEquals(0L, large.segment().get(JAVA_LONG, PagefileSlab.MAX_CARVED));
    }

    private static boolean overlap(MemorySegment a, MemorySegment b) {
        return a.address() < b.address() + b.byteSize() && b.address() < a.address() + a.byteSize();
    }
}
