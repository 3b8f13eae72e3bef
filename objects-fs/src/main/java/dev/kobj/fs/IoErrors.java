package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.*;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The NTSTATUS a volume reports for a failed host or Jimfs operation. Stateless. */
final class IoErrors {
    private IoErrors() {
    }

    static int status(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> STATUS_OBJECT_NAME_NOT_FOUND;
            case NotDirectoryException x -> STATUS_OBJECT_PATH_NOT_FOUND;
            case FileAlreadyExistsException x -> STATUS_OBJECT_NAME_COLLISION;
            case DirectoryNotEmptyException x -> STATUS_DIRECTORY_NOT_EMPTY;
            case AccessDeniedException x -> STATUS_ACCESS_DENIED;
            case FileSystemLoopException x -> STATUS_ACCESS_DENIED;
            case ClosedChannelException x -> STATUS_FILE_CLOSED;
            default -> STATUS_UNSUCCESSFUL;
        };
    }
}
