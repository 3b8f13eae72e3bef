package dev.kobj.win32;

/**
 * The Win32 entry points and every constant of the contract, named and valued as in the Windows SDK
 * headers: {@code import static dev.kobj.win32.Win32.*;} brings them all in.
 */
public final class Win32 {
    // --- Handles ---
    public static final long NULL = 0L;
    public static final long INVALID_HANDLE_VALUE = -1L;

    // --- Waits ---
    public static final int INFINITE = 0xFFFFFFFF;
    public static final int WAIT_OBJECT_0 = 0;
    public static final int WAIT_ABANDONED = 0x80;
    public static final int WAIT_ABANDONED_0 = 0x80;
    public static final int WAIT_IO_COMPLETION = 0xC0;
    public static final int WAIT_TIMEOUT = 258;
    public static final int WAIT_FAILED = 0xFFFFFFFF;
    public static final int MAXIMUM_WAIT_OBJECTS = 64;

    // --- Win32 errors (winerror.h) ---
    public static final int ERROR_SUCCESS = 0;
    public static final int NO_ERROR = 0;
    public static final int ERROR_INVALID_FUNCTION = 1;
    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int ERROR_PATH_NOT_FOUND = 3;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_INVALID_HANDLE = 6;
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    public static final int ERROR_INVALID_ACCESS = 12;
    public static final int ERROR_INVALID_DATA = 13;
    public static final int ERROR_BAD_LENGTH = 24;
    public static final int ERROR_GEN_FAILURE = 31;
    public static final int ERROR_SHARING_VIOLATION = 32;
    public static final int ERROR_LOCK_VIOLATION = 33;
    public static final int ERROR_HANDLE_EOF = 38;
    public static final int ERROR_NOT_SUPPORTED = 50;
    public static final int ERROR_FILE_EXISTS = 80;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int ERROR_BROKEN_PIPE = 109;
    public static final int ERROR_SEM_TIMEOUT = 121;
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    public static final int ERROR_INVALID_NAME = 123;
    public static final int ERROR_NEGATIVE_SEEK = 131;
    public static final int ERROR_NOT_LOCKED = 158;
    public static final int ERROR_BAD_PATHNAME = 161;
    public static final int ERROR_ALREADY_EXISTS = 183;
    public static final int ERROR_PIPE_LOCAL = 229;
    public static final int ERROR_BAD_PIPE = 230;
    public static final int ERROR_PIPE_BUSY = 231;
    public static final int ERROR_NO_DATA = 232;
    public static final int ERROR_PIPE_NOT_CONNECTED = 233;
    public static final int ERROR_MORE_DATA = 234;
    public static final int ERROR_NO_MORE_ITEMS = 259;
    public static final int ERROR_DIRECTORY = 267;
    public static final int ERROR_NOT_OWNER = 288;
    public static final int ERROR_TOO_MANY_POSTS = 298;
    public static final int ERROR_DELETE_PENDING = 303;
    public static final int ERROR_MR_MID_NOT_FOUND = 317;
    public static final int ERROR_PIPE_CONNECTED = 535;
    public static final int ERROR_PIPE_LISTENING = 536;
    public static final int ERROR_ABANDONED_WAIT_0 = 735;
    public static final int ERROR_OPERATION_ABORTED = 995;
    public static final int ERROR_IO_INCOMPLETE = 996;
    public static final int ERROR_IO_PENDING = 997;
    public static final int ERROR_NOACCESS = 998;
    public static final int ERROR_INVALID_FLAGS = 1004;
    public static final int ERROR_FILE_INVALID = 1006;
    public static final int ERROR_NOT_FOUND = 1168;
    public static final int ERROR_TIMEOUT = 1460;
    public static final int ERROR_NOT_SAME_OBJECT = 1656;

