package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;

import dev.kobj.api.process.KThread;
import dev.kobj.api.section.SectionService;
import dev.kobj.api.section.SectionView;
import dev.kobj.api.status.NtStatus;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The file-mapping calls of Kernel32 and Ntdll on the IPC family's SectionService. Without the family
 * every call fails with ERROR_CALL_NOT_IMPLEMENTED / STATUS_NOT_IMPLEMENTED.
 */
final class SectionCalls {
    private static final int PROTECTION_BITS = 0x7FF;

    private final CallContext context;
    private final SectionService sections;

    SectionCalls(CallContext context, SectionService sections) {
        this.context = context;
        this.sections = sections;
    }

    /** A kernel view as the contract shows it. */
    static MappedView mapped(SectionView view) {
        return new View(view.baseAddress(), view.segment());
    }

    /** A view as the contract shows it: the synthetic address and the memory. */
    private record View(long address, MemorySegment segment) implements MappedView {
        @Override
        public ByteBuffer buffer() {
            return segment.byteSize() <= Integer.MAX_VALUE ? segment.asByteBuffer() : null;
        }
    }

    long createFileMapping(long file, SecurityAttributes security, int protect, int sizeHigh, int sizeLow,
            String name) {
        if (sections == null) {
            return NamedObjects.notImplemented(context);
        }
        int protection = protect & PROTECTION_BITS;
        // what kernel32 asks for (ReactOS CreateFileMappingW): query and read, write and execute as the protection allows
        int access = 0x000F_0000 | SectionService.SECTION_QUERY | SectionService.SECTION_MAP_READ
                | ((protection & (PAGE_READWRITE | PAGE_EXECUTE_READWRITE)) != 0 ? SectionService.SECTION_MAP_WRITE : 0)
                | ((protection & 0xF0) != 0 ? SectionService.SECTION_MAP_EXECUTE : 0);
        long size = (Integer.toUnsignedLong(sizeHigh) << 32) | Integer.toUnsignedLong(sizeLow);
        long backing = file == INVALID_HANDLE_VALUE ? 0 : file;
        return NamedObjects.create(context, security, name, (thread, attributes, handle) -> sections.createSection(
                thread, attributes, access, size, protection, protect & ~PROTECTION_BITS, backing, handle));
    }

    long openFileMapping(int desiredAccess, boolean inherit, String name) {
        int access = desiredAccess == FILE_MAP_COPY ? FILE_MAP_READ : desiredAccess; // as kernel32 converts it
        return sections == null ? NamedObjects.notImplemented(context) : NamedObjects.open(context, name, inherit,
                (thread, attributes, handle) -> sections.openSection(thread, attributes, access, handle));
    }

    MappedView mapViewOfFile(long section, int desiredAccess, int offsetHigh, int offsetLow, long bytes) {
        if (sections == null) {
            NamedObjects.notImplemented(context);
            return null;
        }
        KThread thread = context.thread();
        SectionView[] view = new SectionView[1];
        int status = bytes < 0 ? STATUS_INVALID_PARAMETER : sections.mapView(thread, section, desiredAccess,
                (Integer.toUnsignedLong(offsetHigh) << 32) | Integer.toUnsignedLong(offsetLow), bytes, view);
        if (status < 0) {
            thread.setLastError(NtStatus.toDosError(status));
            return null;
        }
        return new View(view[0].baseAddress(), view[0].segment());
    }

    boolean unmapViewOfFile(long baseAddress) {
        return sections == null ? NamedObjects.notImplementedBool(context)
                : Kernel32Impl.succeeded(context.thread(), sections.unmapView(context.thread(), baseAddress));
    }

    boolean flushViewOfFile(long address, long bytes) {
        return sections == null ? NamedObjects.notImplementedBool(context)
                : Kernel32Impl.succeeded(context.thread(), sections.flushView(context.thread(), address, bytes));
    }

    int ntCreateSection(long[] handle, int desiredAccess, ObjectAttributes attributes, Long maximumSize,
            int protection, int allocationAttributes, long file) {
        if (sections == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sections.createSection(context.thread(), attributes == null ? null : Names.nt(attributes),
                desiredAccess, maximumSize == null ? 0 : maximumSize, protection, allocationAttributes, file, handle);
    }

    int ntOpenSection(long[] handle, int desiredAccess, ObjectAttributes attributes) {
        if (sections == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sections.openSection(context.thread(), Names.nt(attributes), desiredAccess, handle);
    }
}
