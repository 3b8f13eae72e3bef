package dev.kobj.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.management.ThreadMXBean;
import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.SecurityDescriptor;
import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** Default security costs no allocation: objects share the token's descriptor, and the check allocates nothing. */
class SecurityFootprintTest {
    private static final GenericMapping EVENT = new GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003);
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final TokenObject token = new TokenObject(Identity.DEFAULT, 1);

    /** Bytes this thread allocates over 100,000 calls once warm; the best of three rounds. */
    private long allocated(IntSupplier call) {
        long sum = 0;
        for (int i = 0; i < 100_000; i++) {
            sum += call.getAsInt();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3 && best != 0; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                sum += call.getAsInt();
            }
            best = Math.min(best, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return sum == 42 ? -1 : best;
    }

    @Test
    void defaultDescriptorIsSharedAndFree() {
        SecurityDescriptor parent = SecurityDescriptor.of(null, null, token.defaultDescriptor().dacl());
        assertSame(token.defaultDescriptor(), ObjectSecurity.assign(null, parent, false, token, EVENT));
        assertSame(token.defaultDescriptor(), ObjectSecurity.assign(null, null, true, token, EVENT));
        assertEquals(0, allocated(() -> ObjectSecurity.assign(null, parent, false, token, EVENT).control()));
    }

    @Test
    void accessCheckAllocatesNothing() {
        SecurityDescriptor sd = token.defaultDescriptor();
        Identity identity = token.identity();
        assertEquals(0x1F0003, AccessCheck.check(sd, identity, 0x0200_0000, EVENT));
        assertEquals(0, allocated(() -> AccessCheck.check(sd, identity, 0x1F0003, EVENT)));
        assertEquals(0, allocated(() -> AccessCheck.check(sd, identity, 0x0200_0000, EVENT)));
    }
}
