package dev.kobj.win32;

/**
 * PORT_VIEW for NtConnectPort: a section the client shares with the server for data too large for a
 * port message, at a 64 KiB-aligned offset ({@code viewSize} 0: to the end). A kobj addition to the contract.
 */
public record PortView(long sectionHandle, long sectionOffset, long viewSize) {
}
