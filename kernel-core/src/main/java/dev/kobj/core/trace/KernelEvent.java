package dev.kobj.core.trace;

import jdk.jfr.Label;

/**
 * What every kobj JFR event tells: the calling thread and process, the object's type and name, and the
 * NT status. Each event class adds its own fields and commits through {@link #endAndFill}.
 */
abstract class KernelEvent extends jdk.jfr.Event {
    @Label("Thread Id")
    int threadId;

    @Label("Process Id")
    int processId;

    @Label("Object Type")
    String objectType;

    @Label("Object Name")
    String objectName;

    @Label("Status")
    String status;

    /**
     * Ends the event and, when it is to be recorded, fills the common fields: true then, and the caller
     * sets its own fields and commits.
     */
    final boolean endAndFill(int threadId, int processId, String objectType, String objectName, String status) {
        end();
        if (!shouldCommit()) {
            return false;
        }
        this.threadId = threadId;
        this.processId = processId;
        this.objectType = objectType;
        this.objectName = objectName;
        this.status = status;
        return true;
    }
}
