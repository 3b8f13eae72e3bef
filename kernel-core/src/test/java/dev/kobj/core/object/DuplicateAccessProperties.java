package dev.kobj.core.object;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static dev.kobj.core.testplugin.CounterService.COUNTER_ALL_ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.Sddl;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Duplication never widens access, whatever the request, the options and the object's descriptor. */
class DuplicateAccessProperties {
    private static final int DUP = ObjectManager.DUPLICATE_SAME_ACCESS;

    @Provide
    Arbitrary<Integer> masks() {
        // bits of the Counter type, generic bits, MAXIMUM_ALLOWED, reserved and specific bits it lacks
        return Arbitraries.integers().between(0, 31).list().ofMaxSize(6)
                .map(bits -> bits.stream().mapToInt(bit -> 1 << bit).reduce(0, (x, y) -> x | y));
    }

    @Provide
    Arbitrary<Integer> sources() {
        return Arbitraries.oneOf(masks(), Arbitraries.of(1, 2, 3, 0x20001, 0x0200_0000, 0x1000_0000, COUNTER_ALL_ACCESS));
    }

    @Provide
    Arbitrary<String> descriptors() {
        return Arbitraries.of("D:NO_ACCESS_CONTROL", "D:", "D:(A;;GA;;;WD)", "D:(A;;0x1;;;WD)",
                "D:(D;;0x2;;;WD)(A;;GA;;;WD)");
    }

    @Property(tries = 300)
    void aDuplicateHasNoRightItsSourceLacks(@ForAll("sources") int sourceRequest, @ForAll("masks") int dupRequest,
            @ForAll boolean sameAccess, @ForAll("descriptors") String sddl) {
        try (KernelFixture k = new KernelFixture()) {
            KThread owner = k.newCaller("owner.exe");
            KThread other = k.newCaller("other.exe", Identity.user(2000));
            long[] created = new long[1];
            ObjectAttributes name = new ObjectAttributes(0, "\\BaseNamedObjects\\dup", 0, Sddl.parse(sddl));
            assertEquals(STATUS_SUCCESS, k.counters.create(owner, name, COUNTER_ALL_ACCESS, 0, created));
            long[] source = new long[1];
            int opened = k.counters.open(other, new ObjectAttributes(0, "\\BaseNamedObjects\\dup", 0),
                    sourceRequest, source);
            Statistics.label("source opened").collect(opened == STATUS_SUCCESS);
            if (opened != STATUS_SUCCESS) {
                return;
            }
            int sourceAccess = k.objects.lookup(other, source[0]).grantedAccess();
            int handlesBefore = k.objects.lookup(owner, created[0]).object().handleCount();
            long[] dup = new long[1];
            int status = k.objects.duplicate(other, ObjectManager.CURRENT_PROCESS, source[0],
                    ObjectManager.CURRENT_PROCESS, dup, dupRequest, 0, sameAccess ? DUP : 0);
            Statistics.label("duplicated").collect(status == STATUS_SUCCESS);
            if (status == STATUS_SUCCESS) {
                int dupAccess = k.objects.lookup(other, dup[0]).grantedAccess();
                assertEquals(0, dupAccess & ~sourceAccess, "widened: " + Integer.toHexString(dupAccess));
                assertTrue(!sameAccess || dupAccess == sourceAccess);
            } else {
                assertEquals(STATUS_ACCESS_DENIED, status);
                assertEquals(0, dup[0]);
                assertEquals(handlesBefore, k.objects.lookup(owner, created[0]).object().handleCount(),
                        "a refused duplicate changes nothing");
            }
        }
    }
}
