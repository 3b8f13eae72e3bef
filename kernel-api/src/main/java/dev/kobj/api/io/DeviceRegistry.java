package dev.kobj.api.io;

/**
 * What a {@link Driver} gets at boot to make its devices. Thread-safe; used only during {@link Driver#load}.
 *
 * @since 0.1
 */
public interface DeviceRegistry {
    /**
     * Makes the permanent device object {@code \Device\<name>} (type Device) served by the driver being
     * loaded, with the given FILE_DEVICE_* type, and, when {@code dosName} is not null, the symbolic link
     * {@code \??\<dosName>} to it (so the Win32 name {@code \\.\<dosName>\...} reaches it).
     *
     * @throws IllegalStateException if the name is taken
     */
    DeviceObject createDevice(String name, int deviceType, String dosName);
}
