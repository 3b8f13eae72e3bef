package dev.kobj.core.trace;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One object-manager call that makes or drops a handle (create, open, close): the caller, the object's
 * type and name, the handle and the status. Made only while JFR records it.
 */
@Name(ObjectCallEvent.NAME)
@Label("Kernel Object Call")
@Category({"kobj", "Object Manager"})
@Description("A kobj create, open or close: the object, the handle and the NT status.")
@StackTrace(false)
public final class ObjectCallEvent extends KernelEvent {
    public static final String NAME = "dev.kobj.ObjectCall";
    private static final EventType TYPE = EventType.getEventType(ObjectCallEvent.class);

    @Label("Operation")
    String operation;

    @Label("Handle")
    long handle;

    private ObjectCallEvent() {
    }

    /** A begun event while JFR records this type, else {@code null} (no allocation). */
    public static ObjectCallEvent beginIfEnabled() {
        if (!TYPE.isEnabled()) {
            return null;
        }
        ObjectCallEvent event = new ObjectCallEvent();
        event.begin();
        return event;
    }

    /** Ends and commits the call. */
    public void end(String operation, int threadId, int processId, String objectType, String objectName, long handle,
            String status) {
        if (endAndFill(threadId, processId, objectType, objectName, status)) {
            this.operation = operation;
            this.handle = handle;
            commit();
        }
    }
}
