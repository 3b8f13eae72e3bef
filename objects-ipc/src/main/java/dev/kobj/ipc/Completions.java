package dev.kobj.ipc;

import dev.kobj.api.io.IoRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests a pipe or mailslot operation finished while it held its lock, completed after the lock is
 * released: completion runs the I/O manager's reporting (events, ports, waiters), which must not run
 * under a driver lock. Each request's cancel routine has already been cleared. Not thread-safe: one per
 * dispatch call. Two inline slots cover the common case (one peer and the caller) without a list.
 */
final class Completions {
    private IoRequest first;
    private int firstStatus;
    private long firstInformation;
    private List<Object[]> more;

    void add(IoRequest request, int status, long information) {
        if (first == null) {
            first = request;
            firstStatus = status;
            firstInformation = information;
            return;
        }
        if (more == null) {
            more = new ArrayList<>(4);
        }
        more.add(new Object[] {request, status, information});
    }

    /** Completes everything collected; call with no lock held. */
    void run() {
        if (first != null) {
            IoRequest request = first;
            first = null;
            request.complete(firstStatus, firstInformation);
        }
        if (more != null) {
            for (Object[] c : more) {
                ((IoRequest) c[0]).complete((Integer) c[1], (Long) c[2]);
            }
            more = null;
        }
    }
}