    // --- NT statuses (ntstatus.h) ---
    public static final int STATUS_SUCCESS = 0x00000000;
    public static final int STATUS_WAIT_0 = 0x00000000;
    public static final int STATUS_WAIT_1 = 0x00000001;
    public static final int STATUS_WAIT_63 = 0x0000003F;
    public static final int STATUS_ABANDONED = 0x00000080;
    public static final int STATUS_ABANDONED_WAIT_0 = 0x00000080;
    public static final int STATUS_USER_APC = 0x000000C0;
    public static final int STATUS_KERNEL_APC = 0x00000100;
    public static final int STATUS_ALERTED = 0x00000101;
    public static final int STATUS_TIMEOUT = 0x00000102;
    public static final int STATUS_PENDING = 0x00000103;
    public static final int STATUS_MORE_ENTRIES = 0x00000105;
    public static final int STATUS_OBJECT_NAME_EXISTS = 0x40000000;
    public static final int STATUS_TIMER_RESUME_IGNORED = 0x40000025;
    public static final int STATUS_BUFFER_OVERFLOW = 0x80000005;
    public static final int STATUS_NO_MORE_ENTRIES = 0x8000001A;
    public static final int STATUS_UNSUCCESSFUL = 0xC0000001;
    public static final int STATUS_NOT_IMPLEMENTED = 0xC0000002;
    public static final int STATUS_INVALID_INFO_CLASS = 0xC0000003;
    public static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;
    public static final int STATUS_ACCESS_VIOLATION = 0xC0000005;
    public static final int STATUS_INVALID_HANDLE = 0xC0000008;
    public static final int STATUS_INVALID_CID = 0xC000000B;
    public static final int STATUS_INVALID_PARAMETER = 0xC000000D;
    public static final int STATUS_INVALID_PARAMETER_MIX = 0xC0000030;
    public static final int STATUS_INVALID_PARAMETER_1 = 0xC00000EF;
    public static final int STATUS_HANDLE_NOT_CLOSABLE = 0xC0000235;
    public static final int STATUS_NO_SUCH_FILE = 0xC000000F;
    public static final int STATUS_INVALID_DEVICE_REQUEST = 0xC0000010;
    public static final int STATUS_END_OF_FILE = 0xC0000011;
    public static final int STATUS_NO_MEMORY = 0xC0000017;
    public static final int STATUS_ACCESS_DENIED = 0xC0000022;
    public static final int STATUS_BUFFER_TOO_SMALL = 0xC0000023;
    public static final int STATUS_OBJECT_TYPE_MISMATCH = 0xC0000024;
    public static final int STATUS_OBJECT_NAME_INVALID = 0xC0000033;
    public static final int STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;
    public static final int STATUS_OBJECT_NAME_COLLISION = 0xC0000035;
    public static final int STATUS_OBJECT_PATH_INVALID = 0xC0000039;
    public static final int STATUS_OBJECT_PATH_NOT_FOUND = 0xC000003A;
    public static final int STATUS_OBJECT_PATH_SYNTAX_BAD = 0xC000003B;
    public static final int STATUS_SHARING_VIOLATION = 0xC0000043;
    public static final int STATUS_MUTANT_NOT_OWNED = 0xC0000046;
    public static final int STATUS_SEMAPHORE_LIMIT_EXCEEDED = 0xC0000047;
    public static final int STATUS_THREAD_IS_TERMINATING = 0xC000004B;
    public static final int STATUS_FILE_LOCK_CONFLICT = 0xC0000054;
    public static final int STATUS_LOCK_NOT_GRANTED = 0xC0000055;
    public static final int STATUS_DELETE_PENDING = 0xC0000056;
    public static final int STATUS_INSUFFICIENT_RESOURCES = 0xC000009A;
    public static final int STATUS_INSTANCE_NOT_AVAILABLE = 0xC00000AB;
    public static final int STATUS_PIPE_NOT_AVAILABLE = 0xC00000AC;
    public static final int STATUS_INVALID_PIPE_STATE = 0xC00000AD;
    public static final int STATUS_PIPE_BUSY = 0xC00000AE;
    public static final int STATUS_PIPE_DISCONNECTED = 0xC00000B0;
    public static final int STATUS_PIPE_CLOSING = 0xC00000B1;
    public static final int STATUS_PIPE_CONNECTED = 0xC00000B2;
    public static final int STATUS_PIPE_LISTENING = 0xC00000B3;
    public static final int STATUS_IO_TIMEOUT = 0xC00000B5;
    public static final int STATUS_FILE_IS_A_DIRECTORY = 0xC00000BA;
    public static final int STATUS_NOT_SUPPORTED = 0xC00000BB;
    public static final int STATUS_PIPE_EMPTY = 0xC00000D9;
    public static final int STATUS_NOT_A_DIRECTORY = 0xC0000103;
    public static final int STATUS_PROCESS_IS_TERMINATING = 0xC000010A;
    public static final int STATUS_CANCELLED = 0xC0000120;
    public static final int STATUS_PIPE_BROKEN = 0xC000014B;
    public static final int STATUS_MUTANT_LIMIT_EXCEEDED = 0xC0000191;
    public static final int STATUS_NOT_SAME_OBJECT = 0xC00001AC;
    public static final int STATUS_NOT_FOUND = 0xC0000225;

