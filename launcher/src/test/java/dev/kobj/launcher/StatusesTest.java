package dev.kobj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kobj.api.status.NtStatus;
import dev.kobj.api.status.NtStatus.StatusInfo;
import dev.kobj.api.status.StatusRegistry;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusesTest {
    /** A kernel whose plugin added STATUS_COUNTER_OVERFLOW (ERROR_ARITHMETIC_OVERFLOW, 534). */
    private final StatusRegistry statuses = new StatusRegistry() {
        private final StatusInfo overflow = new StatusInfo(0xE001_0001, "STATUS_COUNTER_OVERFLOW", 534);

        @Override
        public StatusInfo info(int status) {
            return status == overflow.code() ? overflow : NtStatus.info(status);
        }

        @Override
        public Collection<StatusInfo> all() {
            return List.of(overflow);
        }
    };

    @Test
    void aFailureIsItsNtNameAndItsWin32Error() {
        assertEquals("STATUS_OBJECT_NAME_NOT_FOUND (ERROR_FILE_NOT_FOUND 2)",
                Statuses.describe(statuses, NtStatus.STATUS_OBJECT_NAME_NOT_FOUND));
    }

    @Test
    void aPluginsOwnStatusPrintsAsABuiltInOneDoes() {
        assertEquals("STATUS_COUNTER_OVERFLOW (ERROR_534 534)", Statuses.describe(statuses, 0xE001_0001));
    }

    @Test
    void aSuccessIsItsNameAloneAndAnUnknownFailureItsHexValue() {
        assertEquals("STATUS_SUCCESS", Statuses.describe(statuses, 0));
        assertEquals("0xC0FFFFFF (ERROR_MR_MID_NOT_FOUND 317)", Statuses.describe(statuses, 0xC0FF_FFFF));
    }
}
