package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.sync.SyncService;

/** Ntdll on the kernel's services. Calls whose family has not landed yet return STATUS_NOT_IMPLEMENTED. */
final class NtdllImpl implements Ntdll {
    private final SectionCalls sections;
    private final PortCalls ports;
    private final CallContext context;
    private final IoCalls io;

    NtdllImpl(CallContext context) {
        this.context = requireNonNull(context, "context is null");
        this.sections = new SectionCalls(context, context.service(dev.kobj.api.section.SectionService.class));
        this.ports = new PortCalls(context, context.service(dev.kobj.api.port.PortService.class));
        this.io = new IoCalls(context);
    }

    /** sizeof(EVENT/MUTANT/SEMAPHORE_BASIC_INFORMATION). */
    private static final int SYNC_BASIC_SIZE = 8;

    /** The class and length checks of the sync queries, made before the handle is looked at. */
    private static int basicQuery(int informationClass, int length, int[] returnLength) {
        if (informationClass != 0) {
            return STATUS_INVALID_INFO_CLASS;
        }
        if (returnLength != null && returnLength.length > 0) {
            returnLength[0] = SYNC_BASIC_SIZE;
        }
        return length == SYNC_BASIC_SIZE ? STATUS_SUCCESS : STATUS_INFO_LENGTH_MISMATCH;
    }

    /** NT's timeout pointer: null is no timeout. */
    private static long ntTimeout(Long timeout) {
        return timeout == null ? WaitService.INFINITE : timeout;
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
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.createEvent(context.thread(), Names.nt(objectAttributes), desiredAccess, eventType, initialState,
                eventHandle);
    }

    @Override
    public int NtOpenEvent(long[] eventHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.openEvent(context.thread(), Names.nt(objectAttributes), desiredAccess, eventHandle);
    }