    // --- Access rights ---
    public static final int DELETE = 0x00010000;
    public static final int READ_CONTROL = 0x00020000;
    public static final int WRITE_DAC = 0x00040000;
    public static final int WRITE_OWNER = 0x00080000;
    public static final int SYNCHRONIZE = 0x00100000;
    public static final int STANDARD_RIGHTS_REQUIRED = 0x000F0000;
    public static final int STANDARD_RIGHTS_ALL = 0x001F0000;
    public static final int MAXIMUM_ALLOWED = 0x02000000;
    public static final int GENERIC_READ = 0x80000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_EXECUTE = 0x20000000;
    public static final int GENERIC_ALL = 0x10000000;
    public static final int EVENT_QUERY_STATE = 0x0001;
    public static final int EVENT_MODIFY_STATE = 0x0002;
    public static final int EVENT_ALL_ACCESS = 0x001F0003;
    public static final int MUTANT_QUERY_STATE = 0x0001;
    public static final int MUTANT_ALL_ACCESS = 0x001F0001;
    public static final int MUTEX_MODIFY_STATE = 0x0001;
    public static final int MUTEX_ALL_ACCESS = 0x001F0001;
    public static final int SEMAPHORE_QUERY_STATE = 0x0001;
    public static final int SEMAPHORE_MODIFY_STATE = 0x0002;
    public static final int SEMAPHORE_ALL_ACCESS = 0x001F0003;
    public static final int TIMER_QUERY_STATE = 0x0001;
    public static final int TIMER_MODIFY_STATE = 0x0002;
    public static final int TIMER_ALL_ACCESS = 0x001F0003;
    public static final int KEYEDEVENT_WAIT = 0x0001;
    public static final int KEYEDEVENT_WAKE = 0x0002;
    public static final int KEYEDEVENT_ALL_ACCESS = 0x000F0003;
    public static final int DIRECTORY_QUERY = 0x0001;
    public static final int DIRECTORY_TRAVERSE = 0x0002;
    public static final int DIRECTORY_CREATE_OBJECT = 0x0004;
    public static final int DIRECTORY_CREATE_SUBDIRECTORY = 0x0008;
    public static final int DIRECTORY_ALL_ACCESS = 0x000F000F;
    public static final int SYMBOLIC_LINK_QUERY = 0x0001;
    public static final int SYMBOLIC_LINK_ALL_ACCESS = 0x000F0001;
    public static final int PROCESS_TERMINATE = 0x0001;
    public static final int PROCESS_CREATE_THREAD = 0x0002;
    public static final int PROCESS_DUP_HANDLE = 0x0040;
    public static final int PROCESS_SET_QUOTA = 0x0100;
    public static final int PROCESS_SET_INFORMATION = 0x0200;
    public static final int PROCESS_QUERY_INFORMATION = 0x0400;
    public static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
    public static final int PROCESS_ALL_ACCESS = 0x001FFFFF;
    public static final int THREAD_TERMINATE = 0x0001;
    public static final int THREAD_SUSPEND_RESUME = 0x0002;
    public static final int THREAD_SET_CONTEXT = 0x0010;
    public static final int THREAD_QUERY_INFORMATION = 0x0040;
    public static final int THREAD_QUERY_LIMITED_INFORMATION = 0x0800;
    public static final int THREAD_ALL_ACCESS = 0x001FFFFF;
    public static final int SECTION_QUERY = 0x0001;
    public static final int SECTION_MAP_WRITE = 0x0002;
    public static final int SECTION_MAP_READ = 0x0004;
    public static final int SECTION_MAP_EXECUTE = 0x0008;
    public static final int SECTION_ALL_ACCESS = 0x000F001F;
    public static final int FILE_MAP_COPY = 0x0001;
    public static final int FILE_MAP_WRITE = 0x0002;
    public static final int FILE_MAP_READ = 0x0004;
    public static final int FILE_MAP_ALL_ACCESS = 0x000F001F;
    public static final int JOB_OBJECT_ASSIGN_PROCESS = 0x0001;
    public static final int JOB_OBJECT_SET_ATTRIBUTES = 0x0002;
    public static final int JOB_OBJECT_QUERY = 0x0004;
    public static final int JOB_OBJECT_TERMINATE = 0x0008;
    public static final int JOB_OBJECT_ALL_ACCESS = 0x001F003F;
    public static final int IO_COMPLETION_ALL_ACCESS = 0x001F0003;
    public static final int FILE_READ_DATA = 0x0001;
    public static final int FILE_WRITE_DATA = 0x0002;
    public static final int FILE_APPEND_DATA = 0x0004;
    public static final int FILE_READ_ATTRIBUTES = 0x0080;
    public static final int FILE_WRITE_ATTRIBUTES = 0x0100;
    public static final int FILE_GENERIC_READ = 0x00120089;
    public static final int FILE_GENERIC_WRITE = 0x00120116;
    public static final int FILE_ALL_ACCESS = 0x001F01FF;

