package dev.kobj.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events cost nothing while JFR does not record them, and carry their fields when it does. */
class TraceEventsTest {
    @Test
    void noEventIsMadeWhileNotRecorded() {
        assertNull(WaitEvent.beginIfEnabled());
        assertNull(ObjectCallEvent.beginIfEnabled());
    }

    @Test
    void recordedEventsCarryTheirFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kobj.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(WaitEvent.NAME).withoutThreshold();
            recording.enable(ObjectCallEvent.NAME).withoutThreshold();
            recording.start();
            WaitEvent wait = WaitEvent.beginIfEnabled();
            assertNotNull(wait);
            wait.end(8, 4, "Event", "E", 2, true, "STATUS_TIMEOUT");
            ObjectCallEvent call = ObjectCallEvent.beginIfEnabled();
            assertNotNull(call);
            call.end("open", 8, 4, "Mutant", "\\BaseNamedObjects\\M", 0x10, "STATUS_SUCCESS");
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        RecordedEvent wait = events.stream().filter(e -> e.getEventType().getName().equals(WaitEvent.NAME)).findFirst()
                .orElseThrow();
        assertEquals(8, wait.getInt("threadId"));
        assertEquals(4, wait.getInt("processId"));
        assertEquals("E", wait.getString("objectName"));
        assertEquals(2, wait.getInt("objectCount"));
        assertEquals(true, wait.getBoolean("waitAll"));
        assertEquals("STATUS_TIMEOUT", wait.getString("status"));
        RecordedEvent call = events.stream().filter(e -> e.getEventType().getName().equals(ObjectCallEvent.NAME))
                .findFirst().orElseThrow();
        assertEquals("open", call.getString("operation"));
        assertEquals("Mutant", call.getString("objectType"));
        assertEquals(0x10, call.getLong("handle"));
    }
}
