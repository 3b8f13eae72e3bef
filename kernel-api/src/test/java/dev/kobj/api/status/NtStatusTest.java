package dev.kobj.api.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NtStatusTest {
    @Test
    void mapsAsWindowsDoes() {
        assertEquals(0, NtStatus.toDosError(NtStatus.STATUS_SUCCESS));
        assertEquals(6, NtStatus.toDosError(NtStatus.STATUS_INVALID_HANDLE));
        assertEquals(6, NtStatus.toDosError(NtStatus.STATUS_OBJECT_TYPE_MISMATCH));
        assertEquals(6, NtStatus.toDosError(NtStatus.STATUS_HANDLE_NOT_CLOSABLE));
        assertEquals(5, NtStatus.toDosError(NtStatus.STATUS_ACCESS_DENIED));
        assertEquals(2, NtStatus.toDosError(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND));
        assertEquals(3, NtStatus.toDosError(NtStatus.STATUS_OBJECT_PATH_NOT_FOUND));
        assertEquals(161, NtStatus.toDosError(NtStatus.STATUS_OBJECT_PATH_SYNTAX_BAD));
        assertEquals(183, NtStatus.toDosError(NtStatus.STATUS_OBJECT_NAME_COLLISION));
        assertEquals(123, NtStatus.toDosError(NtStatus.STATUS_OBJECT_NAME_INVALID));
        assertEquals(24, NtStatus.toDosError(NtStatus.STATUS_INFO_LENGTH_MISMATCH));
        assertEquals(87, NtStatus.toDosError(NtStatus.STATUS_INVALID_PARAMETER_MIX));
        assertEquals(288, NtStatus.toDosError(NtStatus.STATUS_MUTANT_NOT_OWNED));
        assertEquals(298, NtStatus.toDosError(NtStatus.STATUS_SEMAPHORE_LIMIT_EXCEEDED));
        assertEquals(995, NtStatus.toDosError(NtStatus.STATUS_CANCELLED));
        assertEquals(1450, NtStatus.toDosError(NtStatus.STATUS_INSUFFICIENT_RESOURCES));
        assertEquals(1656, NtStatus.toDosError(NtStatus.STATUS_NOT_SAME_OBJECT));
        assertEquals(259, NtStatus.toDosError(NtStatus.STATUS_NO_MORE_ENTRIES));
        assertEquals(234, NtStatus.toDosError(NtStatus.STATUS_BUFFER_OVERFLOW));
        assertEquals(1, NtStatus.toDosError(NtStatus.STATUS_NOT_IMPLEMENTED));
        assertEquals(128, NtStatus.toDosError(NtStatus.STATUS_ABANDONED_WAIT_0));
        assertEquals(731, NtStatus.toDosError(NtStatus.STATUS_WAIT_1));
        assertEquals(734, NtStatus.toDosError(NtStatus.STATUS_WAIT_63));
    }

    @Test
    void unknownStatusGivesMrMidNotFound() {
        assertEquals(317, NtStatus.toDosError(0xC0FF_EE00));
        assertEquals(317, NtStatus.toDosError(0x0000_0010));
        assertNull(NtStatus.info(0xC0FF_EE00));
        assertEquals("0xC0FFEE00", NtStatus.name(0xC0FF_EE00));
    }

    @Test
    void severities() {
        assertTrue(NtStatus.isSuccess(NtStatus.STATUS_SUCCESS));
        assertTrue(NtStatus.isSuccess(NtStatus.STATUS_OBJECT_NAME_EXISTS));
        assertTrue(NtStatus.isInformation(NtStatus.STATUS_OBJECT_NAME_EXISTS));
        assertTrue(NtStatus.isWarning(NtStatus.STATUS_BUFFER_OVERFLOW));
        assertFalse(NtStatus.isSuccess(NtStatus.STATUS_BUFFER_OVERFLOW));
        assertTrue(NtStatus.isError(NtStatus.STATUS_ACCESS_DENIED));
        assertEquals(NtStatus.SEVERITY_ERROR, NtStatus.info(NtStatus.STATUS_ACCESS_DENIED).severity());
    }

    @Test
    void everyConstantIsRegisteredUnderItsOwnName() throws IllegalAccessException {
        Set<Integer> seen = new HashSet<>();
        for (Field field : NtStatus.class.getFields()) {
            if (!field.getName().startsWith("STATUS_") || !Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            int code = field.getInt(null);
            if (!seen.add(code)) {
                continue; // aliases: STATUS_WAIT_0 = STATUS_SUCCESS, STATUS_ABANDONED = STATUS_ABANDONED_WAIT_0
            }
            assertEquals(code, NtStatus.info(code).code(), field.getName());
        }
        assertEquals("STATUS_ACCESS_DENIED", NtStatus.name(0xC0000022));
    }
}
