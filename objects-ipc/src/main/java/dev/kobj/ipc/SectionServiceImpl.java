package dev.kobj.ipc;

import static dev.kobj.api.io.IoService.FILE_READ_DATA;
import static dev.kobj.api.io.IoService.FILE_WRITE_DATA;
import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_COMMITMENT_LIMIT;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_FILE_FOR_SECTION;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PAGE_PROTECTION;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER_4;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_VIEW_SIZE;
import static dev.kobj.api.status.NtStatus.STATUS_MAPPED_ALIGNMENT;
import static dev.kobj.api.status.NtStatus.STATUS_NOT_MAPPED_VIEW;
import static dev.kobj.api.status.NtStatus.STATUS_PROCESS_IS_TERMINATING;
import static dev.kobj.api.status.NtStatus.STATUS_NO_MEMORY;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_SECTION_PROTECTION;
import static dev.kobj.api.status.NtStatus.STATUS_SECTION_TOO_BIG;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.io.FileObject;
import dev.kobj.api.memory.BackingStore;
import dev.kobj.api.memory.MemoryService;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.section.SectionService;
import dev.kobj.api.section.SectionView;
import jakarta.inject.Inject;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sections, pagefile-backed or over a file (whose driver gives the store), and their views. Views get synthetic base addresses, unique in the kernel
 * and 64 KiB aligned, from one counter; the view table is one ordered map from base to view, so an
 * address inside a view finds it (FlushViewOfFile) and a base belongs to exactly one process.
 */
final class SectionServiceImpl implements SectionService {
    /** Where synthetic view addresses start: above the 4 GiB a 32-bit program would see. */
    private static final long FIRST_BASE = 0x0000_0001_0000_0000L;
    private static final int BASE_PROTECTIONS = PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ
            | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY;
    private static final int PROTECTION_MODIFIERS = 0x100 | 0x200 | 0x400;
    private static final int KNOWN_ATTRIBUTES = SEC_COMMIT | SEC_RESERVE | SEC_NOCACHE;
    private static final int WRITABLE = PAGE_READWRITE | PAGE_EXECUTE_READWRITE;
    private static final int EXECUTABLE = PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY;
    private static final int FILE_EXECUTE = 0x0020;
    /** Largest section: 2^47 bytes, the user address space of x64. */
    private static final long MAX_SIZE = 1L << 47;

    private final ObjectManager objects;
    private final MemoryService memory;
    private final AtomicLong nextBase = new AtomicLong(FIRST_BASE);
    private final ConcurrentSkipListMap<Long, View> views = new ConcurrentSkipListMap<>();
    private final AtomicInteger liveStores = new AtomicInteger();

    /** A mapped view: who mapped it, of which section, and where in the section's store it starts. */
    private record View(KProcess process, SectionObject section, SectionView view, long offset) {
        boolean contains(long address) {
            return address - view.baseAddress() < view.size() && address >= view.baseAddress();
        }
    }

