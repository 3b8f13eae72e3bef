package dev.kobj.fs;

import static dev.kobj.api.status.NtStatus.STATUS_SHARING_VIOLATION;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kobj.api.Kernel;
import dev.kobj.api.KernelConfig;
import dev.kobj.api.Kernels;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.IoService;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Share access as a state machine (nt-semantics.md §8): any sequence of opens (read / write / delete
 * uses, any share mode) and closes of one file gets exactly the outcome of the rule, checked against a
 * model that holds the open file objects. (Named *Test so that surefire runs it by default.)
 */
class ShareAccessPropertyTest {
    private static final int SYNCHRONIZE = 0x0010_0000;
    private static final int FILE_READ_ATTRIBUTES = 0x80;

    /** One open in the model: the share bits it uses (read 1, write 2, delete 4) and the ones it shares. */
    private record Open(long handle, int uses, int shares) {
    }

    /**
     * Each code is an action: bit 6 set closes the open at index (code mod the number open), else it
     * opens with uses {@code code & 7} and share mode {@code (code >> 3) & 7}.
     */
    @Property(tries = 20)
    void everyOpenGetsWhatTheRuleSays(@ForAll @Size(max = 24) List<@IntRange(min = 0, max = 127) Integer> codes) {
        try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withModules("fs"))) {
            IoService io = kernel.service(IoService.class).orElseThrow();
            ObjectManager objects = kernel.service(ObjectManager.class).orElseThrow();
            KThread me = kernel.processes().adoptThread(kernel.processes().createProcess("model.exe", 1),
                    Thread.currentThread());
            long[] handle = new long[1];
            ObjectAttributes file = ObjectAttributes.named("\\??\\C:\\model", 0x40);
            assertEquals(STATUS_SUCCESS, io.createFile(me, file, SYNCHRONIZE, 0, CreateParameters.FILE_CREATE,
                    CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT, 0, null, handle, null));
            objects.close(me, handle[0]);
            List<Open> model = new ArrayList<>();
            for (int code : codes) {
                if ((code & 64) != 0) {
                    if (!model.isEmpty()) {
                        Open closed = model.remove(code % model.size());
                        assertEquals(STATUS_SUCCESS, objects.close(me, closed.handle()));
                    }
                    continue;
                }
                int uses = code & 7;
                int shares = (code >> 3) & 7;
                int access = FILE_READ_ATTRIBUTES | SYNCHRONIZE | ((uses & 1) != 0 ? 0x1 : 0)
                        | ((uses & 2) != 0 ? 0x2 : 0) | ((uses & 4) != 0 ? 0x1_0000 : 0);
                boolean allowed = uses == 0 || model.stream().allMatch(o -> o.uses() == 0
                        || ((uses & ~o.shares()) == 0 && (o.uses() & ~shares) == 0));
                int status = io.createFile(me, file, access, shares, CreateParameters.FILE_OPEN,
                        CreateParameters.FILE_SYNCHRONOUS_IO_NONALERT, 0, null, handle, null);
                assertEquals(allowed ? STATUS_SUCCESS : STATUS_SHARING_VIOLATION, status,
                        "uses " + uses + " shares " + shares + " against " + model);
                if (status == STATUS_SUCCESS) {
                    model.add(new Open(handle[0], uses, shares));
                }
            }
        }
    }
}