    // --- Handle and object flags ---
    public static final int DUPLICATE_CLOSE_SOURCE = 0x00000001;
    public static final int DUPLICATE_SAME_ACCESS = 0x00000002;
    public static final int DUPLICATE_SAME_ATTRIBUTES = 0x00000004;
    public static final int HANDLE_FLAG_INHERIT = 0x00000001;
    public static final int HANDLE_FLAG_PROTECT_FROM_CLOSE = 0x00000002;
    public static final int OBJ_PROTECT_CLOSE = 0x00000001;
    public static final int OBJ_INHERIT = 0x00000002;
    public static final int OBJ_PERMANENT = 0x00000010;
    public static final int OBJ_EXCLUSIVE = 0x00000020;
    public static final int OBJ_CASE_INSENSITIVE = 0x00000040;
    public static final int OBJ_OPENIF = 0x00000080;
    public static final int OBJ_OPENLINK = 0x00000100;
    public static final int OBJ_KERNEL_HANDLE = 0x00000200;

    // --- Creation flags ---
    public static final int CREATE_EVENT_MANUAL_RESET = 0x00000001;
    public static final int CREATE_EVENT_INITIAL_SET = 0x00000002;
    public static final int CREATE_MUTEX_INITIAL_OWNER = 0x00000001;
    public static final int CREATE_WAITABLE_TIMER_MANUAL_RESET = 0x00000001;
    public static final int CREATE_WAITABLE_TIMER_HIGH_RESOLUTION = 0x00000002;
    public static final int CREATE_SUSPENDED = 0x00000004;
    public static final int CREATE_NEW_CONSOLE = 0x00000010;
    public static final int NORMAL_PRIORITY_CLASS = 0x00000020;
    public static final int CREATE_BREAKAWAY_FROM_JOB = 0x01000000;

    // --- Processes ---
    public static final int STILL_ACTIVE = 0x00000103;
    public static final int STARTF_USESTDHANDLES = 0x00000100;
    public static final int STD_INPUT_HANDLE = -10;
    public static final int STD_OUTPUT_HANDLE = -11;
    public static final int STD_ERROR_HANDLE = -12;