    @Inject
    SectionServiceImpl(ObjectManager objects, MemoryService memory) {
        this.objects = requireNonNull(objects, "objects is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    @Override
    public int createSection(KThread caller, ObjectAttributes attributes, int desiredAccess, long maximumSize,
            int pageProtection, int allocationAttributes, long fileHandle, long[] sectionHandle) {
        if (sectionHandle == null) {
            return STATUS_INVALID_PARAMETER;
        }
        sectionHandle[0] = 0;
        int base = pageProtection & ~PROTECTION_MODIFIERS;
        if (Integer.bitCount(base) != 1 || (base & BASE_PROTECTIONS) == 0) {
            return STATUS_INVALID_PAGE_PROTECTION;
        }
        int sec = allocationAttributes == 0 ? SEC_COMMIT : allocationAttributes;
        if ((sec & ~(KNOWN_ATTRIBUTES | SEC_IMAGE | SEC_FILE)) != 0
                || (sec & (SEC_COMMIT | SEC_RESERVE)) == (SEC_COMMIT | SEC_RESERVE)
                || (fileHandle == 0 && (sec & (SEC_IMAGE | SEC_FILE)) != 0)) {
            return STATUS_INVALID_PARAMETER;
        }
        if (fileHandle != 0) {
            return createFileSection(caller, attributes, desiredAccess, maximumSize, base, sec, fileHandle,
                    sectionHandle);
        }
        if (maximumSize <= 0) {
            return maximumSize == 0 ? STATUS_INVALID_PARAMETER_4 : STATUS_INVALID_PARAMETER;
        }
        if (maximumSize > MAX_SIZE) {
            return STATUS_SECTION_TOO_BIG;
        }
        KProcess process = caller.process();
        long size = maximumSize;
        // The body is kept here, not looked up by the new handle: another thread may close that value at once.
        SectionObject[] made = new SectionObject[1];
        int status = objects.create(caller, attributes, IpcTypes.SECTION, desiredAccess,
                () -> made[0] = new SectionObject(size, base, sec, process, memory, liveStores), sectionHandle);
        if (status == STATUS_SUCCESS && !made[0].charge()) {
            objects.close(caller, sectionHandle[0]); // over a job's memory limit: the section is not made
            sectionHandle[0] = 0;
            return STATUS_COMMITMENT_LIMIT;
        }
        return status;
    }

    /**
     * A section over a file (§7.4): the file handle must grant what the protection needs (read; write for
     * a writable section; execute for an executable one), and the file's driver gives the store, which
     * sizes the section (0: the file's size) and extends the file for a larger writable one. The section
     * references the file object until it dies. A store made for a name that turned out to exist already
     * (the existing section is opened) is let go at once.
     */
    private int createFileSection(KThread caller, ObjectAttributes attributes, int desiredAccess, long maximumSize,
            int protection, int sec, long fileHandle, long[] sectionHandle) {
        HandleEntry file = objects.lookup(caller, fileHandle);
        if (file == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (!(file.object() instanceof FileObject fileObject)) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if ((sec & SEC_IMAGE) != 0) {
            return STATUS_INVALID_FILE_FOR_SECTION; // no image loader: nothing is an executable image
        }
        if (maximumSize < 0) {
            return STATUS_INVALID_PARAMETER;
        }
        if (maximumSize > MAX_SIZE) {
            return STATUS_SECTION_TOO_BIG;
        }
        boolean write = (protection & WRITABLE) != 0;
        int needed = FILE_READ_DATA | (write ? FILE_WRITE_DATA : 0) | ((protection & EXECUTABLE) != 0 ? FILE_EXECUTE : 0);
        if ((file.grantedAccess() & needed) != needed) {
            return STATUS_ACCESS_DENIED;
        }
        if (!objects.reference(fileObject)) {
            return STATUS_INVALID_HANDLE;
        }
        BackingStore[] store = new BackingStore[1];
        int status = fileObject.device().driver().sectionStore(fileObject, maximumSize, write, store);
        if (status != STATUS_SUCCESS) {
            objects.dereference(fileObject);
            return status;
        }
        liveStores.incrementAndGet();
        SectionObject body = new SectionObject(store[0], protection, sec, caller.process(), memory, liveStores,
                () -> objects.dereference(fileObject));
        status = objects.create(caller, attributes, IpcTypes.SECTION, desiredAccess, body, sectionHandle);
        if (status != STATUS_SUCCESS) {
            // Not made, or an existing section opened (STATUS_OBJECT_NAME_EXISTS): the store and the file
            // reference go. Never judged by looking the new handle up: another thread may have closed it.
            body.delete();
        }
        return status;
    }

    @Override
    public int openSection(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] sectionHandle) {
        return objects.open(caller, attributes, IpcTypes.SECTION, desiredAccess, sectionHandle);
    }

    @Override
    public int mapView(KThread caller, long sectionHandle, int fileMapAccess, long offset, long size,
            SectionView[] view) {
        HandleEntry entry = objects.lookup(caller, sectionHandle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (view == null || view.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        boolean write = (fileMapAccess & FILE_MAP_WRITE) != 0;
        boolean copy = (fileMapAccess & FILE_MAP_COPY) != 0 && !write;
        boolean execute = (fileMapAccess & FILE_MAP_EXECUTE) != 0;
        // NT's MmMakeSectionAccess: a read-write view needs SECTION_MAP_WRITE alone, any other SECTION_MAP_READ
        int rights = (write ? SECTION_MAP_WRITE : SECTION_MAP_READ) | (execute ? SECTION_MAP_EXECUTE : 0);
        if ((fileMapAccess & (FILE_MAP_READ | FILE_MAP_WRITE | FILE_MAP_COPY)) == 0
                || (fileMapAccess & ~(FILE_MAP_READ | FILE_MAP_WRITE | FILE_MAP_COPY | FILE_MAP_EXECUTE
                        | 0x000F_0018)) != 0) {
            return STATUS_INVALID_PARAMETER;
        }
        int status = entry.check(IpcTypes.SECTION, rights);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        return map(caller.process(), (SectionObject) entry.object(), write, copy, execute, offset, size, view);
    }

    /** Maps a section the kernel holds (not a handle) into {@code process}: LPC's port views. */
    int mapShared(KProcess process, SectionObject section, long offset, long size, SectionView[] view) {
        return map(process, section, (section.protection() & WRITABLE) != 0, false, false, offset, size, view);
    }

    /** The section of the caller's view at {@code baseAddress}, or null. */
    SectionObject sectionAt(KProcess process, long baseAddress) {
        View view = views.get(baseAddress);
        return view == null || view.process() != process ? null : view.section();
    }

    /** Unmaps a view kobj made for a process (a connection that failed); false if it is not mapped. */
    boolean unmap(KProcess process, long baseAddress) {
        View view = views.get(baseAddress);
        if (view == null || view.process() != process || !views.remove(baseAddress, view)) {
            return false;
        }
        release(view);
        return true;
    }

    private int map(KProcess process, SectionObject section, boolean write, boolean copy, boolean execute,
            long offset, long size, SectionView[] view) {
        if ((write && (section.protection() & WRITABLE) == 0)
                || (execute && (section.protection() & EXECUTABLE) == 0)) {
            return STATUS_SECTION_PROTECTION;
        }
        if (offset < 0 || offset % ALLOCATION_GRANULARITY != 0) {
            return STATUS_MAPPED_ALIGNMENT;
        }
        long length = size == 0 ? section.size() - offset : size;
        if (offset >= section.size() || length <= 0 || length > section.size() - offset) {
            return STATUS_INVALID_VIEW_SIZE;
        }
        if (!objects.reference(section)) {
            return STATUS_INVALID_HANDLE;
        }
        BackingStore store = section.store();
        if (store == null) {
            objects.dereference(section);
            return STATUS_NO_MEMORY;
        }
        MemorySegment segment = store.segment().asSlice(offset, length);
        if (copy) {
            segment = Arena.ofAuto().allocate(length, 4096).copyFrom(segment); // FILE_MAP_COPY: private, eager
        } else if (!write) {
            segment = segment.asReadOnly();
        }
        long base = nextBase.getAndAdd((length + ALLOCATION_GRANULARITY - 1) & -ALLOCATION_GRANULARITY);
        int protection = write ? (execute ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE)
                : copy ? PAGE_WRITECOPY : execute ? PAGE_EXECUTE_READ : PAGE_READONLY;
        SectionView mapped = new SectionView(base, length, segment, protection);
        View made = new View(process, section, mapped, offset);
        views.put(base, made);
        // A view mapped while the process runs down would outlive it (unmapAll has passed): the put comes
        // before the check, so either the rundown sees this view or this sees the end.
        if (process.isEnded()) {
            if (views.remove(base, made)) {
                release(made);
            }
            return STATUS_PROCESS_IS_TERMINATING;
        }
        view[0] = mapped;
        return STATUS_SUCCESS;
    }

    @Override
    public int unmapView(KThread caller, long baseAddress) {
        return unmap(caller.process(), baseAddress) ? STATUS_SUCCESS : STATUS_NOT_MAPPED_VIEW;
    }

    @Override
    public int flushView(KThread caller, long address, long size) {
        Map.Entry<Long, View> floor = views.floorEntry(address);
        if (floor == null || floor.getValue().process() != caller.process() || !floor.getValue().contains(address)) {
            return STATUS_NOT_MAPPED_VIEW;
        }
        View view = floor.getValue();
        if (view.view().protection() == PAGE_WRITECOPY) {
            return STATUS_SUCCESS; // a private copy has nothing of the file's to write back
        }
        long into = address - view.view().baseAddress();
        long left = view.view().size() - into;
        long length = size <= 0 || size > left ? left : size; // 0: to the end of the view
        BackingStore store = view.section().store();
        return store == null ? STATUS_SUCCESS : store.flush(view.offset() + into, length); // pagefile: nothing to do
    }

    @Override
    public void unmapAll(KProcess process) {
        for (View view : views.values()) {
            if (view.process() == process && views.remove(view.view().baseAddress(), view)) {
                release(view);
            }
        }
    }

    @Override
    public int liveStores() {
        return liveStores.get();
    }

    private void release(View view) {
        objects.dereference(view.section());
    }
}
