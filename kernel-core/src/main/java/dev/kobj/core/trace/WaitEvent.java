package dev.kobj.core.trace;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A wait that blocked (the fast paths that return at once are not recorded): who waited, on what, how
 * it ended, and, as the event's duration, for how long. Made only while JFR records it, so a kernel
 * without JFR pays one volatile read per blocking wait.
 */
@Name(WaitEvent.NAME)
@Label("Kernel Wait")
@Category({"kobj", "Dispatcher"})
@Description("A kobj wait that blocked: the objects, the outcome and the time waited.")
@StackTrace(false)
public final class WaitEvent extends KernelEvent {
    public static final String NAME = "dev.kobj.Wait";
    private static final EventType TYPE = EventType.getEventType(WaitEvent.class);

    @Label("Objects")
    int objectCount;

    @Label("Wait All")
    boolean waitAll;

    private WaitEvent() {
    }

    /** A begun event while JFR records this type, else {@code null} (no allocation). */
    public static WaitEvent beginIfEnabled() {
        if (!TYPE.isEnabled()) {
            return null;
        }
        WaitEvent event = new WaitEvent();
        event.begin();
        return event;
    }

    /** Ends and commits the wait on {@code objects[0..count)} with its outcome. */
    public void end(int threadId, int processId, String objectType, String objectName, int count, boolean all,
            String status) {
        if (endAndFill(threadId, processId, objectType, objectName, status)) {
            this.objectCount = count;
            this.waitAll = all;
            commit();
        }
    }
}
