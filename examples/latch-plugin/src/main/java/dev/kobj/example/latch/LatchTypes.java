package dev.kobj.example.latch;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.ObjectType;

/** The CountdownLatch type: its rights and how generic rights map onto them. */
final class LatchTypes {
    static final ObjectType LATCH = ObjectType.builder("CountdownLatch")
            .genericMapping(new GenericMapping(
                    0x20000 | LatchService.LATCH_QUERY_STATE,   // GENERIC_READ
                    0x20000 | LatchService.LATCH_COUNT_DOWN,    // GENERIC_WRITE
                    0x120000,                                   // GENERIC_EXECUTE: READ_CONTROL | SYNCHRONIZE
                    LatchService.LATCH_ALL_ACCESS))             // GENERIC_ALL
            .validAccessMask(LatchService.LATCH_ALL_ACCESS)
            .waitable(true)
            .build();

    private LatchTypes() {
    }
}
