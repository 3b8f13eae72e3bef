package dev.kobj.api.io;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.KernelInternal;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectType;

/**
 * A device (type Device) in {@code \Device}: the object a name passes through to reach a driver, whose
 * parse procedure opens file objects on it. Immutable but for the driver's own extension. Thread-safe.
 *
 * @since 0.1
 */
public final class DeviceObject extends KernelObject {
    /** FILE_DEVICE_* values GetFileType looks at. */
    public static final int FILE_DEVICE_DISK = 0x07;
    public static final int FILE_DEVICE_DISK_FILE_SYSTEM = 0x08;
    public static final int FILE_DEVICE_MAILSLOT = 0x0C;
    public static final int FILE_DEVICE_NAMED_PIPE = 0x11;
    public static final int FILE_DEVICE_NULL = 0x15;
    public static final int FILE_DEVICE_UNKNOWN = 0x22;
    public static final int FILE_DEVICE_CONSOLE = 0x50;

    private final Driver driver;
    private final int deviceType;
    private volatile Object extension;

    @KernelInternal
    public DeviceObject(ObjectType type, Driver driver, int deviceType) {
        super(type);
        this.driver = requireNonNull(driver, "driver is null");
        this.deviceType = deviceType;
    }

    public Driver driver() {
        return driver;
    }

    /** FILE_DEVICE_*. */
    public int deviceType() {
        return deviceType;
    }

    /** The driver's per-device state (NT's device extension), or {@code null}. */
    public Object extension() {
        return extension;
    }

    public void setExtension(Object extension) {
        this.extension = extension;
    }
}
