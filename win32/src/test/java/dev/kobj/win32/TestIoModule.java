package dev.kobj.win32;

import com.google.inject.Binder;
import com.google.inject.Inject;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.io.CreateParameters;
import dev.kobj.api.io.DeviceObject;
import dev.kobj.api.io.DeviceRegistry;
import dev.kobj.api.io.Driver;
import dev.kobj.api.io.IoRequest;
import dev.kobj.api.status.NtStatus;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A test plugin with a driver for the Win32 I/O calls: {@code \\.\KobjTest\sync} answers at once (a read
 * fills {@code (byte) (offset + i)} up to 100 bytes, then end of file), {@code \\.\KobjTest\later} pends
 * with a cancel routine until the test completes it, and opens as FILE_TYPE_PIPE under {@code \\.\KobjPipe}.
 */
public final class TestIoModule implements KernelModule {
    @Override
    public String id() {
        return "win32-test-io";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder).driver("KobjTest", TestDriver.class).service(Control.class, ControlImpl.class);
    }

    /** How a test reaches the driver. */
    public interface Control {
        TestDriver driver();
    }

    static final class ControlImpl implements Control {
        private final TestDriver driver;

        @Inject
        ControlImpl(TestDriver driver) {
            this.driver = driver;
        }

        @Override
        public TestDriver driver() {
            return driver;
        }
    }

    static final class TestDriver implements Driver {
        final BlockingDeque<IoRequest> pending = new LinkedBlockingDeque<>();

        @Inject
        TestDriver() {
        }

        @Override
        public void load(DeviceRegistry devices) {
            devices.createDevice("KobjTest", DeviceObject.FILE_DEVICE_DISK, "KobjTest");
            devices.createDevice("KobjPipe", DeviceObject.FILE_DEVICE_NAMED_PIPE, "KobjPipe");
        }

        @Override
        public int create(IoRequest request) {
            String name = request.fileName();
            if (!name.equals("sync") && !name.equals("later")) {
                return NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
            }
            request.file().setContext(name);
            request.setInformation(CreateParameters.FILE_OPENED);
            return NtStatus.STATUS_SUCCESS;
        }

        @Override
        public int read(IoRequest request) {
            return answer(request);
        }

        @Override
        public int write(IoRequest request) {
            return answer(request);
        }

        private int answer(IoRequest request) {
            if ("later".equals(request.file().context())) {
                pending.add(request);
                if (!request.setCancelRoutine(r -> {
                    pending.remove(r);
                    r.complete(NtStatus.STATUS_CANCELLED, 0);
                })) {
                    pending.remove(request);
                    return NtStatus.STATUS_CANCELLED;
                }
                return NtStatus.STATUS_PENDING;
            }
            if (request.major() == IoRequest.READ) {
                long at = request.byteOffset();
                if (at >= 100) {
                    return NtStatus.STATUS_END_OF_FILE;
                }
                int n = (int) Math.min(request.length(), 100 - at);
                for (int i = 0; i < n; i++) {
                    request.buffer()[request.bufferOffset() + i] = (byte) (at + i);
                }
                request.setInformation(n);
                return NtStatus.STATUS_SUCCESS;
            }
            request.setInformation(request.length());
            return NtStatus.STATUS_SUCCESS;
        }

        /** Completes the oldest pending request (waiting up to 5 s for one). */
        boolean completeNext(int status, long information) throws InterruptedException {
            IoRequest request = pending.pollFirst(5, TimeUnit.SECONDS);
            return request != null && request.clearCancelRoutine() && request.complete(status, information);
        }
    }
}
