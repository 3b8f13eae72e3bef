package dev.kobj.win32;

/** Mirrors JOBOBJECT_ASSOCIATE_COMPLETION_PORT. */
public record JobObjectAssociateCompletionPort(long completionKey, long completionPort) {
}
