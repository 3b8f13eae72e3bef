package dev.kobj.api.io;

/**
 * Where a request's final status and information go (the caller's IO_STATUS_BLOCK, or OVERLAPPED's
 * Internal and InternalHigh). Called once, by the completing thread, before the event is set, the packet
 * queued or the APC queued, so whoever is woken by those sees the values.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IoStatusSink {
    void ioCompleted(int status, long information);
}
