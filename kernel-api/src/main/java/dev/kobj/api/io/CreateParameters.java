package dev.kobj.api.io;

/**
 * What an open asks of a driver (NT's create parameters): the access the new file object is granted
 * (generic rights already mapped), FILE_SHARE_* bits, the NT disposition (FILE_OPEN ...), FILE_* create
 * options, FILE_ATTRIBUTE_* bits, and family-specific parameters in {@code extra} (a named pipe's or a
 * mailslot's creation record), {@code null} for a plain open.
 *
 * @since 0.1
 */
public record CreateParameters(int desiredAccess, int shareAccess, int disposition, int createOptions,
        int fileAttributes, Object extra) {
    /** NT dispositions. */
    public static final int FILE_SUPERSEDE = 0;
    public static final int FILE_OPEN = 1;
    public static final int FILE_CREATE = 2;
    public static final int FILE_OPEN_IF = 3;
    public static final int FILE_OVERWRITE = 4;
    public static final int FILE_OVERWRITE_IF = 5;
    public static final int FILE_MAXIMUM_DISPOSITION = 5;

    /** Create options. */
    public static final int FILE_DIRECTORY_FILE = 0x0001;
    public static final int FILE_WRITE_THROUGH = 0x0002;
    public static final int FILE_SYNCHRONOUS_IO_ALERT = 0x0010;
    public static final int FILE_SYNCHRONOUS_IO_NONALERT = 0x0020;
    public static final int FILE_NON_DIRECTORY_FILE = 0x0040;
    public static final int FILE_DELETE_ON_CLOSE = 0x1000;
    public static final int FILE_OPEN_FOR_BACKUP_INTENT = 0x4000;

    /** Create dispositions reported in the information (IO_STATUS_BLOCK.Information) of a create. */
    public static final int FILE_SUPERSEDED = 0;
    public static final int FILE_OPENED = 1;
    public static final int FILE_CREATED = 2;
    public static final int FILE_OVERWRITTEN = 3;
    public static final int FILE_EXISTS = 4;
    public static final int FILE_DOES_NOT_EXIST = 5;

    /** Whether the options ask for a synchronous file object (either flavour). */
    public boolean synchronous() {
        return (createOptions & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT)) != 0;
    }
}
