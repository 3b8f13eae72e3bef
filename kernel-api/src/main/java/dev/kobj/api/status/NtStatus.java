package dev.kobj.api.status;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The NTSTATUS values kobj's services return, as plain {@code int} bit patterns (no allocation;
 * {@code STATUS_WAIT_0 + i} is arithmetic), and the registry of their names and Win32 errors
 * (nt-semantics.md §11), from which {@link #toDosError(int)} (RtlNtStatusToDosError) is answered.
 *
 * <p>Bits 31–30 are the severity (success, informational, warning, error); bit 29 is the customer bit
 * that plugin-defined statuses carry.
 *
 * @since 0.1
 */
public final class NtStatus {
    public static final int STATUS_SUCCESS = 0x00000000;
    public static final int STATUS_WAIT_0 = 0x00000000;
    public static final int STATUS_WAIT_1 = 0x00000001;
    public static final int STATUS_WAIT_2 = 0x00000002;
    public static final int STATUS_WAIT_3 = 0x00000003;
    public static final int STATUS_WAIT_63 = 0x0000003F;
    public static final int STATUS_ABANDONED = 0x00000080;
    public static final int STATUS_ABANDONED_WAIT_0 = 0x00000080;
    public static final int STATUS_ABANDONED_WAIT_63 = 0x000000BF;
    public static final int STATUS_USER_APC = 0x000000C0;
    public static final int STATUS_KERNEL_APC = 0x00000100;
    public static final int STATUS_ALERTED = 0x00000101;
    public static final int STATUS_TIMEOUT = 0x00000102;
    public static final int STATUS_PENDING = 0x00000103;
    public static final int STATUS_REPARSE = 0x00000104;
    public static final int STATUS_MORE_ENTRIES = 0x00000105;
    public static final int STATUS_REPARSE_OBJECT = 0x00000118;
    public static final int STATUS_PROCESS_NOT_IN_JOB = 0x00000122;
    public static final int STATUS_PROCESS_IN_JOB = 0x00000123;
    public static final int STATUS_OBJECT_NAME_EXISTS = 0x40000000;
    public static final int STATUS_NO_YIELD_PERFORMED = 0x40000024;
    public static final int STATUS_TIMER_RESUME_IGNORED = 0x40000025;
    public static final int STATUS_DATATYPE_MISALIGNMENT = 0x80000002;
    public static final int STATUS_BUFFER_OVERFLOW = 0x80000005;
    public static final int STATUS_NO_MORE_FILES = 0x80000006;
    public static final int STATUS_NO_MORE_ENTRIES = 0x8000001A;
    public static final int STATUS_UNSUCCESSFUL = 0xC0000001;
    public static final int STATUS_NOT_IMPLEMENTED = 0xC0000002;
    public static final int STATUS_INVALID_INFO_CLASS = 0xC0000003;
    public static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;
    public static final int STATUS_ACCESS_VIOLATION = 0xC0000005;
    public static final int STATUS_INVALID_HANDLE = 0xC0000008;
    public static final int STATUS_INVALID_CID = 0xC000000B;
    public static final int STATUS_INVALID_PARAMETER = 0xC000000D;
    public static final int STATUS_NO_SUCH_FILE = 0xC000000F;
    public static final int STATUS_INVALID_DEVICE_REQUEST = 0xC0000010;
    public static final int STATUS_END_OF_FILE = 0xC0000011;
    public static final int STATUS_NO_MEMORY = 0xC0000017;
    public static final int STATUS_INVALID_VIEW_SIZE = 0xC000001F;
    public static final int STATUS_ACCESS_DENIED = 0xC0000022;
    public static final int STATUS_BUFFER_TOO_SMALL = 0xC0000023;
    public static final int STATUS_INVALID_FILE_FOR_SECTION = 0xC0000020;
    public static final int STATUS_OBJECT_TYPE_MISMATCH = 0xC0000024;
    public static final int STATUS_INVALID_PARAMETER_MIX = 0xC0000030;
    public static final int STATUS_OBJECT_NAME_INVALID = 0xC0000033;
    public static final int STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;
    public static final int STATUS_OBJECT_NAME_COLLISION = 0xC0000035;
    public static final int STATUS_PORT_DISCONNECTED = 0xC0000037;
    public static final int STATUS_OBJECT_PATH_INVALID = 0xC0000039;
    public static final int STATUS_OBJECT_PATH_NOT_FOUND = 0xC000003A;
    public static final int STATUS_OBJECT_PATH_SYNTAX_BAD = 0xC000003B;
    public static final int STATUS_PORT_CONNECTION_REFUSED = 0xC0000041;
    public static final int STATUS_SHARING_VIOLATION = 0xC0000043;
    public static final int STATUS_QUOTA_EXCEEDED = 0xC0000044;
    public static final int STATUS_INVALID_PAGE_PROTECTION = 0xC0000045;
    public static final int STATUS_MUTANT_NOT_OWNED = 0xC0000046;
    public static final int STATUS_SEMAPHORE_LIMIT_EXCEEDED = 0xC0000047;
    public static final int STATUS_THREAD_IS_TERMINATING = 0xC000004B;
    public static final int STATUS_FILE_LOCK_CONFLICT = 0xC0000054;
    public static final int STATUS_LOCK_NOT_GRANTED = 0xC0000055;
    public static final int STATUS_DELETE_PENDING = 0xC0000056;
    public static final int STATUS_PRIVILEGE_NOT_HELD = 0xC0000061;
    public static final int STATUS_INVALID_OWNER = 0xC000005A;
    public static final int STATUS_INVALID_SECURITY_DESCR = 0xC0000079;
    public static final int STATUS_NO_TOKEN = 0xC000007C;
    public static final int STATUS_NOT_MAPPED_VIEW = 0xC0000019;
    public static final int STATUS_SECTION_TOO_BIG = 0xC0000040;
    public static final int STATUS_SECTION_PROTECTION = 0xC000004E;
    public static final int STATUS_MAPPED_ALIGNMENT = 0xC0000220;
    public static final int STATUS_PORT_MESSAGE_TOO_LONG = 0xC000002F;
    public static final int STATUS_COMMITMENT_LIMIT = 0xC000012D;
    public static final int STATUS_RANGE_NOT_LOCKED = 0xC000007E;
    public static final int STATUS_INSUFFICIENT_RESOURCES = 0xC000009A;
    public static final int STATUS_INSTANCE_NOT_AVAILABLE = 0xC00000AB;
    public static final int STATUS_PIPE_NOT_AVAILABLE = 0xC00000AC;
    public static final int STATUS_INVALID_PIPE_STATE = 0xC00000AD;
    public static final int STATUS_PIPE_BUSY = 0xC00000AE;
    public static final int STATUS_PIPE_DISCONNECTED = 0xC00000B0;
    public static final int STATUS_PIPE_CLOSING = 0xC00000B1;
    public static final int STATUS_PIPE_CONNECTED = 0xC00000B2;
    public static final int STATUS_PIPE_LISTENING = 0xC00000B3;
    public static final int STATUS_INVALID_READ_MODE = 0xC00000B4;
    public static final int STATUS_IO_TIMEOUT = 0xC00000B5;
    public static final int STATUS_FILE_IS_A_DIRECTORY = 0xC00000BA;
    public static final int STATUS_NOT_SUPPORTED = 0xC00000BB;
    public static final int STATUS_PIPE_EMPTY = 0xC00000D9;
    public static final int STATUS_INVALID_PARAMETER_1 = 0xC00000EF;
    public static final int STATUS_INVALID_PARAMETER_2 = 0xC00000F0;
    public static final int STATUS_INVALID_PARAMETER_3 = 0xC00000F1;
    public static final int STATUS_INVALID_PARAMETER_4 = 0xC00000F2;
    public static final int STATUS_INVALID_PARAMETER_5 = 0xC00000F3;
    public static final int STATUS_INVALID_PARAMETER_6 = 0xC00000F4;
    public static final int STATUS_INVALID_PARAMETER_7 = 0xC00000F5;
    public static final int STATUS_INVALID_PARAMETER_8 = 0xC00000F6;
    public static final int STATUS_INVALID_PARAMETER_9 = 0xC00000F7;
    public static final int STATUS_INVALID_PARAMETER_10 = 0xC00000F8;
    public static final int STATUS_INVALID_PARAMETER_11 = 0xC00000F9;
    public static final int STATUS_INVALID_PARAMETER_12 = 0xC00000FA;
    public static final int STATUS_DIRECTORY_NOT_EMPTY = 0xC0000101;
    public static final int STATUS_NOT_A_DIRECTORY = 0xC0000103;
    public static final int STATUS_NAME_TOO_LONG = 0xC0000106;
    public static final int STATUS_PROCESS_IS_TERMINATING = 0xC000010A;
    public static final int STATUS_MAPPED_FILE_SIZE_ZERO = 0xC000011E;
    public static final int STATUS_CANCELLED = 0xC0000120;
    public static final int STATUS_CANNOT_DELETE = 0xC0000121;
    public static final int STATUS_FILE_CLOSED = 0xC0000128;
    public static final int STATUS_PIPE_BROKEN = 0xC000014B;
    public static final int STATUS_MUTANT_LIMIT_EXCEEDED = 0xC0000191;
    public static final int STATUS_NOT_SAME_OBJECT = 0xC00001AC;
    public static final int STATUS_REPLY_MESSAGE_MISMATCH = 0xC000021F;
    public static final int STATUS_NOT_FOUND = 0xC0000225;
    public static final int STATUS_HANDLE_NOT_CLOSABLE = 0xC0000235;
    public static final int STATUS_USER_MAPPED_FILE = 0xC0000243;

    /** Win32 error for a status with no mapping, as Windows reports it. */
    public static final int ERROR_MR_MID_NOT_FOUND = 317;

    public static final int SEVERITY_SUCCESS = 0;
    public static final int SEVERITY_INFORMATIONAL = 1;
    public static final int SEVERITY_WARNING = 2;
    public static final int SEVERITY_ERROR = 3;
    public static final int CUSTOMER_BIT = 0x2000_0000;

    private static final Map<Integer, StatusInfo> KNOWN = Stream.of(
            entry(STATUS_SUCCESS, "STATUS_SUCCESS", 0),
            entry(STATUS_WAIT_1, "STATUS_WAIT_1", 731),
            entry(STATUS_WAIT_2, "STATUS_WAIT_2", 732),
            entry(STATUS_WAIT_3, "STATUS_WAIT_3", 733),
            entry(STATUS_WAIT_63, "STATUS_WAIT_63", 734),
            entry(STATUS_ABANDONED_WAIT_0, "STATUS_ABANDONED_WAIT_0", 128),
            entry(STATUS_ABANDONED_WAIT_63, "STATUS_ABANDONED_WAIT_63", ERROR_MR_MID_NOT_FOUND),
            entry(STATUS_USER_APC, "STATUS_USER_APC", 737),
            entry(STATUS_KERNEL_APC, "STATUS_KERNEL_APC", 738),
            entry(STATUS_ALERTED, "STATUS_ALERTED", 739),
            entry(STATUS_TIMEOUT, "STATUS_TIMEOUT", 1460),
            entry(STATUS_PENDING, "STATUS_PENDING", 997),
            entry(STATUS_REPARSE, "STATUS_REPARSE", 741),
            entry(STATUS_MORE_ENTRIES, "STATUS_MORE_ENTRIES", 234),
            entry(STATUS_REPARSE_OBJECT, "STATUS_REPARSE_OBJECT", ERROR_MR_MID_NOT_FOUND),
            entry(STATUS_PROCESS_NOT_IN_JOB, "STATUS_PROCESS_NOT_IN_JOB", ERROR_MR_MID_NOT_FOUND),
            entry(STATUS_PROCESS_IN_JOB, "STATUS_PROCESS_IN_JOB", ERROR_MR_MID_NOT_FOUND),
            entry(STATUS_OBJECT_NAME_EXISTS, "STATUS_OBJECT_NAME_EXISTS", 698),
            entry(STATUS_NO_YIELD_PERFORMED, "STATUS_NO_YIELD_PERFORMED", 721),
            entry(STATUS_TIMER_RESUME_IGNORED, "STATUS_TIMER_RESUME_IGNORED", 722),
            entry(STATUS_DATATYPE_MISALIGNMENT, "STATUS_DATATYPE_MISALIGNMENT", 998),
            entry(STATUS_BUFFER_OVERFLOW, "STATUS_BUFFER_OVERFLOW", 234),
            entry(STATUS_NO_MORE_FILES, "STATUS_NO_MORE_FILES", 18),
            entry(STATUS_NO_MORE_ENTRIES, "STATUS_NO_MORE_ENTRIES", 259),
            entry(STATUS_UNSUCCESSFUL, "STATUS_UNSUCCESSFUL", 31),
            entry(STATUS_NOT_IMPLEMENTED, "STATUS_NOT_IMPLEMENTED", 1),
            entry(STATUS_INVALID_INFO_CLASS, "STATUS_INVALID_INFO_CLASS", 87),
            entry(STATUS_INFO_LENGTH_MISMATCH, "STATUS_INFO_LENGTH_MISMATCH", 24),
            entry(STATUS_ACCESS_VIOLATION, "STATUS_ACCESS_VIOLATION", 998),
            entry(STATUS_INVALID_HANDLE, "STATUS_INVALID_HANDLE", 6),
            entry(STATUS_INVALID_CID, "STATUS_INVALID_CID", 87),
            entry(STATUS_INVALID_PARAMETER, "STATUS_INVALID_PARAMETER", 87),
            entry(STATUS_NO_SUCH_FILE, "STATUS_NO_SUCH_FILE", 2),
            entry(STATUS_INVALID_DEVICE_REQUEST, "STATUS_INVALID_DEVICE_REQUEST", 1),
            entry(STATUS_END_OF_FILE, "STATUS_END_OF_FILE", 38),
            entry(STATUS_NO_MEMORY, "STATUS_NO_MEMORY", 8),
            entry(STATUS_INVALID_VIEW_SIZE, "STATUS_INVALID_VIEW_SIZE", 5),
            entry(STATUS_ACCESS_DENIED, "STATUS_ACCESS_DENIED", 5),
            entry(STATUS_BUFFER_TOO_SMALL, "STATUS_BUFFER_TOO_SMALL", 122),
            entry(STATUS_INVALID_FILE_FOR_SECTION, "STATUS_INVALID_FILE_FOR_SECTION", 193),
            entry(STATUS_OBJECT_TYPE_MISMATCH, "STATUS_OBJECT_TYPE_MISMATCH", 6),
            entry(STATUS_INVALID_PARAMETER_MIX, "STATUS_INVALID_PARAMETER_MIX", 87),
            entry(STATUS_OBJECT_NAME_INVALID, "STATUS_OBJECT_NAME_INVALID", 123),
            entry(STATUS_OBJECT_NAME_NOT_FOUND, "STATUS_OBJECT_NAME_NOT_FOUND", 2),
            entry(STATUS_OBJECT_NAME_COLLISION, "STATUS_OBJECT_NAME_COLLISION", 183),
            entry(STATUS_PORT_DISCONNECTED, "STATUS_PORT_DISCONNECTED", 6),
            entry(STATUS_OBJECT_PATH_INVALID, "STATUS_OBJECT_PATH_INVALID", 161),
            entry(STATUS_OBJECT_PATH_NOT_FOUND, "STATUS_OBJECT_PATH_NOT_FOUND", 3),
            entry(STATUS_OBJECT_PATH_SYNTAX_BAD, "STATUS_OBJECT_PATH_SYNTAX_BAD", 161),
            entry(STATUS_PORT_CONNECTION_REFUSED, "STATUS_PORT_CONNECTION_REFUSED", 5),
            entry(STATUS_SHARING_VIOLATION, "STATUS_SHARING_VIOLATION", 32),
            entry(STATUS_QUOTA_EXCEEDED, "STATUS_QUOTA_EXCEEDED", 1816),
            entry(STATUS_INVALID_PAGE_PROTECTION, "STATUS_INVALID_PAGE_PROTECTION", 87),
            entry(STATUS_MUTANT_NOT_OWNED, "STATUS_MUTANT_NOT_OWNED", 288),
            entry(STATUS_SEMAPHORE_LIMIT_EXCEEDED, "STATUS_SEMAPHORE_LIMIT_EXCEEDED", 298),
            entry(STATUS_THREAD_IS_TERMINATING, "STATUS_THREAD_IS_TERMINATING", 5),
            entry(STATUS_FILE_LOCK_CONFLICT, "STATUS_FILE_LOCK_CONFLICT", 33),
            entry(STATUS_LOCK_NOT_GRANTED, "STATUS_LOCK_NOT_GRANTED", 33),
            entry(STATUS_DELETE_PENDING, "STATUS_DELETE_PENDING", 5),
            entry(STATUS_PRIVILEGE_NOT_HELD, "STATUS_PRIVILEGE_NOT_HELD", 1314),
            entry(STATUS_INVALID_OWNER, "STATUS_INVALID_OWNER", 1307),
            entry(STATUS_INVALID_SECURITY_DESCR, "STATUS_INVALID_SECURITY_DESCR", 1338),
            entry(STATUS_NO_TOKEN, "STATUS_NO_TOKEN", 1008),
            entry(STATUS_NOT_MAPPED_VIEW, "STATUS_NOT_MAPPED_VIEW", 487),
            entry(STATUS_SECTION_TOO_BIG, "STATUS_SECTION_TOO_BIG", 8),
            entry(STATUS_SECTION_PROTECTION, "STATUS_SECTION_PROTECTION", 5),
            entry(STATUS_MAPPED_ALIGNMENT, "STATUS_MAPPED_ALIGNMENT", 1132),
            entry(STATUS_PORT_MESSAGE_TOO_LONG, "STATUS_PORT_MESSAGE_TOO_LONG", 87),
            entry(STATUS_COMMITMENT_LIMIT, "STATUS_COMMITMENT_LIMIT", 1455),
            entry(STATUS_RANGE_NOT_LOCKED, "STATUS_RANGE_NOT_LOCKED", 158),
            entry(STATUS_INSUFFICIENT_RESOURCES, "STATUS_INSUFFICIENT_RESOURCES", 1450),
            entry(STATUS_INSTANCE_NOT_AVAILABLE, "STATUS_INSTANCE_NOT_AVAILABLE", 231),
            entry(STATUS_PIPE_NOT_AVAILABLE, "STATUS_PIPE_NOT_AVAILABLE", 231),
            entry(STATUS_INVALID_PIPE_STATE, "STATUS_INVALID_PIPE_STATE", 230),
            entry(STATUS_PIPE_BUSY, "STATUS_PIPE_BUSY", 231),
            entry(STATUS_PIPE_DISCONNECTED, "STATUS_PIPE_DISCONNECTED", 233),
            entry(STATUS_PIPE_CLOSING, "STATUS_PIPE_CLOSING", 232),
            entry(STATUS_PIPE_CONNECTED, "STATUS_PIPE_CONNECTED", 535),
            entry(STATUS_PIPE_LISTENING, "STATUS_PIPE_LISTENING", 536),
            entry(STATUS_INVALID_READ_MODE, "STATUS_INVALID_READ_MODE", 230),
            entry(STATUS_IO_TIMEOUT, "STATUS_IO_TIMEOUT", 121),
            entry(STATUS_FILE_IS_A_DIRECTORY, "STATUS_FILE_IS_A_DIRECTORY", 5),
            entry(STATUS_NOT_SUPPORTED, "STATUS_NOT_SUPPORTED", 50),
            entry(STATUS_PIPE_EMPTY, "STATUS_PIPE_EMPTY", 232),
            entry(STATUS_INVALID_PARAMETER_1, "STATUS_INVALID_PARAMETER_1", 87),
            entry(STATUS_INVALID_PARAMETER_2, "STATUS_INVALID_PARAMETER_2", 87),
            entry(STATUS_INVALID_PARAMETER_3, "STATUS_INVALID_PARAMETER_3", 87),
            entry(STATUS_INVALID_PARAMETER_4, "STATUS_INVALID_PARAMETER_4", 87),
            entry(STATUS_INVALID_PARAMETER_5, "STATUS_INVALID_PARAMETER_5", 87),
            entry(STATUS_INVALID_PARAMETER_6, "STATUS_INVALID_PARAMETER_6", 87),
            entry(STATUS_INVALID_PARAMETER_7, "STATUS_INVALID_PARAMETER_7", 87),
            entry(STATUS_INVALID_PARAMETER_8, "STATUS_INVALID_PARAMETER_8", 87),
            entry(STATUS_INVALID_PARAMETER_9, "STATUS_INVALID_PARAMETER_9", 87),
            entry(STATUS_INVALID_PARAMETER_10, "STATUS_INVALID_PARAMETER_10", 87),
            entry(STATUS_INVALID_PARAMETER_11, "STATUS_INVALID_PARAMETER_11", 87),
            entry(STATUS_INVALID_PARAMETER_12, "STATUS_INVALID_PARAMETER_12", 87),
            entry(STATUS_DIRECTORY_NOT_EMPTY, "STATUS_DIRECTORY_NOT_EMPTY", 145),
            entry(STATUS_NOT_A_DIRECTORY, "STATUS_NOT_A_DIRECTORY", 267),
            entry(STATUS_NAME_TOO_LONG, "STATUS_NAME_TOO_LONG", 206),
            entry(STATUS_PROCESS_IS_TERMINATING, "STATUS_PROCESS_IS_TERMINATING", 5),
            entry(STATUS_MAPPED_FILE_SIZE_ZERO, "STATUS_MAPPED_FILE_SIZE_ZERO", 1006),
            entry(STATUS_CANCELLED, "STATUS_CANCELLED", 995),
            entry(STATUS_CANNOT_DELETE, "STATUS_CANNOT_DELETE", 5),
            entry(STATUS_FILE_CLOSED, "STATUS_FILE_CLOSED", 6),
            entry(STATUS_PIPE_BROKEN, "STATUS_PIPE_BROKEN", 109),
            entry(STATUS_MUTANT_LIMIT_EXCEEDED, "STATUS_MUTANT_LIMIT_EXCEEDED", 587),
            entry(STATUS_NOT_SAME_OBJECT, "STATUS_NOT_SAME_OBJECT", 1656),
            entry(STATUS_REPLY_MESSAGE_MISMATCH, "STATUS_REPLY_MESSAGE_MISMATCH", ERROR_MR_MID_NOT_FOUND),
            entry(STATUS_NOT_FOUND, "STATUS_NOT_FOUND", 1168),
            entry(STATUS_HANDLE_NOT_CLOSABLE, "STATUS_HANDLE_NOT_CLOSABLE", 6),
            entry(STATUS_USER_MAPPED_FILE, "STATUS_USER_MAPPED_FILE", 1224))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(StatusInfo::code, s -> s));

    private NtStatus() {
    }

    /** Name and Win32 error of a status. */
    public record StatusInfo(int code, String name, int win32Error) {
        public int severity() {
            return NtStatus.severity(code);
        }
    }

    private static StatusInfo entry(int code, String name, int win32Error) {
        return new StatusInfo(code, name, win32Error);
    }

    /** The registered information for {@code status}, or {@code null} if it is not a known status. */
    public static StatusInfo info(int status) {
        return KNOWN.get(status);
    }

    /** Every registered status. */
    public static Iterable<StatusInfo> all() {
        return KNOWN.values();
    }

    /**
     * RtlNtStatusToDosError: the Win32 error for a status. {@code STATUS_WAIT_0 + i} and
     * {@code STATUS_ABANDONED_WAIT_0 + i} follow Windows' table; an unknown status gives
     * ERROR_MR_MID_NOT_FOUND (317).
     */
    public static int toDosError(int status) {
        StatusInfo info = KNOWN.get(status);
        if (info != null) {
            return info.win32Error();
        }
        return ERROR_MR_MID_NOT_FOUND;
    }

    /** The name of a status, such as {@code STATUS_ACCESS_DENIED}, or its hex value if unknown. */
    public static String name(int status) {
        StatusInfo info = KNOWN.get(status);
        return info != null ? info.name() : String.format("0x%08X", status);
    }

    /** The severity bits: {@link #SEVERITY_SUCCESS} .. {@link #SEVERITY_ERROR}. */
    public static int severity(int status) {
        return status >>> 30;
    }

    /** NT_SUCCESS: success or informational. */
    public static boolean isSuccess(int status) {
        return status >= 0;
    }

    /** NT_INFORMATION. */
    public static boolean isInformation(int status) {
        return severity(status) == SEVERITY_INFORMATIONAL;
    }

    /** NT_WARNING. */
    public static boolean isWarning(int status) {
        return severity(status) == SEVERITY_WARNING;
    }

    /** NT_ERROR. */
    public static boolean isError(int status) {
        return severity(status) == SEVERITY_ERROR;
    }
}
