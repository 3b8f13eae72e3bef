package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static java.util.Objects.requireNonNull;

/** Ntdll on the kernel's services. Calls whose family has not landed yet return STATUS_NOT_IMPLEMENTED. */
final class NtdllImpl implements Ntdll {
    private final CallContext context;

    NtdllImpl(CallContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public int NtClose(long handle) {
        return context.objects().close(context.thread(), handle);
    }

    @Override
    public int NtDuplicateObject(long sourceProcessHandle, long sourceHandle, long targetProcessHandle, long[] targetHandle, int desiredAccess, int handleAttributes, int options) {
        return context.objects().duplicate(context.thread(), sourceProcessHandle, sourceHandle, targetProcessHandle,
                targetHandle, desiredAccess, handleAttributes, options);
    }

    @Override
    public int NtQueryObject(long handle, int objectInformationClass, Object[] objectInformation, int length, int[] returnLength) {
        return ObjectQueries.queryObject(context.objects(), context.thread(), handle, objectInformationClass,
                objectInformation, length, returnLength);
    }

    @Override
    public int NtCreateEvent(long[] eventHandle, int desiredAccess, ObjectAttributes objectAttributes, int eventType, boolean initialState) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtOpenEvent(long[] eventHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtSetEvent(long eventHandle, int[] previousState) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtResetEvent(long eventHandle, int[] previousState) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtPulseEvent(long eventHandle, int[] previousState) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtQueryEvent(long eventHandle, int eventInformationClass, Object[] eventInformation, int length, int[] returnLength) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCreateMutant(long[] mutantHandle, int desiredAccess, ObjectAttributes objectAttributes, boolean initialOwner) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtOpenMutant(long[] mutantHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtReleaseMutant(long mutantHandle, int[] previousCount) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtQueryMutant(long mutantHandle, int mutantInformationClass, Object[] mutantInformation, int length, int[] returnLength) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCreateSemaphore(long[] semaphoreHandle, int desiredAccess, ObjectAttributes objectAttributes, int initialCount, int maximumCount) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtOpenSemaphore(long[] semaphoreHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtReleaseSemaphore(long semaphoreHandle, int releaseCount, int[] previousCount) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtQuerySemaphore(long semaphoreHandle, int semaphoreInformationClass, Object[] semaphoreInformation, int length, int[] returnLength) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCreateKeyedEvent(long[] keyedEventHandle, int desiredAccess, ObjectAttributes objectAttributes, int flags) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtWaitForKeyedEvent(long keyedEventHandle, long key, boolean alertable, Long timeout) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtReleaseKeyedEvent(long keyedEventHandle, long key, boolean alertable, Long timeout) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtWaitForSingleObject(long handle, boolean alertable, Long timeout) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtWaitForMultipleObjects(int count, long[] handles, int waitType, boolean alertable, Long timeout) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtSignalAndWaitForSingleObject(long signalHandle, long waitHandle, boolean alertable, Long timeout) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCreateDirectoryObject(long[] directoryHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return context.objects().createDirectory(context.thread(), Names.nt(objectAttributes), desiredAccess,
                directoryHandle);
    }

    @Override
    public int NtOpenDirectoryObject(long[] directoryHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return context.objects().openDirectory(context.thread(), Names.nt(objectAttributes), desiredAccess,
                directoryHandle);
    }

    @Override
    public int NtQueryDirectoryObject(long directoryHandle, Object[] buffer, int length, boolean returnSingleEntry, boolean restartScan, int[] context, int[] returnLength) {
        return ObjectQueries.queryDirectory(this.context.objects(), this.context.thread(), directoryHandle, buffer,
                length, returnSingleEntry, restartScan, context, returnLength);
    }

    @Override
    public int NtCreateSymbolicLinkObject(long[] linkHandle, int desiredAccess, ObjectAttributes objectAttributes, String linkTarget) {
        if (linkTarget == null || linkTarget.isEmpty()) {
            if (linkHandle != null && linkHandle.length > 0) {
                linkHandle[0] = 0;
            }
            return STATUS_INVALID_PARAMETER;
        }
        return context.objects().createSymbolicLink(context.thread(), Names.nt(objectAttributes), desiredAccess,
                linkTarget, linkHandle);
    }

    @Override
    public int NtOpenSymbolicLinkObject(long[] linkHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return context.objects().openSymbolicLink(context.thread(), Names.nt(objectAttributes), desiredAccess,
                linkHandle);
    }

    @Override
    public int NtQuerySymbolicLinkObject(long linkHandle, String[] linkTarget, int[] returnedLength) {
        String[] target = new String[1];
        int status = context.objects().querySymbolicLink(context.thread(), linkHandle, target);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        int bytes = target[0].length() * 2;
        if (returnedLength != null && returnedLength.length > 0) {
            returnedLength[0] = bytes;
        }
        if (linkTarget == null || linkTarget.length == 0) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        linkTarget[0] = target[0];
        return STATUS_SUCCESS;
    }

    @Override
    public int NtMakeTemporaryObject(long handle) {
        return context.objects().makeTemporary(context.thread(), handle);
    }

    @Override
    public int NtMakePermanentObject(long handle) {
        return context.objects().makePermanent(context.thread(), handle);
    }

    @Override
    public int RtlNtStatusToDosError(int status) {
        return context.ntStatusToDosError(status);
    }

    @Override
    public int NtOpenKeyedEvent(long[] keyedEventHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCreateTimer(long[] timerHandle, int desiredAccess, ObjectAttributes objectAttributes, int timerType) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtOpenTimer(long[] timerHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtSetTimer(long timerHandle, long dueTime, TimerApcProc timerApcRoutine, long timerContext, boolean resume, int period, boolean[] previousState) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCancelTimer(long timerHandle, boolean[] currentState) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCreateSection(long[] sectionHandle, int desiredAccess, ObjectAttributes objectAttributes, Long maximumSize, int sectionPageProtection, int allocationAttributes, long fileHandle) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtOpenSection(long[] sectionHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtCreateIoCompletion(long[] ioCompletionHandle, int desiredAccess, ObjectAttributes objectAttributes, int numberOfConcurrentThreads) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtSetIoCompletion(long ioCompletionHandle, long keyContext, long apcContext, int ioStatus, long ioStatusInformation) {
        return STATUS_NOT_IMPLEMENTED;
    }

    @Override
    public int NtRemoveIoCompletion(long ioCompletionHandle, long[] keyContext, long[] apcContext, IoStatusBlock ioStatusBlock, Long timeout) {
        return STATUS_NOT_IMPLEMENTED;
    }
}
