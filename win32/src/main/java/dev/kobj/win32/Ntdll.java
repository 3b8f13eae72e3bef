package dev.kobj.win32;

/** The native (Nt*) functions of the contract; each returns an NTSTATUS as {@code int}. */
public interface Ntdll {
    int NtClose(long handle);
    int NtDuplicateObject(long sourceProcessHandle, long sourceHandle, long targetProcessHandle, long[] targetHandle,
            int desiredAccess, int handleAttributes, int options);
    int NtQueryObject(long handle, int objectInformationClass, Object[] objectInformation, int length,
            int[] returnLength);
    int NtCreateEvent(long[] eventHandle, int desiredAccess, ObjectAttributes objectAttributes, int eventType,
            boolean initialState);
    int NtOpenEvent(long[] eventHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtSetEvent(long eventHandle, int[] previousState);
    int NtResetEvent(long eventHandle, int[] previousState);
    int NtPulseEvent(long eventHandle, int[] previousState);
    int NtQueryEvent(long eventHandle, int eventInformationClass, Object[] eventInformation, int length,
            int[] returnLength);
    int NtCreateMutant(long[] mutantHandle, int desiredAccess, ObjectAttributes objectAttributes,
            boolean initialOwner);
    int NtOpenMutant(long[] mutantHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtReleaseMutant(long mutantHandle, int[] previousCount);
    int NtQueryMutant(long mutantHandle, int mutantInformationClass, Object[] mutantInformation, int length,
            int[] returnLength);
    int NtCreateSemaphore(long[] semaphoreHandle, int desiredAccess, ObjectAttributes objectAttributes,
            int initialCount, int maximumCount);
    int NtOpenSemaphore(long[] semaphoreHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtReleaseSemaphore(long semaphoreHandle, int releaseCount, int[] previousCount);
    int NtQuerySemaphore(long semaphoreHandle, int semaphoreInformationClass, Object[] semaphoreInformation,
            int length, int[] returnLength);
    int NtCreateKeyedEvent(long[] keyedEventHandle, int desiredAccess, ObjectAttributes objectAttributes, int flags);
    int NtWaitForKeyedEvent(long keyedEventHandle, long key, boolean alertable, Long timeout);
    int NtReleaseKeyedEvent(long keyedEventHandle, long key, boolean alertable, Long timeout);
    int NtWaitForSingleObject(long handle, boolean alertable, Long timeout);
    int NtWaitForMultipleObjects(int count, long[] handles, int waitType, boolean alertable, Long timeout);
    int NtSignalAndWaitForSingleObject(long signalHandle, long waitHandle, boolean alertable, Long timeout);
    int NtCreateDirectoryObject(long[] directoryHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtOpenDirectoryObject(long[] directoryHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtQueryDirectoryObject(long directoryHandle, Object[] buffer, int length, boolean returnSingleEntry,
            boolean restartScan, int[] context, int[] returnLength);
    int NtCreateSymbolicLinkObject(long[] linkHandle, int desiredAccess, ObjectAttributes objectAttributes,
            String linkTarget);
    int NtOpenSymbolicLinkObject(long[] linkHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtQuerySymbolicLinkObject(long linkHandle, String[] linkTarget, int[] returnedLength);
    int NtMakeTemporaryObject(long handle);
    int NtMakePermanentObject(long handle);
    int RtlNtStatusToDosError(int status);
    int NtOpenKeyedEvent(long[] keyedEventHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtCreateTimer(long[] timerHandle, int desiredAccess, ObjectAttributes objectAttributes, int timerType);
    int NtOpenTimer(long[] timerHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtSetTimer(long timerHandle, long dueTime, TimerApcProc timerApcRoutine, long timerContext, boolean resume,
            int period, boolean[] previousState);
    int NtCancelTimer(long timerHandle, boolean[] currentState);
    int NtCreateSection(long[] sectionHandle, int desiredAccess, ObjectAttributes objectAttributes, Long maximumSize,
            int sectionPageProtection, int allocationAttributes, long fileHandle);
    int NtOpenSection(long[] sectionHandle, int desiredAccess, ObjectAttributes objectAttributes);
    int NtCreateIoCompletion(long[] ioCompletionHandle, int desiredAccess, ObjectAttributes objectAttributes,
            int numberOfConcurrentThreads);
    int NtSetIoCompletion(long ioCompletionHandle, long keyContext, long apcContext, int ioStatus, long ioStatusInformation);
    int NtRemoveIoCompletion(long ioCompletionHandle, long[] keyContext, long[] apcContext, IoStatusBlock ioStatusBlock,
            Long timeout);

    /** Sets ObjectHandleFlagInformation (class 4) of a handle (a kobj addition; NtQueryObject reads it). */
    int NtSetInformationObject(long handle, int objectInformationClass, Object objectInformation, int length);

    // LPC ports (a kobj addition to the contract; see win32/README.md)

    int NtCreatePort(long[] portHandle, ObjectAttributes objectAttributes, int maxConnectionInfoLength,
            int maxMessageLength, int maxPoolUsage);

    int NtConnectPort(long[] portHandle, String portName, PortView clientView, MappedView[] clientViewMapped,
            int[] maxMessageLength, byte[] connectionInformation, byte[][] connectionInformationOut);

    int NtListenPort(long portHandle, PortMessage[] connectionRequest);

    int NtAcceptConnectPort(long[] portHandle, long portContext, PortMessage connectionRequest,
            boolean acceptConnection, MappedView[] clientView);

    int NtCompleteConnectPort(long portHandle);

    int NtRequestPort(long portHandle, PortMessage requestMessage);

    int NtRequestWaitReplyPort(long portHandle, PortMessage requestMessage, PortMessage[] replyMessage);

    int NtReplyPort(long portHandle, PortMessage replyMessage);

    int NtReplyWaitReceivePort(long portHandle, long[] portContext, PortMessage replyMessage,
            PortMessage[] receiveMessage);
}
