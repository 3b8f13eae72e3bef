package dev.kobj.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SddlTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "D:",
        "D:NO_ACCESS_CONTROL",
        "D:(A;;0x100000;;;WD)",
        "D:(D;;CCDC;;;WD)(A;;0x1f0003;;;WD)",
        "O:BAG:SYD:P(A;OICI;GA;;;SY)(A;CIIO;FA;;;CO)",
        "O:S-1-5-21-1-2-3-1000G:S-1-5-21-1-2-3-513D:AI(A;ID;KR;;;BU)",
        "D:PAI(A;;FR;;;AU)S:(AU;SAFA;GA;;;WD)",
        "D:(A;;SDRCWDWO;;;OW)",
    })
    void canonicalStringsRoundTrip(String sddl) {
        SecurityDescriptor sd = Sddl.parse(sddl);
        assertEquals(sddl, Sddl.format(sd));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "X:", "D:(A;;0x1;;;XX)", "D:(A;;0x1;;WD)", "D:(Z;;0x1;;;WD)", "D:(A;QQ;0x1;;;WD)", "D:(A;;QQ;;;WD)",
        "D:(A;;0x1;;;WD", "O:WDO:WD", "D:D:", "O:", "D:(A;;0x100000000;;;WD)", "D:(A;;0x1;guid;;WD)", "D:Q",
    })
    void malformedStringsAreRefused(String sddl) {
        assertNull(Sddl.parse(sddl));
    }

    @Test
    void partsAndAcesAreParsed() {
        SecurityDescriptor sd = Sddl.parse("O:SYG:BAD:(D;OI;0x2;;;WD)(A;CI;GR;;;S-1-5-32-545)");
        assertEquals(Sid.LOCAL_SYSTEM, sd.owner());
        assertEquals(Sid.ADMINISTRATORS, sd.group());
        assertTrue(sd.daclPresent());
        assertFalse(sd.unrestricted());
        assertEquals(List.of(new Ace(Ace.ACCESS_DENIED, Ace.OBJECT_INHERIT, 2, Sid.WORLD),
                new Ace(Ace.ACCESS_ALLOWED, Ace.CONTAINER_INHERIT, 0x8000_0000, Sid.USERS)), sd.dacl().aces());
        assertEquals("O:SYG:BAD:(D;OI;DC;;;WD)(A;CI;GR;;;BU)", Sddl.format(sd), "rights by name, SIDs by alias");
    }

    @Test
    void nullAndEmptyDaclsDiffer() {
        SecurityDescriptor nullDacl = Sddl.parse("D:NO_ACCESS_CONTROL");
        assertTrue(nullDacl.daclPresent());
        assertTrue(nullDacl.unrestricted());
        SecurityDescriptor empty = Sddl.parse("D:");
        assertTrue(empty.daclPresent());
        assertFalse(empty.unrestricted());
        assertEquals(0, empty.dacl().size());
        SecurityDescriptor none = Sddl.parse("O:WD");
        assertFalse(none.daclPresent());
        assertTrue(none.unrestricted());
    }

    @Test
    void numbersInAnyBaseAndRightsWithoutAName() {
        assertEquals(0x1F0003, Sddl.parse("D:(A;;2031619;;;WD)").dacl().aces().get(0).mask());
        assertEquals(8, Sddl.parse("D:(A;;010;;;WD)").dacl().aces().get(0).mask());
        assertEquals("D:(A;;0x100001;;;WD)", Sddl.parse("D:(A;;0x100001;;;WD)").toString(),
                "SYNCHRONIZE has no name, so the whole mask is hexadecimal");
        assertEquals("D:(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;WD)", Sddl.parse("D:(A;;0xF01FF;;;WD)").toString());
    }

    @Test
    void sidsParseAndPrint() {
        assertEquals("S-1-5-32-544", Sid.ADMINISTRATORS.toString());
        assertEquals(Sid.ADMINISTRATORS, Sid.parse("S-1-5-32-544"));
        assertEquals(16, Sid.ADMINISTRATORS.length());
        assertEquals("S-1-5-21-4294967295", Sid.of(5, 21, -1).toString(), "sub-authorities are unsigned");
        assertNull(Sid.parse("S-2-5"));
        assertNull(Sid.parse("S-1-x"));
        assertNull(Sid.parse("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"));
        assertEquals("WD", Sddl.formatSid(Sid.WORLD));
        assertEquals(Sid.local(1000), Sddl.parseSid(Sid.local(1000).toString()));
    }
}
