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
    void entryPastFirstReadsTheSameSlotsAsGet() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        HandleEntry last = null;
        for (int i = 0; i < 3000; i++) { // the first page, then the rest grown twice
            last = entry();
            table.add(last);
        }
        assertSame(table.get(3000L << 2), table.entryPastFirst(2999));
        assertSame(last, table.entryPastFirst(2999));
        assertSame(table.get(1025L << 2), table.entryPastFirst(1024));
        assertNull(table.entryPastFirst(3000), "past the last entry, within the array");
        assertNull(table.entryPastFirst(1 << 20), "past the array");
        assertNull(table.entryPastFirst(1023), "an index of the first page is not past it");
        assertNull(table.entryPastFirst(0));
        assertNull(table.entryPastFirst(-1), "the index of handle values 1 to 3");
        assertNull(table.entryPastFirst(Integer.MAX_VALUE));
        assertNull(table.entryPastFirst(Integer.MIN_VALUE));
        assertNull(table.get(Long.MAX_VALUE));
        assertNull(table.get((1L << 40) + 4));
        assertNull(table.get(Long.MIN_VALUE + 4), "a negative value whose index wraps");
    }

    @Test
    void growingKeepsEveryEntryAndItsValue() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        List<HandleEntry> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            HandleEntry e = entry();
            made.add(e);
            assertEquals(((long) i + 1) << 2, table.add(e));
        }
        for (int i = 0; i < made.size(); i++) {
            assertSame(made.get(i), table.get(((long) i + 1) << 2), "value " + ((i + 1) << 2));
        }
        assertTrue(table.remove(4000L << 2, made.get(3999)));
        assertFalse(table.remove(4000L << 2, made.get(3999)), "a second close of one handle fails");
        assertNull(table.get(4000L << 2));
        HandleEntry replacement = entry();
        assertTrue(table.replace(2000L << 2, made.get(1999), replacement));
        assertFalse(table.replace(2000L << 2, made.get(1999), entry()), "the slot changed");
        assertSame(replacement, table.get(2000L << 2));
        assertEquals(4999, table.count());
        assertEquals(4999, table.handles().size());
        assertEquals(4L, table.handles().get(0));
        assertEquals(5000L << 2, table.handles().get(4998));
    }

    @Test
    void addAtPastTheEndGrowsToThatValue() {
        HandleTable table = new HandleTable(HandleTablePolicy.DEFAULT);
        HandleEntry e = entry();
        assertTrue(table.addAt(100_000L << 2, e));
        assertSame(e, table.get(100_000L << 2));
        assertNull(table.get(99_999L << 2));
        assertEquals(List.of(100_000L << 2), table.handles());
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
