package dev.kobj.hardening;

import dev.kobj.api.status.NtStatus;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The statuses and Win32 errors the shared documents name (nt-semantics.md, most of all §11, and
 * win32-contract.md): a call that reports anything else has leaked an undocumented code.
 */
final class Documented {
    /** Every Win32 error value the documents give, with WAIT_TIMEOUT and ERROR_CALL_NOT_IMPLEMENTED. */
    static final Set<Integer> ERRORS = Stream.of(0, 1, 2, 3, 5, 6, 8, 24, 31, 32, 33, 38, 50, 80, 87, 109, 120,
            121, 122, 123, 128, 131, 145, 158, 161, 183, 206, 230, 231, 232, 233, 234, 258, 259, 267, 288, 298,
            487, 535, 536, 587, 698, 721, 722, 735, 737, 739, 741, 995, 996, 997, 998, 1006, 1132, 1224, 1314,
            1450, 1460, 1656, 1816).collect(Collectors.toUnmodifiableSet());

    /** Every NTSTATUS the documents name, resolved through kobj's registry of names. */
    static final Set<Integer> STATUSES = Stream.concat(Stream.of("STATUS_ABANDONED", "STATUS_ACCESS_DENIED",
            "STATUS_ACCESS_VIOLATION", "STATUS_ALERTED", "STATUS_BUFFER_OVERFLOW", "STATUS_BUFFER_TOO_SMALL",
            "STATUS_CANCELLED", "STATUS_CANNOT_DELETE", "STATUS_DATATYPE_MISALIGNMENT", "STATUS_DELETE_PENDING",
            "STATUS_DIRECTORY_NOT_EMPTY", "STATUS_END_OF_FILE", "STATUS_FILE_CLOSED", "STATUS_FILE_IS_A_DIRECTORY",
            "STATUS_FILE_LOCK_CONFLICT", "STATUS_HANDLE_NOT_CLOSABLE", "STATUS_INFO_LENGTH_MISMATCH",
            "STATUS_INSTANCE_NOT_AVAILABLE", "STATUS_INSUFFICIENT_RESOURCES", "STATUS_INVALID_CID",
            "STATUS_INVALID_DEVICE_REQUEST", "STATUS_INVALID_HANDLE", "STATUS_INVALID_INFO_CLASS",
            "STATUS_INVALID_PAGE_PROTECTION", "STATUS_INVALID_PARAMETER", "STATUS_INVALID_PARAMETER_MIX",
            "STATUS_INVALID_PIPE_STATE", "STATUS_INVALID_READ_MODE", "STATUS_INVALID_VIEW_SIZE",
            "STATUS_IO_TIMEOUT", "STATUS_KERNEL_APC", "STATUS_LOCK_NOT_GRANTED", "STATUS_MAPPED_FILE_SIZE_ZERO",
            "STATUS_MORE_ENTRIES", "STATUS_MUTANT_LIMIT_EXCEEDED", "STATUS_MUTANT_NOT_OWNED", "STATUS_NAME_TOO_LONG",
            "STATUS_NOT_A_DIRECTORY", "STATUS_NOT_FOUND", "STATUS_NOT_IMPLEMENTED", "STATUS_NOT_SAME_OBJECT",
            "STATUS_NOT_SUPPORTED", "STATUS_NO_MEMORY", "STATUS_NO_MORE_ENTRIES", "STATUS_NO_SUCH_FILE",
            "STATUS_NO_YIELD_PERFORMED", "STATUS_OBJECT_NAME_COLLISION", "STATUS_OBJECT_NAME_EXISTS",
            "STATUS_OBJECT_NAME_INVALID", "STATUS_OBJECT_NAME_NOT_FOUND", "STATUS_OBJECT_PATH_INVALID",
            "STATUS_OBJECT_PATH_NOT_FOUND", "STATUS_OBJECT_PATH_SYNTAX_BAD", "STATUS_OBJECT_TYPE_MISMATCH",
            "STATUS_PENDING", "STATUS_PIPE_BROKEN", "STATUS_PIPE_BUSY", "STATUS_PIPE_CLOSING",
            "STATUS_PIPE_CONNECTED", "STATUS_PIPE_DISCONNECTED", "STATUS_PIPE_EMPTY", "STATUS_PIPE_LISTENING",
            "STATUS_PIPE_NOT_AVAILABLE", "STATUS_PORT_CONNECTION_REFUSED", "STATUS_PORT_DISCONNECTED",
            "STATUS_PRIVILEGE_NOT_HELD", "STATUS_PROCESS_IN_JOB", "STATUS_PROCESS_IS_TERMINATING",
            "STATUS_PROCESS_NOT_IN_JOB", "STATUS_QUOTA_EXCEEDED", "STATUS_RANGE_NOT_LOCKED", "STATUS_REPARSE",
            "STATUS_REPARSE_OBJECT", "STATUS_REPLY_MESSAGE_MISMATCH", "STATUS_SEMAPHORE_LIMIT_EXCEEDED",
            "STATUS_SHARING_VIOLATION", "STATUS_SUCCESS", "STATUS_THREAD_IS_TERMINATING", "STATUS_TIMEOUT",
            "STATUS_TIMER_RESUME_IGNORED", "STATUS_UNSUCCESSFUL", "STATUS_USER_APC")
                    .map(Documented::status),
            // STATUS_WAIT_0..63, STATUS_ABANDONED_WAIT_0..63, STATUS_INVALID_PARAMETER_1..12
            Stream.of(IntStream.rangeClosed(0, 0x3F), IntStream.rangeClosed(0x80, 0xBF),
                    IntStream.rangeClosed(0xC00000EF, 0xC00000FA)).flatMap(IntStream::boxed))
            .collect(Collectors.toUnmodifiableSet());

    private Documented() {
    }

    private static int status(String name) {
        try {
            return NtStatus.class.getField(name).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("kobj's NtStatus lacks the documented " + name, e);
        }
    }

    static boolean error(int error) {
        return ERRORS.contains(error);
    }

    static boolean status(int status) {
        return STATUSES.contains(status);
    }

    static String hex(int status) {
        return String.format("0x%08X (%s)", status, NtStatus.name(status));
    }
}
