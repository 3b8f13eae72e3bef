package dev.kobj.api.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GenericMappingTest {
    /** The Event type's mapping (nt-semantics.md §4.2). */
    private final GenericMapping event = new GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003);

    @Test
    void eachGenericBitMapsToItsRights() {
        assertEquals(0x20001, event.map(GenericMapping.GENERIC_READ));
        assertEquals(0x20002, event.map(GenericMapping.GENERIC_WRITE));
        assertEquals(0x120000, event.map(GenericMapping.GENERIC_EXECUTE));
        assertEquals(0x1F0003, event.map(GenericMapping.GENERIC_ALL));
        assertEquals(0x120003, event.map(GenericMapping.GENERIC_READ | GenericMapping.GENERIC_WRITE
                | GenericMapping.GENERIC_EXECUTE));
    }

    @Test
    void specificAndStandardBitsPassThrough() {
        assertEquals(0x100002, event.map(0x100002));
        assertEquals(0x120003, event.map(GenericMapping.GENERIC_READ | 0x100002));
        assertEquals(0, event.map(0));
        assertEquals(0x0200_0000, event.map(0x0200_0000), "MAXIMUM_ALLOWED is not a generic bit");
    }

    @Test
    void typeNamesFollowTheRules() {
        assertThrows(IllegalArgumentException.class, () -> ObjectType.builder(""));
        assertThrows(IllegalArgumentException.class, () -> ObjectType.builder("a\\b"));
        assertThrows(NullPointerException.class, () -> ObjectType.builder(null));
        assertThrows(NullPointerException.class, () -> ObjectType.builder("T").build(), "a mapping is required");
        ObjectType type = ObjectType.builder("T").genericMapping(event).validAccessMask(0x1F0003).waitable(true).build();
        assertEquals("T", type.name());
        assertEquals(0x1F0003, type.validAccessMask());
        assertEquals(true, type.waitable());
    }
}
