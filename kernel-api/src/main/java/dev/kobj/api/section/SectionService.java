package dev.kobj.api.section;

import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;

/**
 * Sections (file mappings) and their views (nt-semantics.md §7.4): the caller first, an NTSTATUS back,
 * outputs through one-element arrays. Thread-safe.
 *
 * @since 0.1
 */
public interface SectionService {
    int SECTION_QUERY = 0x0001;
    int SECTION_MAP_WRITE = 0x0002;
    int SECTION_MAP_READ = 0x0004;
    int SECTION_MAP_EXECUTE = 0x0008;
    int SECTION_ALL_ACCESS = 0x000F_001F;

    int PAGE_NOACCESS = 0x01;
    int PAGE_READONLY = 0x02;
    int PAGE_READWRITE = 0x04;
    int PAGE_WRITECOPY = 0x08;
    int PAGE_EXECUTE = 0x10;
    int PAGE_EXECUTE_READ = 0x20;
    int PAGE_EXECUTE_READWRITE = 0x40;
    int PAGE_EXECUTE_WRITECOPY = 0x80;

    int SEC_FILE = 0x0080_0000;
    int SEC_IMAGE = 0x0100_0000;
    int SEC_RESERVE = 0x0400_0000;
    int SEC_COMMIT = 0x0800_0000;
    int SEC_NOCACHE = 0x1000_0000;

    /** MapViewOfFile's access: FILE_MAP_COPY, _WRITE, _READ, _EXECUTE. */
    int FILE_MAP_COPY = 0x0001;
    int FILE_MAP_WRITE = 0x0002;
    int FILE_MAP_READ = 0x0004;
    int FILE_MAP_EXECUTE = 0x0020;

    /** Views start at multiples of the allocation granularity. */
    long ALLOCATION_GRANULARITY = 65_536;

    /**
     * NtCreateSection. {@code fileHandle} 0 makes a pagefile-backed section of {@code maximumSize}
     * (> 0) zeroed bytes; a named create of an existing section opens it (STATUS_OBJECT_NAME_EXISTS)
     * and ignores size and protection. The creating process is charged the committed bytes.
     */
    int createSection(KThread caller, ObjectAttributes attributes, int desiredAccess, long maximumSize,
            int pageProtection, int allocationAttributes, long fileHandle, long[] sectionHandle);

    /** NtOpenSection. */
    int openSection(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] sectionHandle);

    /**
     * MapViewOfFile in the caller's process: {@code size} 0 maps to the end; the offset must be a
     * multiple of {@link #ALLOCATION_GRANULARITY}. The handle needs the SECTION_MAP_* rights the
     * access asks for, and the section's protection must allow it.
     */
    int mapView(KThread caller, long sectionHandle, int fileMapAccess, long offset, long size, SectionView[] view);

    /** UnmapViewOfFile: {@code baseAddress} must be a view base of the caller's process (else STATUS_NOT_MAPPED_VIEW). */
    int unmapView(KThread caller, long baseAddress);

    /** FlushViewOfFile: any address inside one of the caller's views. */
    int flushView(KThread caller, long address, long size);

    /** Unmaps every view of {@code process} (rundown). */
    void unmapAll(KProcess process);

    /** Live backing stores of this family, for leak checks. */
    int liveStores();
}
