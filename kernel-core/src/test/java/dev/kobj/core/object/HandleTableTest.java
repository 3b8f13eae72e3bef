package dev.kobj.core.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.HandleTablePolicy.Reuse;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandleTableTest {
    private static final ObjectType THING = ObjectType.builder("Thing")
            .genericMapping(new GenericMapping(1, 2, 4, 7)).validAccessMask(7).build();

    private static HandleEntry entry() {
        return new HandleEntry(new KernelObject(THING) {
        }, 7, 0);
    }

    @Test
    void valuesAreMultiplesOfFourFromFour() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        assertEquals(4, table.add(entry()));
        assertEquals(8, table.add(entry()));
        assertEquals(12, table.add(entry()));
        assertEquals(3, table.count());
    }

    @Test
    void lowTwoBitsAreIgnoredAndBadValuesFindNothing() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        HandleEntry e = entry();
        long h = table.add(e);
        assertSame(e, table.get(h));
        assertSame(e, table.get(h | 1));
        assertSame(e, table.get(h | 3));
        assertNull(table.get(0));
        assertNull(table.get(1));
        assertNull(table.get(3));
        assertNull(table.get(-1));
        assertNull(table.get(8));
        assertNull(table.get(Long.MAX_VALUE));
        assertNull(table.get(1L << 40));
    }

    @Test
    void entryAtReadsTheSamePagesAsGet() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        HandleEntry last = null;
        for (int i = 0; i < 3000; i++) { // three pages
            last = entry();
            table.add(last);
        }
        assertSame(table.get(3000L << 2), table.entryAt(2999));
        assertSame(last, table.entryAt(2999));
        assertSame(table.get(1025L << 2), table.entryAt(1024));
        assertNull(table.entryAt(3000), "past the last entry, in a page that exists");
        assertNull(table.entryAt(3 << 10), "a page not made yet");
        assertNull(table.entryAt(-1), "the index of handle values 1 to 3");
        assertNull(table.entryAt(Integer.MAX_VALUE));
        assertNull(table.entryAt(Integer.MIN_VALUE));
        assertNull(table.get(Long.MAX_VALUE));
        assertNull(table.get((1L << 40) + 4));
        assertNull(table.get(Long.MIN_VALUE + 4), "a negative value whose index wraps");
    }

    @Test
    void mostRecentlyFreedComesBackFirstByDefault() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        HandleEntry[] entries = {entry(), entry(), entry(), entry()};
        for (HandleEntry e : entries) {
            table.add(e);
        }
        assertTrue(table.remove(8, entries[1]));
        assertTrue(table.remove(12, entries[2]));
        assertEquals(12, table.add(entry()));
        assertEquals(8, table.add(entry()));
        assertEquals(20, table.add(entry()));
    }

    @Test
    void lowestFreePolicyReusesLowestValue() {
        HandleTable table = new HandleTable(new HandleTablePolicy(100, Reuse.LOWEST_FREE));
        HandleEntry[] entries = {entry(), entry(), entry(), entry()};
        for (HandleEntry e : entries) {
            table.add(e);
        }
        assertTrue(table.remove(12, entries[2]));
        assertTrue(table.remove(8, entries[1]));
        assertEquals(8, table.add(entry()));
        assertEquals(12, table.add(entry()));
    }

    @Test
    void fullTableRefusesAndFreedSlotIsUsableAgain() {
        HandleTable table = new HandleTable(new HandleTablePolicy(3, Reuse.MOST_RECENTLY_FREED));
        HandleEntry first = entry();
        table.add(first);
        table.add(entry());
        table.add(entry());
        assertEquals(0, table.add(entry()));
        assertTrue(table.remove(4, first));
        assertEquals(4, table.add(entry()));
        assertEquals(3, table.count());
    }

    @Test
    void removeAndReplaceAreCompareAndSet() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        HandleEntry e = entry();
        long h = table.add(e);
        HandleEntry changed = new HandleEntry(e.object(), 7, 2);
        assertTrue(table.replace(h, e, changed));
        assertFalse(table.replace(h, e, entry()), "a stale entry cannot be replaced");
        assertFalse(table.remove(h, e), "a stale entry cannot be removed");
        assertTrue(table.remove(h, changed));
        assertFalse(table.remove(h, changed), "a handle is closed once");
        assertNull(table.get(h));
        assertEquals(0, table.count());
    }

    @Test
    void addAtKeepsValuesForInheritance() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        assertTrue(table.addAt(4000, entry()));
        assertFalse(table.addAt(4000, entry()), "taken");
        assertFalse(table.addAt(4001, entry()), "not a multiple of 4");
        assertFalse(table.addAt(0, entry()));
        assertTrue(table.addAt(8, entry()));
        assertEquals(List.of(8L, 4000L), table.handles());
        assertEquals(4, table.add(entry()), "the values skipped over are free");
    }

    @Test
    void pagesGrowPastTheFirst() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        long last = 0;
        for (int i = 0; i < 5000; i++) {
            last = table.add(entry());
        }
        assertEquals(5000L * 4, last);
        assertEquals(5000, table.count());
        assertEquals(5000, table.handles().size());
    }
}