    // --- Files ---
    public static final int FILE_SHARE_READ = 0x00000001;
    public static final int FILE_SHARE_WRITE = 0x00000002;
    public static final int FILE_SHARE_DELETE = 0x00000004;
    public static final int CREATE_NEW = 1;
    public static final int CREATE_ALWAYS = 2;
    public static final int OPEN_EXISTING = 3;
    public static final int OPEN_ALWAYS = 4;
    public static final int TRUNCATE_EXISTING = 5;
    public static final int FILE_ATTRIBUTE_READONLY = 0x00000001;
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x00000010;
    public static final int FILE_ATTRIBUTE_NORMAL = 0x00000080;
    public static final int FILE_FLAG_WRITE_THROUGH = 0x80000000;
    public static final int FILE_FLAG_OVERLAPPED = 0x40000000;
    public static final int FILE_FLAG_NO_BUFFERING = 0x20000000;
    public static final int FILE_FLAG_DELETE_ON_CLOSE = 0x04000000;
    public static final int FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000;
    public static final int FILE_BEGIN = 0;
    public static final int FILE_CURRENT = 1;
    public static final int FILE_END = 2;
    public static final int INVALID_SET_FILE_POINTER = 0xFFFFFFFF;
    public static final int INVALID_FILE_SIZE = 0xFFFFFFFF;
    public static final int FILE_TYPE_UNKNOWN = 0;
    public static final int FILE_TYPE_DISK = 1;
    public static final int FILE_TYPE_CHAR = 2;
    public static final int FILE_TYPE_PIPE = 3;
    public static final int LOCKFILE_FAIL_IMMEDIATELY = 0x00000001;
    public static final int LOCKFILE_EXCLUSIVE_LOCK = 0x00000002;

    // --- Pipes and mailslots ---
    public static final int PIPE_ACCESS_INBOUND = 0x00000001;
    public static final int PIPE_ACCESS_OUTBOUND = 0x00000002;
    public static final int PIPE_ACCESS_DUPLEX = 0x00000003;
    public static final int PIPE_TYPE_BYTE = 0x00000000;
    public static final int PIPE_TYPE_MESSAGE = 0x00000004;
    public static final int PIPE_READMODE_BYTE = 0x00000000;
    public static final int PIPE_READMODE_MESSAGE = 0x00000002;
    public static final int PIPE_WAIT = 0x00000000;
    public static final int PIPE_NOWAIT = 0x00000001;
    public static final int PIPE_ACCEPT_REMOTE_CLIENTS = 0x00000000;
    public static final int PIPE_REJECT_REMOTE_CLIENTS = 0x00000008;
    public static final int PIPE_UNLIMITED_INSTANCES = 255;
    public static final int PIPE_CLIENT_END = 0x00000000;
    public static final int PIPE_SERVER_END = 0x00000001;
    public static final int NMPWAIT_USE_DEFAULT_WAIT = 0x00000000;
    public static final int NMPWAIT_NOWAIT = 0x00000001;
    public static final int NMPWAIT_WAIT_FOREVER = 0xFFFFFFFF;
    public static final int MAILSLOT_NO_MESSAGE = 0xFFFFFFFF;
    public static final int MAILSLOT_WAIT_FOREVER = 0xFFFFFFFF;

    // --- Sections ---
    public static final int PAGE_NOACCESS = 0x01;
    public static final int PAGE_READONLY = 0x02;
    public static final int PAGE_READWRITE = 0x04;
    public static final int PAGE_WRITECOPY = 0x08;
    public static final int PAGE_EXECUTE = 0x10;
    public static final int PAGE_EXECUTE_READ = 0x20;
    public static final int PAGE_EXECUTE_READWRITE = 0x40;
    public static final int SEC_COMMIT = 0x08000000;