    @Override
    public int NtSetEvent(long eventHandle, int[] previousState) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.setEvent(context.thread(), eventHandle, previousState);
    }

    @Override
    public int NtResetEvent(long eventHandle, int[] previousState) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.resetEvent(context.thread(), eventHandle, previousState);
    }

    @Override
    public int NtPulseEvent(long eventHandle, int[] previousState) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.pulseEvent(context.thread(), eventHandle, previousState);
    }

    @Override
    public int NtQueryEvent(long eventHandle, int eventInformationClass, Object[] eventInformation, int length, int[] returnLength) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        int status = basicQuery(eventInformationClass, length, returnLength);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        int[] info = new int[2];
        status = sync.queryEvent(context.thread(), eventHandle, info);
        return status != STATUS_SUCCESS ? status
                : ObjectQueries.store(eventInformation, new EventBasicInformation(info[0], info[1]));
    }

    @Override
    public int NtCreateMutant(long[] mutantHandle, int desiredAccess, ObjectAttributes objectAttributes, boolean initialOwner) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.createMutant(context.thread(), Names.nt(objectAttributes), desiredAccess, initialOwner,
                mutantHandle);
    }

    @Override
    public int NtOpenMutant(long[] mutantHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.openMutant(context.thread(), Names.nt(objectAttributes), desiredAccess, mutantHandle);
    }

    @Override
    public int NtReleaseMutant(long mutantHandle, int[] previousCount) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.releaseMutant(context.thread(), mutantHandle, previousCount);
    }

    @Override
    public int NtQueryMutant(long mutantHandle, int mutantInformationClass, Object[] mutantInformation, int length, int[] returnLength) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        int status = basicQuery(mutantInformationClass, length, returnLength);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        int[] info = new int[3];
        status = sync.queryMutant(context.thread(), mutantHandle, info);
        return status != STATUS_SUCCESS ? status
                : ObjectQueries.store(mutantInformation, new MutantBasicInformation(info[0], info[1] != 0, info[2] != 0));
    }

    @Override
    public int NtCreateSemaphore(long[] semaphoreHandle, int desiredAccess, ObjectAttributes objectAttributes, int initialCount, int maximumCount) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.createSemaphore(context.thread(), Names.nt(objectAttributes), desiredAccess, initialCount,
                maximumCount, semaphoreHandle);
    }

    @Override
    public int NtOpenSemaphore(long[] semaphoreHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.openSemaphore(context.thread(), Names.nt(objectAttributes), desiredAccess, semaphoreHandle);
    }

    @Override
    public int NtReleaseSemaphore(long semaphoreHandle, int releaseCount, int[] previousCount) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.releaseSemaphore(context.thread(), semaphoreHandle, releaseCount, previousCount);
    }

    @Override
    public int NtQuerySemaphore(long semaphoreHandle, int semaphoreInformationClass, Object[] semaphoreInformation, int length, int[] returnLength) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        int status = basicQuery(semaphoreInformationClass, length, returnLength);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        int[] info = new int[2];
        status = sync.querySemaphore(context.thread(), semaphoreHandle, info);
        return status != STATUS_SUCCESS ? status
                : ObjectQueries.store(semaphoreInformation, new SemaphoreBasicInformation(info[0], info[1]));
    }

    @Override
    public int NtCreateKeyedEvent(long[] keyedEventHandle, int desiredAccess, ObjectAttributes objectAttributes, int flags) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.createKeyedEvent(context.thread(), Names.nt(objectAttributes), desiredAccess, flags,
                keyedEventHandle);
    }

    @Override
    public int NtWaitForKeyedEvent(long keyedEventHandle, long key, boolean alertable, Long timeout) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        var thread = context.thread();
        int status = sync.waitForKeyedEvent(thread, keyedEventHandle, key, alertable, ntTimeout(timeout));
        Win32ProcessImpl.fence(thread);
        return status;
    }

    @Override
    public int NtReleaseKeyedEvent(long keyedEventHandle, long key, boolean alertable, Long timeout) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        var thread = context.thread();
        int status = sync.releaseKeyedEvent(thread, keyedEventHandle, key, alertable, ntTimeout(timeout));
        Win32ProcessImpl.fence(thread);
        return status;
    }

    @Override
    public int NtWaitForSingleObject(long handle, boolean alertable, Long timeout) {
        var thread = context.thread();
        int status = context.waits().waitForSingleObject(thread, handle, alertable, ntTimeout(timeout));
        Win32ProcessImpl.fence(thread);
        return status;
    }

    @Override
    public int NtWaitForMultipleObjects(int count, long[] handles, int waitType, boolean alertable, Long timeout) {
        var thread = context.thread();
        int status = context.waits().waitForMultipleObjects(thread, count, handles, waitType, alertable,
                ntTimeout(timeout));
        Win32ProcessImpl.fence(thread);
        return status;
    }

    @Override
    public int NtSignalAndWaitForSingleObject(long signalHandle, long waitHandle, boolean alertable, Long timeout) {
        var thread = context.thread();
        int status = SignalAndWait.signalAndWait(context, thread, signalHandle, waitHandle, alertable,
                ntTimeout(timeout));
        Win32ProcessImpl.fence(thread);
        return status;
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
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.openKeyedEvent(context.thread(), Names.nt(objectAttributes), desiredAccess, keyedEventHandle);
    }

    @Override
    public int NtCreateTimer(long[] timerHandle, int desiredAccess, ObjectAttributes objectAttributes, int timerType) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.createTimer(context.thread(), Names.nt(objectAttributes), desiredAccess, timerType, timerHandle);
    }

    @Override
    public int NtOpenTimer(long[] timerHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.openTimer(context.thread(), Names.nt(objectAttributes), desiredAccess, timerHandle);
    }

    @Override
    public int NtSetTimer(long timerHandle, long dueTime, TimerApcProc timerApcRoutine, long timerContext, boolean resume, int period, boolean[] previousState) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.setTimer(context.thread(), timerHandle, dueTime, TimerCompletions.of(timerApcRoutine, timerContext),
                resume, period, previousState);
    }

    @Override
    public int NtCancelTimer(long timerHandle, boolean[] currentState) {
        SyncService sync = context.sync();
        if (sync == null) {
            return STATUS_NOT_IMPLEMENTED;
        }
        return sync.cancelTimer(context.thread(), timerHandle, currentState);
    }

    @Override
    public int NtCreateSection(long[] sectionHandle, int desiredAccess, ObjectAttributes objectAttributes, Long maximumSize, int sectionPageProtection, int allocationAttributes, long fileHandle) {
        return sections.ntCreateSection(sectionHandle, desiredAccess, objectAttributes, maximumSize,
                sectionPageProtection, allocationAttributes, fileHandle);
    }

    @Override
    public int NtOpenSection(long[] sectionHandle, int desiredAccess, ObjectAttributes objectAttributes) {
        return sections.ntOpenSection(sectionHandle, desiredAccess, objectAttributes);
    }

    @Override
    public int NtCreateIoCompletion(long[] ioCompletionHandle, int desiredAccess, ObjectAttributes objectAttributes, int numberOfConcurrentThreads) {
        return io.ntCreateIoCompletion(ioCompletionHandle, desiredAccess, objectAttributes, numberOfConcurrentThreads);
    }

    @Override
    public int NtSetIoCompletion(long ioCompletionHandle, long keyContext, long apcContext, int ioStatus, long ioStatusInformation) {
        return io.ntSetIoCompletion(ioCompletionHandle, keyContext, apcContext, ioStatus, ioStatusInformation);
    }

    @Override
    public int NtRemoveIoCompletion(long ioCompletionHandle, long[] keyContext, long[] apcContext, IoStatusBlock ioStatusBlock, Long timeout) {
        return io.ntRemoveIoCompletion(ioCompletionHandle, keyContext, apcContext, ioStatusBlock, timeout);
    }

    @Override
    public int NtCreatePort(long[] portHandle, ObjectAttributes objectAttributes, int maxConnectionInfoLength,
            int maxMessageLength, int maxPoolUsage) {
        return ports.createPort(portHandle, objectAttributes, maxConnectionInfoLength, maxMessageLength);
    }

    @Override
    public int NtConnectPort(long[] portHandle, String portName, PortView clientView, MappedView[] clientViewMapped,
            int[] maxMessageLength, byte[] connectionInformation, byte[][] connectionInformationOut) {
        return ports.connectPort(portHandle, portName, clientView, clientViewMapped, maxMessageLength,
                connectionInformation, connectionInformationOut);
    }

    @Override
    public int NtListenPort(long portHandle, PortMessage[] connectionRequest) {
        return ports.listenPort(portHandle, connectionRequest);
    }

    @Override
    public int NtAcceptConnectPort(long[] portHandle, long portContext, PortMessage connectionRequest,
            boolean acceptConnection, MappedView[] clientView) {
        return ports.acceptConnectPort(portHandle, portContext, connectionRequest, acceptConnection, clientView);
    }

    @Override
    public int NtCompleteConnectPort(long portHandle) {
        return ports.completeConnectPort(portHandle);
    }

    @Override
    public int NtRequestPort(long portHandle, PortMessage requestMessage) {
        return ports.requestPort(portHandle, requestMessage);
    }

    @Override
    public int NtRequestWaitReplyPort(long portHandle, PortMessage requestMessage, PortMessage[] replyMessage) {
        return ports.requestWaitReplyPort(portHandle, requestMessage, replyMessage);
    }

    @Override
    public int NtReplyPort(long portHandle, PortMessage replyMessage) {
        return ports.replyPort(portHandle, replyMessage);
    }

    @Override
    public int NtReplyWaitReceivePort(long portHandle, long[] portContext, PortMessage replyMessage,
            PortMessage[] receiveMessage) {
        return ports.replyWaitReceivePort(portHandle, portContext, replyMessage, receiveMessage);
    }

    @Override
    public int NtSetInformationObject(long handle, int objectInformationClass, Object objectInformation, int length) {
        return ObjectQueries.setObject(context.objects(), context.thread(), handle, objectInformationClass,
                objectInformation, length);
    }
}
