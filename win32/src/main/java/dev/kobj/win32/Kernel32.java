package dev.kobj.win32;

import java.util.Map;

/** The Kernel32 functions of the contract, with Windows names, parameters and failure values; every call sets the calling thread's last error as Windows does. */
public interface Kernel32 {
    boolean CloseHandle(long hObject);
    boolean DuplicateHandle(long hSourceProcessHandle, long hSourceHandle, long hTargetProcessHandle,
            long[] lpTargetHandle, int dwDesiredAccess, boolean bInheritHandle, int dwOptions);
    boolean GetHandleInformation(long hObject, int[] lpdwFlags);
    boolean SetHandleInformation(long hObject, int dwMask, int dwFlags);
    boolean CompareObjectHandles(long hFirstObjectHandle, long hSecondObjectHandle);
    int GetLastError();
    void SetLastError(int dwErrCode);
    long CreateEvent(SecurityAttributes lpEventAttributes, boolean bManualReset, boolean bInitialState, String lpName);
    long CreateEventEx(SecurityAttributes lpEventAttributes, String lpName, int dwFlags, int dwDesiredAccess);
    long OpenEvent(int dwDesiredAccess, boolean bInheritHandle, String lpName);
    boolean SetEvent(long hEvent);
    boolean ResetEvent(long hEvent);
    boolean PulseEvent(long hEvent);
    long CreateMutex(SecurityAttributes lpMutexAttributes, boolean bInitialOwner, String lpName);
    long CreateMutexEx(SecurityAttributes lpMutexAttributes, String lpName, int dwFlags, int dwDesiredAccess);
    long OpenMutex(int dwDesiredAccess, boolean bInheritHandle, String lpName);
    boolean ReleaseMutex(long hMutex);
    long CreateSemaphore(SecurityAttributes lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, String lpName);
    long CreateSemaphoreEx(SecurityAttributes lpSemaphoreAttributes, int lInitialCount, int lMaximumCount,
            String lpName, int dwFlags, int dwDesiredAccess);
    long OpenSemaphore(int dwDesiredAccess, boolean bInheritHandle, String lpName);
    boolean ReleaseSemaphore(long hSemaphore, int lReleaseCount, int[] lpPreviousCount);
    long CreateWaitableTimer(SecurityAttributes lpTimerAttributes, boolean bManualReset, String lpTimerName);
    long CreateWaitableTimerEx(SecurityAttributes lpTimerAttributes, String lpTimerName, int dwFlags,
            int dwDesiredAccess);
    long OpenWaitableTimer(int dwDesiredAccess, boolean bInheritHandle, String lpTimerName);
    boolean SetWaitableTimer(long hTimer, long lpDueTime, int lPeriod, TimerApcProc pfnCompletionRoutine,
            long lpArgToCompletionRoutine, boolean fResume);
    boolean CancelWaitableTimer(long hTimer);
    int WaitForSingleObject(long hHandle, int dwMilliseconds);
    int WaitForSingleObjectEx(long hHandle, int dwMilliseconds, boolean bAlertable);
    int WaitForMultipleObjects(int nCount, long[] lpHandles, boolean bWaitAll, int dwMilliseconds);
    int WaitForMultipleObjectsEx(int nCount, long[] lpHandles, boolean bWaitAll, int dwMilliseconds,
            boolean bAlertable);
    int SignalObjectAndWait(long hObjectToSignal, long hObjectToWaitOn, int dwMilliseconds, boolean bAlertable);
    void Sleep(int dwMilliseconds);
    int SleepEx(int dwMilliseconds, boolean bAlertable);
    int QueueUserAPC(ApcProc pfnAPC, long hThread, long dwData);
    long CreateThread(SecurityAttributes lpThreadAttributes, long dwStackSize, ThreadProc lpStartAddress,
            long lpParameter, int dwCreationFlags, int[] lpThreadId);
    void ExitThread(int dwExitCode);
    long GetCurrentThread();
    int GetCurrentThreadId();
    boolean GetExitCodeThread(long hThread, int[] lpExitCode);
    boolean TerminateThread(long hThread, int dwExitCode);
    long OpenThread(int dwDesiredAccess, boolean bInheritHandle, int dwThreadId);
    boolean CreateProcess(String lpApplicationName, String lpCommandLine, SecurityAttributes lpProcessAttributes,
            SecurityAttributes lpThreadAttributes, boolean bInheritHandles, int dwCreationFlags,
            Map<String, String> lpEnvironment, String lpCurrentDirectory, StartupInfo lpStartupInfo,
            ProcessInformation lpProcessInformation);
    long GetStdHandle(int nStdHandle);
    boolean SetStdHandle(int nStdHandle, long hHandle);
    void ExitProcess(int uExitCode);
    boolean TerminateProcess(long hProcess, int uExitCode);
    long GetCurrentProcess();
    int GetCurrentProcessId();
    boolean GetExitCodeProcess(long hProcess, int[] lpExitCode);
    long OpenProcess(int dwDesiredAccess, boolean bInheritHandle, int dwProcessId);
    boolean CreatePipe(long[] hReadPipe, long[] hWritePipe, SecurityAttributes lpPipeAttributes, int nSize);
    long CreateNamedPipe(String lpName, int dwOpenMode, int dwPipeMode, int nMaxInstances, int nOutBufferSize,
            int nInBufferSize, int nDefaultTimeOut, SecurityAttributes lpSecurityAttributes);
    boolean ConnectNamedPipe(long hNamedPipe, Overlapped lpOverlapped);
    boolean DisconnectNamedPipe(long hNamedPipe);
    boolean WaitNamedPipe(String lpNamedPipeName, int nTimeOut);
    boolean PeekNamedPipe(long hNamedPipe, byte[] lpBuffer, int nBufferSize, int[] lpBytesRead,
            int[] lpTotalBytesAvail, int[] lpBytesLeftThisMessage);
    boolean TransactNamedPipe(long hNamedPipe, byte[] lpInBuffer, int nInBufferSize, byte[] lpOutBuffer,
            int nOutBufferSize, int[] lpBytesRead, Overlapped lpOverlapped);
    boolean SetNamedPipeHandleState(long hNamedPipe, int[] lpMode, int[] lpMaxCollectionCount,
            int[] lpCollectDataTimeout);
    boolean GetNamedPipeInfo(long hNamedPipe, int[] lpFlags, int[] lpOutBufferSize, int[] lpInBufferSize,
            int[] lpMaxInstances);
    long CreateMailslot(String lpName, int nMaxMessageSize, int lReadTimeout, SecurityAttributes lpSecurityAttributes);
    boolean GetMailslotInfo(long hMailslot, int[] lpMaxMessageSize, int[] lpNextSize, int[] lpMessageCount,
            int[] lpReadTimeout);
    boolean SetMailslotInfo(long hMailslot, int lReadTimeout);
    long CreateFileMapping(long hFile, SecurityAttributes lpFileMappingAttributes, int flProtect,
            int dwMaximumSizeHigh, int dwMaximumSizeLow, String lpName);
    long OpenFileMapping(int dwDesiredAccess, boolean bInheritHandle, String lpName);
    MappedView MapViewOfFile(long hFileMappingObject, int dwDesiredAccess, int dwFileOffsetHigh,
            int dwFileOffsetLow, long dwNumberOfBytesToMap);
    boolean UnmapViewOfFile(long lpBaseAddress);
    boolean FlushViewOfFile(long lpBaseAddress, long dwNumberOfBytesToFlush);
    long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey,
            int numberOfConcurrentThreads);
    boolean PostQueuedCompletionStatus(long completionPort, int dwNumberOfBytesTransferred, long dwCompletionKey,
            Overlapped lpOverlapped);
    boolean GetQueuedCompletionStatus(long completionPort, int[] lpNumberOfBytesTransferred, long[] lpCompletionKey,
            Overlapped[] lpOverlapped, int dwMilliseconds);
    boolean GetQueuedCompletionStatusEx(long completionPort, OverlappedEntry[] lpCompletionPortEntries, int ulCount,
            int[] ulNumEntriesRemoved, int dwMilliseconds, boolean fAlertable);
    long CreateFile(String lpFileName, int dwDesiredAccess, int dwShareMode, SecurityAttributes lpSecurityAttributes,
            int dwCreationDisposition, int dwFlagsAndAttributes, long hTemplateFile);
    boolean ReadFile(long hFile, byte[] lpBuffer, int nNumberOfBytesToRead, int[] lpNumberOfBytesRead,
            Overlapped lpOverlapped);
    boolean WriteFile(long hFile, byte[] lpBuffer, int nNumberOfBytesToWrite, int[] lpNumberOfBytesWritten,
            Overlapped lpOverlapped);
    int SetFilePointer(long hFile, int lDistanceToMove, int[] lpDistanceToMoveHigh, int dwMoveMethod);
    boolean SetFilePointerEx(long hFile, long liDistanceToMove, long[] lpNewFilePointer, int dwMoveMethod);
    boolean SetEndOfFile(long hFile);
    int GetFileSize(long hFile, int[] lpFileSizeHigh);
    boolean GetFileSizeEx(long hFile, long[] lpFileSize);
    boolean FlushFileBuffers(long hFile);
    boolean DeleteFile(String lpFileName);
    boolean LockFile(long hFile, int dwFileOffsetLow, int dwFileOffsetHigh, int nNumberOfBytesToLockLow,
            int nNumberOfBytesToLockHigh);
    boolean LockFileEx(long hFile, int dwFlags, int dwReserved, int nNumberOfBytesToLockLow,
            int nNumberOfBytesToLockHigh, Overlapped lpOverlapped);
    boolean UnlockFile(long hFile, int dwFileOffsetLow, int dwFileOffsetHigh, int nNumberOfBytesToUnlockLow,
            int nNumberOfBytesToUnlockHigh);
    boolean UnlockFileEx(long hFile, int dwReserved, int nNumberOfBytesToUnlockLow, int nNumberOfBytesToUnlockHigh,
            Overlapped lpOverlapped);
    int GetFileType(long hFile);
    long CreateJobObject(SecurityAttributes lpJobAttributes, String lpName);
    long OpenJobObject(int dwDesiredAccess, boolean bInheritHandle, String lpName);
    boolean AssignProcessToJobObject(long hJob, long hProcess);
    boolean TerminateJobObject(long hJob, int uExitCode);
    boolean IsProcessInJob(long processHandle, long jobHandle, boolean[] result);
    boolean SetInformationJobObject(long hJob, int jobObjectInformationClass, Record jobObjectInformation);
    boolean QueryInformationJobObject(long hJob, int jobObjectInformationClass, Record[] jobObjectInformation,
            int[] lpReturnLength);
    int SuspendThread(long hThread);
    int ResumeThread(long hThread);
    boolean GetOverlappedResult(long hFile, Overlapped lpOverlapped, int[] lpNumberOfBytesTransferred, boolean bWait);
    boolean CancelIo(long hFile);
    boolean CancelIoEx(long hFile, Overlapped lpOverlapped);
    boolean CreateDirectory(String lpPathName, SecurityAttributes lpSecurityAttributes);
    boolean RemoveDirectory(String lpPathName);
    int GetFileAttributes(String lpFileName);
    boolean OpenProcessToken(long processHandle, int desiredAccess, long[] tokenHandle);
    boolean OpenThreadToken(long threadHandle, int desiredAccess, boolean openAsSelf, long[] tokenHandle);
    boolean GetKernelObjectSecurity(long handle, int requestedInformation, SecurityDescriptor[] securityDescriptor);
    boolean SetKernelObjectSecurity(long handle, int securityInformation, SecurityDescriptor securityDescriptor);
}