    // --- Jobs ---
    public static final int JOB_OBJECT_LIMIT_PROCESS_TIME = 0x00000002;
    public static final int JOB_OBJECT_LIMIT_JOB_TIME = 0x00000004;
    public static final int JOB_OBJECT_LIMIT_ACTIVE_PROCESS = 0x00000008;
    public static final int JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100;
    public static final int JOB_OBJECT_LIMIT_JOB_MEMORY = 0x00000200;
    public static final int JOB_OBJECT_LIMIT_BREAKAWAY_OK = 0x00000800;
    public static final int JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK = 0x00001000;
    public static final int JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000;
    public static final int JobObjectBasicAccountingInformation = 1;
    public static final int JobObjectBasicLimitInformation = 2;
    public static final int JobObjectAssociateCompletionPortInformation = 7;
    public static final int JobObjectExtendedLimitInformation = 9;
    public static final int JOB_OBJECT_MSG_END_OF_JOB_TIME = 1;
    public static final int JOB_OBJECT_MSG_END_OF_PROCESS_TIME = 2;
    public static final int JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT = 3;
    public static final int JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO = 4;
    public static final int JOB_OBJECT_MSG_NEW_PROCESS = 6;
    public static final int JOB_OBJECT_MSG_EXIT_PROCESS = 7;
    public static final int JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS = 8;

    // --- SDK enum values and information classes ---
    public static final int NotificationEvent = 0;
    public static final int SynchronizationEvent = 1;
    public static final int WaitAll = 0;
    public static final int WaitAny = 1;
    public static final int ObjectBasicInformation = 0;
    public static final int ObjectNameInformation = 1;
    public static final int ObjectTypeInformation = 2;
    public static final int ObjectHandleFlagInformation = 4;
    public static final int EventBasicInformation = 0;
    public static final int MutantBasicInformation = 0;
    public static final int SemaphoreBasicInformation = 0;

    // --- Other ---
    public static final int INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF;
    public static final int TOKEN_QUERY = 0x0008;
    public static final int TOKEN_ADJUST_PRIVILEGES = 0x0020;
    public static final int TOKEN_ALL_ACCESS = 0xF01FF;
    public static final int OWNER_SECURITY_INFORMATION = 0x1;
    public static final int GROUP_SECURITY_INFORMATION = 0x2;
    public static final int DACL_SECURITY_INFORMATION = 0x4;
    public static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    public static final int ERROR_NO_TOKEN = 1008;

    private Win32() {
    }

    /** Boots a kernel from every module on the class path and wraps it; closing the system closes it. */
    public static Win32System boot() {
        return Win32SystemImpl.boot();
    }

    // LPC ports (a kobj addition to the contract)
    public static final int PORT_CONNECT = 0x0001;
    public static final int PORT_ALL_ACCESS = 0x001F0001;
    public static final int LPC_REQUEST = 1;
    public static final int LPC_REPLY = 2;
    public static final int LPC_DATAGRAM = 3;
    public static final int LPC_LOST_REPLY = 4;
    public static final int LPC_PORT_CLOSED = 5;
    public static final int LPC_CLIENT_DIED = 6;
    public static final int LPC_CONNECTION_REQUEST = 10;
    public static final int PORT_MAXIMUM_MESSAGE_LENGTH = 512;
    public static final int STATUS_PORT_DISCONNECTED = 0xC0000037;
    public static final int STATUS_PORT_CONNECTION_REFUSED = 0xC0000041;
    public static final int STATUS_PORT_MESSAGE_TOO_LONG = 0xC000002F;
    public static final int STATUS_REPLY_MESSAGE_MISMATCH = 0xC000021F;
    public static final int STATUS_INVALID_PARAMETER_3 = 0xC00000F1;
    public static final int STATUS_INVALID_PARAMETER_4 = 0xC00000F2;

    /**
     * The Ntdll of the process {@code kernel32} belongs to: how a program, which is handed only its
     * Kernel32, reaches the NT calls (a kobj addition to the contract).
     */
    public static Ntdll ntdll(Kernel32 kernel32) {
        if (kernel32 instanceof Kernel32Impl impl) {
            return impl.ntdll();
        }
        throw new IllegalArgumentException("not a kobj Kernel32: " + kernel32);
    }

    /** Wraps a kernel built by other means (a custom kernel from chosen modules); its owner closes it. */
    public static Win32System boot(dev.kobj.api.Kernel kernel) {
        return Win32SystemImpl.wrap(kernel);
    }
}
