package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static java.util.Objects.requireNonNull;

import dev.kobj.api.KernelThreadExit;
import dev.kobj.api.dispatch.WaitService;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.sync.SyncService;
import dev.kobj.api.status.NtStatus;
import java.util.Map;

/**
 * Kernel32 on the kernel's services. Functions whose family has not landed yet fail the Windows way:
 * their failure value with ERROR_CALL_NOT_IMPLEMENTED.
 */
final class Kernel32Impl implements Kernel32 {
    private final CallContext context;
    private final SectionCalls sections;
    private final JobCalls jobs;
    private final IoCalls io;
    private final FileCalls files;
    private final PipeCalls pipes;

    Kernel32Impl(CallContext context) {
        this.context = requireNonNull(context, "context is null");
        this.sections = new SectionCalls(context, context.service(dev.kobj.api.section.SectionService.class));
        this.jobs = new JobCalls(context, context.service(dev.kobj.api.job.JobService.class));
        this.io = new IoCalls(context);
        this.files = new FileCalls(context, context.service(dev.kobj.api.fs.FileService.class));
        this.pipes = new PipeCalls(context);
    }

    /** The Ntdll of the same process. */
    Ntdll ntdll() {
        return context.ntdll();
    }

    @Override
    public boolean CloseHandle(long hObject) {
        KThread thread = context.thread();
        return succeeded(thread, context.objects().close(thread, hObject));
    }

    @Override
    public boolean DuplicateHandle(long hSourceProcessHandle, long hSourceHandle, long hTargetProcessHandle, long[] lpTargetHandle, int dwDesiredAccess, boolean bInheritHandle, int dwOptions) {
        KThread thread = context.thread();
        return succeeded(thread, context.objects().duplicate(thread, hSourceProcessHandle, hSourceHandle,
                hTargetProcessHandle, lpTargetHandle, dwDesiredAccess, bInheritHandle ? OBJ_INHERIT : 0, dwOptions));
    }

    @Override
    public boolean GetHandleInformation(long hObject, int[] lpdwFlags) {
        KThread thread = context.thread();
        int[] attributes = new int[1];
        int status = lpdwFlags == null ? STATUS_INVALID_PARAMETER
                : context.objects().handleAttributes(thread, hObject, attributes);
        if (status == STATUS_SUCCESS) {
            lpdwFlags[0] = HandleFlags.fromAttributes(attributes[0]);
        }
        return succeeded(thread, status);
    }

    @Override
    public boolean SetHandleInformation(long hObject, int dwMask, int dwFlags) {
        KThread thread = context.thread();
        return succeeded(thread, context.objects().setHandleAttributes(thread, hObject,
                HandleFlags.toAttributes(dwMask), HandleFlags.toAttributes(dwFlags)));
    }

    @Override
    public boolean CompareObjectHandles(long hFirstObjectHandle, long hSecondObjectHandle) {
        KThread thread = context.thread();
        return succeeded(thread, context.objects().compare(thread, hFirstObjectHandle, hSecondObjectHandle));
    }

    @Override
    public int GetLastError() {
        return context.lastError();
    }

    @Override
    public void SetLastError(int dwErrCode) {
        context.setLastError(dwErrCode);
    }

    @Override
    public long CreateEvent(SecurityAttributes lpEventAttributes, boolean bManualReset, boolean bInitialState, String lpName) {
        return CreateEventEx(lpEventAttributes, lpName,
                (bManualReset ? CREATE_EVENT_MANUAL_RESET : 0) | (bInitialState ? CREATE_EVENT_INITIAL_SET : 0),
                EVENT_ALL_ACCESS);
    }

    @Override
    public long CreateEventEx(SecurityAttributes lpEventAttributes, String lpName, int dwFlags, int dwDesiredAccess) {
        if ((dwFlags & ~(CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET)) != 0) {
            return failed(context.thread(), STATUS_INVALID_PARAMETER);
        }
        return createNamed(lpEventAttributes, lpName, (sync, thread, attributes, handle) ->
                sync.createEvent(thread, attributes, dwDesiredAccess,
                        (dwFlags & CREATE_EVENT_MANUAL_RESET) != 0 ? NotificationEvent : SynchronizationEvent,
                        (dwFlags & CREATE_EVENT_INITIAL_SET) != 0, handle));
    }

    @Override
    public long OpenEvent(int dwDesiredAccess, boolean bInheritHandle, String lpName) {
        return openNamed(lpName, bInheritHandle, (sync, thread, attributes, handle) ->
                sync.openEvent(thread, attributes, dwDesiredAccess, handle));
    }

    @Override
    public boolean SetEvent(long hEvent) {
        return onHandle(hEvent, (sync, thread, handle) -> sync.setEvent(thread, handle, null));
    }

    @Override
    public boolean ResetEvent(long hEvent) {
        return onHandle(hEvent, (sync, thread, handle) -> sync.resetEvent(thread, handle, null));
    }

    @Override
    public boolean PulseEvent(long hEvent) {
        return onHandle(hEvent, (sync, thread, handle) -> sync.pulseEvent(thread, handle, null));
    }

    @Override
    public long CreateMutex(SecurityAttributes lpMutexAttributes, boolean bInitialOwner, String lpName) {
        return CreateMutexEx(lpMutexAttributes, lpName, bInitialOwner ? CREATE_MUTEX_INITIAL_OWNER : 0,
                MUTEX_ALL_ACCESS);
    }

    @Override
    public long CreateMutexEx(SecurityAttributes lpMutexAttributes, String lpName, int dwFlags, int dwDesiredAccess) {
        if ((dwFlags & ~CREATE_MUTEX_INITIAL_OWNER) != 0) {
            return failed(context.thread(), STATUS_INVALID_PARAMETER);
        }
        return createNamed(lpMutexAttributes, lpName, (sync, thread, attributes, handle) ->
                sync.createMutant(thread, attributes, dwDesiredAccess, (dwFlags & CREATE_MUTEX_INITIAL_OWNER) != 0,
                        handle));
    }

    @Override
    public long OpenMutex(int dwDesiredAccess, boolean bInheritHandle, String lpName) {
        return openNamed(lpName, bInheritHandle, (sync, thread, attributes, handle) ->
                sync.openMutant(thread, attributes, dwDesiredAccess, handle));
    }

    @Override
    public boolean ReleaseMutex(long hMutex) {
        return onHandle(hMutex, (sync, thread, handle) -> sync.releaseMutant(thread, handle, null));
    }

    @Override
    public long CreateSemaphore(SecurityAttributes lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, String lpName) {
        return CreateSemaphoreEx(lpSemaphoreAttributes, lInitialCount, lMaximumCount, lpName, 0,
                SEMAPHORE_ALL_ACCESS);
    }

    @Override
    public long CreateSemaphoreEx(SecurityAttributes lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, String lpName, int dwFlags, int dwDesiredAccess) {
        if (dwFlags != 0) {
            return failed(context.thread(), STATUS_INVALID_PARAMETER);
        }
        return createNamed(lpSemaphoreAttributes, lpName, (sync, thread, attributes, handle) ->
                sync.createSemaphore(thread, attributes, dwDesiredAccess, lInitialCount, lMaximumCount, handle));
    }

    @Override
    public long OpenSemaphore(int dwDesiredAccess, boolean bInheritHandle, String lpName) {
        return openNamed(lpName, bInheritHandle, (sync, thread, attributes, handle) ->
                sync.openSemaphore(thread, attributes, dwDesiredAccess, handle));
    }

    @Override
    public boolean ReleaseSemaphore(long hSemaphore, int lReleaseCount, int[] lpPreviousCount) {
        SyncService sync = context.sync();
        if (sync == null) {
            return notImplemented();
        }
        KThread thread = context.thread();
        return succeeded(thread, sync.releaseSemaphore(thread, hSemaphore, lReleaseCount, lpPreviousCount));
    }

    @Override
    public long CreateWaitableTimer(SecurityAttributes lpTimerAttributes, boolean bManualReset, String lpTimerName) {
        return CreateWaitableTimerEx(lpTimerAttributes, lpTimerName,
                bManualReset ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0, TIMER_ALL_ACCESS);
    }

    @Override
    public long CreateWaitableTimerEx(SecurityAttributes lpTimerAttributes, String lpTimerName, int dwFlags, int dwDesiredAccess) {
        if ((dwFlags & ~(CREATE_WAITABLE_TIMER_MANUAL_RESET | CREATE_WAITABLE_TIMER_HIGH_RESOLUTION)) != 0) {
            return failed(context.thread(), STATUS_INVALID_PARAMETER);
        }
        return createNamed(lpTimerAttributes, lpTimerName, (sync, thread, attributes, handle) ->
                sync.createTimer(thread, attributes, dwDesiredAccess,
                        (dwFlags & CREATE_WAITABLE_TIMER_MANUAL_RESET) != 0 ? SyncService.NOTIFICATION_TIMER
                                : SyncService.SYNCHRONIZATION_TIMER, handle));
    }

    @Override
    public long OpenWaitableTimer(int dwDesiredAccess, boolean bInheritHandle, String lpTimerName) {
        return openNamed(lpTimerName, bInheritHandle, (sync, thread, attributes, handle) ->
                sync.openTimer(thread, attributes, dwDesiredAccess, handle));
    }

    @Override
    public boolean SetWaitableTimer(long hTimer, long lpDueTime, int lPeriod, TimerApcProc pfnCompletionRoutine, long lpArgToCompletionRoutine, boolean fResume) {
        SyncService sync = context.sync();
        if (sync == null) {
            return notImplemented();
        }
        KThread thread = context.thread();
        int status = sync.setTimer(thread, hTimer, lpDueTime,
                TimerCompletions.of(pfnCompletionRoutine, lpArgToCompletionRoutine), fResume, lPeriod, null);
        if (status == STATUS_TIMER_RESUME_IGNORED) {
            thread.setLastError(ERROR_NOT_SUPPORTED); // succeeds, and says the machine will not be woken
            return true;
        }
        return succeeded(thread, status);
    }

    @Override
    public boolean CancelWaitableTimer(long hTimer) {
        return onHandle(hTimer, (sync, thread, handle) -> sync.cancelTimer(thread, handle, null));
    }

    @Override
    public int WaitForSingleObject(long hHandle, int dwMilliseconds) {
        return WaitForSingleObjectEx(hHandle, dwMilliseconds, false);
    }

    @Override
    public int WaitForSingleObjectEx(long hHandle, int dwMilliseconds, boolean bAlertable) {
        KThread thread = context.thread();
        return waitResult(thread, context.waits().waitForSingleObject(thread, hHandle, bAlertable,
                timeout(dwMilliseconds)));
    }

    @Override
    public int WaitForMultipleObjects(int nCount, long[] lpHandles, boolean bWaitAll, int dwMilliseconds) {
        return WaitForMultipleObjectsEx(nCount, lpHandles, bWaitAll, dwMilliseconds, false);
    }

    @Override
    public int WaitForMultipleObjectsEx(int nCount, long[] lpHandles, boolean bWaitAll, int dwMilliseconds, boolean bAlertable) {
        KThread thread = context.thread();
        return waitResult(thread, context.waits().waitForMultipleObjects(thread, nCount, lpHandles,
                bWaitAll ? WaitAll : WaitAny, bAlertable, timeout(dwMilliseconds)));
    }

    @Override
    public int SignalObjectAndWait(long hObjectToSignal, long hObjectToWaitOn, int dwMilliseconds, boolean bAlertable) {
        KThread thread = context.thread();
        return waitResult(thread, SignalAndWait.signalAndWait(context, thread, hObjectToSignal, hObjectToWaitOn,
                bAlertable, timeout(dwMilliseconds)));
    }

    @Override
    public void Sleep(int dwMilliseconds) {
        SleepEx(dwMilliseconds, false);
    }

    @Override
    public int SleepEx(int dwMilliseconds, boolean bAlertable) {
        KThread thread = context.thread();
        if (dwMilliseconds == 0) {
            if (bAlertable && thread.runApcs()) {
                return WAIT_IO_COMPLETION;
            }
            Thread.yield();
            return 0;
        }
        // A sleep is a wait on the thread's own end: termination wakes it, and so do an interrupt and an APC.
        int status = context.waits().waitForSingleObject(thread, GetCurrentThread(), bAlertable,
                timeout(dwMilliseconds));
        Win32ProcessImpl.fence(thread);
        return status == STATUS_USER_APC ? WAIT_IO_COMPLETION : 0;
    }

    @Override
    public int QueueUserAPC(ApcProc pfnAPC, long hThread, long dwData) {
        KThread thread = context.thread();
        HandleEntry entry = context.objects().lookup(thread, hThread);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(context.threadType(), THREAD_SET_CONTEXT);
        if (status == STATUS_SUCCESS && pfnAPC == null) {
            status = STATUS_INVALID_PARAMETER;
        }
        if (status == STATUS_SUCCESS && !((KThread) entry.object()).queueApc(() -> pfnAPC.apply(dwData))) {
            status = STATUS_UNSUCCESSFUL; // the thread has ended
        }
        return succeeded(thread, status) ? 1 : 0;
    }

    @Override
    public long CreateThread(SecurityAttributes lpThreadAttributes, long dwStackSize, ThreadProc lpStartAddress, long lpParameter, int dwCreationFlags, int[] lpThreadId) {
        KThread thread = context.thread();
        if (lpStartAddress == null) {
            return failed(thread, STATUS_INVALID_PARAMETER);
        }
        long[] handle = new long[1];
        int status = context.createThread(lpStartAddress, lpParameter, (dwCreationFlags & CREATE_SUSPENDED) != 0,
                inherit(lpThreadAttributes) ? OBJ_INHERIT : 0, handle, lpThreadId);
        if (NtStatus.isSuccess(status)) {
            applyDescriptor(thread, handle[0], lpThreadAttributes);
        }
        return NtStatus.isSuccess(status) ? handle[0] : failed(thread, status);
    }

    @Override
    public void ExitThread(int dwExitCode) {
        KThread thread = context.thread();
        context.processes().endThread(thread, dwExitCode);
        throw new KernelThreadExit(dwExitCode);
    }

    @Override
    public long GetCurrentThread() {
        return -2L;
    }

    @Override
    public int GetCurrentThreadId() {
        return context.threadId();
    }

    @Override
    public boolean GetExitCodeThread(long hThread, int[] lpExitCode) {
        return exitCode(hThread, context.threadType(), THREAD_QUERY_INFORMATION | THREAD_QUERY_LIMITED_INFORMATION,
                lpExitCode);
    }


    @Override
    public boolean TerminateThread(long hThread, int dwExitCode) {
        KThread thread = context.thread();
        HandleEntry entry = context.objects().lookup(thread, hThread);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(context.threadType(), THREAD_TERMINATE);
        if (status != STATUS_SUCCESS) {
            return succeeded(thread, status);
        }
        KThread target = (KThread) entry.object();
        context.processes().endThread(target, dwExitCode);
        if (target == thread) {
            throw new KernelThreadExit(target.exitCode());
        }
        return true;
    }

    @Override
    public long OpenThread(int dwDesiredAccess, boolean bInheritHandle, int dwThreadId) {
        KThread thread = context.thread();
        var target = context.processes().thread(dwThreadId);
        if (target.isEmpty()) {
            return failed(thread, STATUS_INVALID_CID);
        }
        long[] handle = new long[1];
        int status = context.objects().openObject(thread, (KernelObject) target.get(), dwDesiredAccess,
                bInheritHandle ? OBJ_INHERIT : 0, handle);
        return opened(thread, status, handle);
    }

    @Override
    public boolean CreateProcess(String lpApplicationName, String lpCommandLine, SecurityAttributes lpProcessAttributes, SecurityAttributes lpThreadAttributes, boolean bInheritHandles, int dwCreationFlags, Map<String, String> lpEnvironment, String lpCurrentDirectory, StartupInfo lpStartupInfo, ProcessInformation lpProcessInformation) {
        KThread thread = context.thread();
        String image = imageName(lpApplicationName, lpCommandLine);
        if (image == null || lpProcessInformation == null) {
            return succeeded(thread, STATUS_INVALID_PARAMETER);
        }
        Win32Program found = context.program(image);
        if (found == null && !image.regionMatches(true, Math.max(0, image.length() - 4), ".exe", 0, 4)) {
            found = context.program(image + ".exe"); // as Windows appends .exe to a bare module name
        }
        Win32Program program = found;
        if (program == null) {
            return succeeded(thread, STATUS_OBJECT_NAME_NOT_FOUND); // ERROR_FILE_NOT_FOUND
        }
        String directory = context.currentDirectory(); // inherited unless given
        if (lpCurrentDirectory != null) {
            directory = DosPaths.canonical(lpCurrentDirectory, directory);
            if (directory == null || !files.isDirectory(directory)) {
                return succeeded(thread, NtStatus.STATUS_NOT_A_DIRECTORY); // ERROR_DIRECTORY
            }
        }
        var jobs = context.service(dev.kobj.api.job.JobService.class);
        int allowed = jobs == null ? STATUS_SUCCESS : jobs.checkChildCreation(thread.process(), dwCreationFlags);
        if (allowed < 0) {
            return succeeded(thread, allowed);
        }
        Win32ProcessImpl child = context.createChild(image, bInheritHandles, dwCreationFlags);
        if (child.process().isEnded()) { // refused by a job (its active-process limit): it never ran
            return succeeded(thread, NtStatus.STATUS_QUOTA_EXCEEDED);
        }
        child.setCurrentDirectory(directory);
        boolean useStd = lpStartupInfo != null && (lpStartupInfo.flags & STARTF_USESTDHANDLES) != 0;
        child.setStdHandle(0, useStd ? lpStartupInfo.hStdInput : context.stdHandle(0));
        child.setStdHandle(1, useStd ? lpStartupInfo.hStdOutput : context.stdHandle(1));
        child.setStdHandle(2, useStd ? lpStartupInfo.hStdError : context.stdHandle(2));
        String commandLine = lpCommandLine != null ? lpCommandLine : lpApplicationName;
        Kernel32 childKernel32 = child.kernel32();
        var first = child.prepareThread(p -> program.main(childKernel32, commandLine), 0,
                (dwCreationFlags & CREATE_SUSPENDED) != 0);
        long[] processHandle = new long[1];
        long[] threadHandle = new long[1];
        int status = context.objects().insert(thread.process(), (KernelObject) child.process(), PROCESS_ALL_ACCESS,
                inherit(lpProcessAttributes) ? OBJ_INHERIT : 0, processHandle);
        if (status >= 0) {
            status = context.objects().insert(thread.process(), (KernelObject) first.kernelThread(),
                    THREAD_ALL_ACCESS, inherit(lpThreadAttributes) ? OBJ_INHERIT : 0, threadHandle);
        }
        if (status >= 0) {
            status = applyDescriptor(thread, processHandle[0], lpProcessAttributes);
        }
        if (status >= 0) {
            status = applyDescriptor(thread, threadHandle[0], lpThreadAttributes);
        }
        if (status < 0) {
            context.processes().endProcess(child.process(), 0);
            return succeeded(thread, status);
        }
        lpProcessInformation.hProcess = processHandle[0];
        lpProcessInformation.hThread = threadHandle[0];
        lpProcessInformation.dwProcessId = child.process().id();
        lpProcessInformation.dwThreadId = first.kernelThread().id();
        first.javaThread().start();
        return true;
    }

    @Override
    public long GetStdHandle(int nStdHandle) {
        KThread thread = context.thread();
        int index = stdIndex(nStdHandle);
        if (index < 0) {
            thread.setLastError(ERROR_INVALID_HANDLE);
            return INVALID_HANDLE_VALUE;
        }
        return context.stdHandle(index);
    }

    @Override
    public boolean SetStdHandle(int nStdHandle, long hHandle) {
        KThread thread = context.thread();
        int index = stdIndex(nStdHandle);
        if (index < 0) {
            thread.setLastError(ERROR_INVALID_HANDLE);
            return false;
        }
        context.setStdHandle(index, hHandle);
        return true;
    }

    @Override
    public void ExitProcess(int uExitCode) {
        KThread thread = context.thread();
        context.processes().endProcess(thread.process(), uExitCode);
        throw new KernelThreadExit(uExitCode);
    }

    @Override
    public boolean TerminateProcess(long hProcess, int uExitCode) {
        KThread thread = context.thread();
        HandleEntry entry = context.objects().lookup(thread, hProcess);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(processType(), PROCESS_TERMINATE);
        if (status != STATUS_SUCCESS) {
            return succeeded(thread, status);
        }
        KProcess target = (KProcess) entry.object();
        if (!context.processes().endProcess(target, uExitCode)) {
            return succeeded(thread, STATUS_PROCESS_IS_TERMINATING);
        }
        if (target == thread.process()) {
            throw new KernelThreadExit(uExitCode);
        }
        return true;
    }

    @Override
    public long GetCurrentProcess() {
        return -1L;
    }

    @Override
    public int GetCurrentProcessId() {
        return context.processId();
    }

    @Override
    public boolean GetExitCodeProcess(long hProcess, int[] lpExitCode) {
        return exitCode(hProcess, processType(), PROCESS_QUERY_INFORMATION | PROCESS_QUERY_LIMITED_INFORMATION,
                lpExitCode);
    }

    /** GetExitCodeThread / GetExitCodeProcess: either query right on a handle of {@code type}. */
    private boolean exitCode(long handle, dev.kobj.api.object.ObjectType type, int queryRights, int[] exitCode) {
        KThread thread = context.thread();
        HandleEntry entry = context.objects().lookup(thread, handle);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(type, 0);
        if (status == STATUS_SUCCESS && (entry.grantedAccess() & queryRights) == 0) {
            status = STATUS_ACCESS_DENIED;
        }
        if (status == STATUS_SUCCESS && exitCode == null) {
            status = STATUS_INVALID_PARAMETER;
        }
        if (status == STATUS_SUCCESS) {
            exitCode[0] = entry.object() instanceof KThread t ? t.exitCode() : ((KProcess) entry.object()).exitCode();
        }
        return succeeded(thread, status);
    }


    @Override
    public long OpenProcess(int dwDesiredAccess, boolean bInheritHandle, int dwProcessId) {
        KThread thread = context.thread();
        var target = context.processes().process(dwProcessId);
        if (target.isEmpty()) {
            return failed(thread, STATUS_INVALID_CID);
        }
        long[] handle = new long[1];
        return opened(thread, context.objects().openObject(thread, (KernelObject) target.get(), dwDesiredAccess,
                bInheritHandle ? OBJ_INHERIT : 0, handle), handle);
    }

    @Override
    public boolean CreatePipe(long[] hReadPipe, long[] hWritePipe, SecurityAttributes lpPipeAttributes, int nSize) {
        return pipes.createPipe(hReadPipe, hWritePipe, lpPipeAttributes, nSize);
    }

    @Override
    public long CreateNamedPipe(String lpName, int dwOpenMode, int dwPipeMode, int nMaxInstances, int nOutBufferSize, int nInBufferSize, int nDefaultTimeOut, SecurityAttributes lpSecurityAttributes) {
        return pipes.createNamedPipe(lpName, dwOpenMode, dwPipeMode, nMaxInstances, nOutBufferSize, nInBufferSize,
                nDefaultTimeOut, lpSecurityAttributes);
    }

    @Override
    public boolean ConnectNamedPipe(long hNamedPipe, Overlapped lpOverlapped) {
        return pipes.connectNamedPipe(hNamedPipe, lpOverlapped);
    }

    @Override
    public boolean DisconnectNamedPipe(long hNamedPipe) {
        return pipes.disconnectNamedPipe(hNamedPipe);
    }

    @Override
    public boolean WaitNamedPipe(String lpNamedPipeName, int nTimeOut) {
        return pipes.waitNamedPipe(lpNamedPipeName, nTimeOut);
    }

    @Override
    public boolean PeekNamedPipe(long hNamedPipe, byte[] lpBuffer, int nBufferSize, int[] lpBytesRead, int[] lpTotalBytesAvail, int[] lpBytesLeftThisMessage) {
        return pipes.peekNamedPipe(hNamedPipe, lpBuffer, nBufferSize, lpBytesRead, lpTotalBytesAvail,
                lpBytesLeftThisMessage);
    }

    @Override
    public boolean TransactNamedPipe(long hNamedPipe, byte[] lpInBuffer, int nInBufferSize, byte[] lpOutBuffer, int nOutBufferSize, int[] lpBytesRead, Overlapped lpOverlapped) {
        return pipes.transactNamedPipe(hNamedPipe, lpInBuffer, nInBufferSize, lpOutBuffer, nOutBufferSize,
                lpBytesRead, lpOverlapped);
    }

    @Override
    public boolean SetNamedPipeHandleState(long hNamedPipe, int[] lpMode, int[] lpMaxCollectionCount, int[] lpCollectDataTimeout) {
        return pipes.setNamedPipeHandleState(hNamedPipe, lpMode, lpMaxCollectionCount, lpCollectDataTimeout);
    }

    @Override
    public boolean GetNamedPipeInfo(long hNamedPipe, int[] lpFlags, int[] lpOutBufferSize, int[] lpInBufferSize, int[] lpMaxInstances) {
        return pipes.getNamedPipeInfo(hNamedPipe, lpFlags, lpOutBufferSize, lpInBufferSize, lpMaxInstances);
    }

    @Override
    public long CreateMailslot(String lpName, int nMaxMessageSize, int lReadTimeout, SecurityAttributes lpSecurityAttributes) {
        return pipes.createMailslot(lpName, nMaxMessageSize, lReadTimeout, lpSecurityAttributes);
    }

    @Override
    public boolean GetMailslotInfo(long hMailslot, int[] lpMaxMessageSize, int[] lpNextSize, int[] lpMessageCount, int[] lpReadTimeout) {
        return pipes.getMailslotInfo(hMailslot, lpMaxMessageSize, lpNextSize, lpMessageCount, lpReadTimeout);
    }

    @Override
    public boolean SetMailslotInfo(long hMailslot, int lReadTimeout) {
        return pipes.setMailslotInfo(hMailslot, lReadTimeout);
    }

    @Override
    public long CreateFileMapping(long hFile, SecurityAttributes lpFileMappingAttributes, int flProtect, int dwMaximumSizeHigh, int dwMaximumSizeLow, String lpName) {
        return sections.createFileMapping(hFile, lpFileMappingAttributes, flProtect, dwMaximumSizeHigh,
                dwMaximumSizeLow, lpName);
    }

    @Override
    public long OpenFileMapping(int dwDesiredAccess, boolean bInheritHandle, String lpName) {
        return sections.openFileMapping(dwDesiredAccess, bInheritHandle, lpName);
    }

    @Override
    public MappedView MapViewOfFile(long hFileMappingObject, int dwDesiredAccess, int dwFileOffsetHigh, int dwFileOffsetLow, long dwNumberOfBytesToMap) {
        return sections.mapViewOfFile(hFileMappingObject, dwDesiredAccess, dwFileOffsetHigh, dwFileOffsetLow,
                dwNumberOfBytesToMap);
    }

    @Override
    public boolean UnmapViewOfFile(long lpBaseAddress) {
        return sections.unmapViewOfFile(lpBaseAddress);
    }

    @Override
    public boolean FlushViewOfFile(long lpBaseAddress, long dwNumberOfBytesToFlush) {
        return sections.flushViewOfFile(lpBaseAddress, dwNumberOfBytesToFlush);
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingCompletionPort, long completionKey, int numberOfConcurrentThreads) {
        return io.createIoCompletionPort(fileHandle, existingCompletionPort, completionKey, numberOfConcurrentThreads);
    }

    @Override
    public boolean PostQueuedCompletionStatus(long completionPort, int dwNumberOfBytesTransferred, long dwCompletionKey, Overlapped lpOverlapped) {
        return io.postQueuedCompletionStatus(completionPort, dwNumberOfBytesTransferred, dwCompletionKey, lpOverlapped);
    }

    @Override
    public boolean GetQueuedCompletionStatus(long completionPort, int[] lpNumberOfBytesTransferred, long[] lpCompletionKey, Overlapped[] lpOverlapped, int dwMilliseconds) {
        return io.getQueuedCompletionStatus(completionPort, lpNumberOfBytesTransferred, lpCompletionKey, lpOverlapped,
                dwMilliseconds);
    }

    @Override
    public boolean GetQueuedCompletionStatusEx(long completionPort, OverlappedEntry[] lpCompletionPortEntries, int ulCount, int[] ulNumEntriesRemoved, int dwMilliseconds, boolean fAlertable) {
        return io.getQueuedCompletionStatusEx(completionPort, lpCompletionPortEntries, ulCount, ulNumEntriesRemoved,
                dwMilliseconds, fAlertable);
    }

    @Override
    public long CreateFile(String lpFileName, int dwDesiredAccess, int dwShareMode, SecurityAttributes lpSecurityAttributes, int dwCreationDisposition, int dwFlagsAndAttributes, long hTemplateFile) {
        return io.createFile(lpFileName, dwDesiredAccess, dwShareMode, lpSecurityAttributes, dwCreationDisposition,
                dwFlagsAndAttributes);
    }

    @Override
    public boolean ReadFile(long hFile, byte[] lpBuffer, int nNumberOfBytesToRead, int[] lpNumberOfBytesRead, Overlapped lpOverlapped) {
        return io.readFile(hFile, lpBuffer, nNumberOfBytesToRead, lpNumberOfBytesRead, lpOverlapped);
    }

    @Override
    public boolean WriteFile(long hFile, byte[] lpBuffer, int nNumberOfBytesToWrite, int[] lpNumberOfBytesWritten, Overlapped lpOverlapped) {
        return io.writeFile(hFile, lpBuffer, nNumberOfBytesToWrite, lpNumberOfBytesWritten, lpOverlapped);
    }

    @Override
    public int SetFilePointer(long hFile, int lDistanceToMove, int[] lpDistanceToMoveHigh, int dwMoveMethod) {
        return files.setFilePointer(hFile, lDistanceToMove, lpDistanceToMoveHigh, dwMoveMethod);
    }

    @Override
    public boolean SetFilePointerEx(long hFile, long liDistanceToMove, long[] lpNewFilePointer, int dwMoveMethod) {
        return files.setFilePointerEx(hFile, liDistanceToMove, lpNewFilePointer, dwMoveMethod);
    }

    @Override
    public boolean SetEndOfFile(long hFile) {
        return files.setEndOfFile(hFile);
    }

    @Override
    public int GetFileSize(long hFile, int[] lpFileSizeHigh) {
        return files.getFileSize(hFile, lpFileSizeHigh);
    }

    @Override
    public boolean GetFileSizeEx(long hFile, long[] lpFileSize) {
        return files.getFileSizeEx(hFile, lpFileSize);
    }

    @Override
    public boolean FlushFileBuffers(long hFile) {
        return io.flushFileBuffers(hFile);
    }

    @Override
    public boolean DeleteFile(String lpFileName) {
        return files.deleteFile(lpFileName);
    }

    @Override
    public boolean LockFile(long hFile, int dwFileOffsetLow, int dwFileOffsetHigh, int nNumberOfBytesToLockLow, int nNumberOfBytesToLockHigh) {
        return files.lockFile(hFile, dwFileOffsetLow, dwFileOffsetHigh, nNumberOfBytesToLockLow, nNumberOfBytesToLockHigh);
    }

    @Override
    public boolean LockFileEx(long hFile, int dwFlags, int dwReserved, int nNumberOfBytesToLockLow, int nNumberOfBytesToLockHigh, Overlapped lpOverlapped) {
        return files.lockFileEx(hFile, dwFlags, dwReserved, nNumberOfBytesToLockLow, nNumberOfBytesToLockHigh, lpOverlapped);
    }

    @Override
    public boolean UnlockFile(long hFile, int dwFileOffsetLow, int dwFileOffsetHigh, int nNumberOfBytesToUnlockLow, int nNumberOfBytesToUnlockHigh) {
        return files.unlockFile(hFile, dwFileOffsetLow, dwFileOffsetHigh, nNumberOfBytesToUnlockLow,
                nNumberOfBytesToUnlockHigh);
    }

    @Override
    public boolean UnlockFileEx(long hFile, int dwReserved, int nNumberOfBytesToUnlockLow, int nNumberOfBytesToUnlockHigh, Overlapped lpOverlapped) {
        return files.unlockFileEx(hFile, dwReserved, nNumberOfBytesToUnlockLow, nNumberOfBytesToUnlockHigh, lpOverlapped);
    }

    @Override
    public int GetFileType(long hFile) {
        return io.getFileType(hFile);
    }

    @Override
    public long CreateJobObject(SecurityAttributes lpJobAttributes, String lpName) {
        return jobs.create(lpJobAttributes, lpName);
    }

    @Override
    public long OpenJobObject(int dwDesiredAccess, boolean bInheritHandle, String lpName) {
        return jobs.open(dwDesiredAccess, bInheritHandle, lpName);
    }

    @Override
    public boolean AssignProcessToJobObject(long hJob, long hProcess) {
        return jobs.assign(hJob, hProcess);
    }

    @Override
    public boolean TerminateJobObject(long hJob, int uExitCode) {
        return jobs.terminate(hJob, uExitCode);
    }

    @Override
    public boolean IsProcessInJob(long processHandle, long jobHandle, boolean[] result) {
        return jobs.isProcessInJob(processHandle, jobHandle, result);
    }

    @Override
    public boolean SetInformationJobObject(long hJob, int jobObjectInformationClass, Record jobObjectInformation) {
        return jobs.set(hJob, jobObjectInformationClass, jobObjectInformation);
    }

    @Override
    public boolean QueryInformationJobObject(long hJob, int jobObjectInformationClass, Record[] jobObjectInformation, int[] lpReturnLength) {
        return jobs.query(hJob, jobObjectInformationClass, jobObjectInformation, lpReturnLength);
    }

    @Override
    public int SuspendThread(long hThread) {
        KThread thread = context.thread();
        HandleEntry entry = context.objects().lookup(thread, hThread);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(context.threadType(), THREAD_SUSPEND_RESUME);
        if (status != STATUS_SUCCESS) {
            succeeded(thread, status);
            return -1;
        }
        int before = ((KThread) entry.object()).suspend();
        if (before < 0) {
            thread.setLastError(ERROR_ACCESS_DENIED); // ended, or past MAXIMUM_SUSPEND_COUNT
            return -1;
        }
        if (entry.object() == thread) {
            thread.checkSuspended(); // suspending yourself takes effect now
        }
        return before;
    }

    @Override
    public int ResumeThread(long hThread) {
        KThread thread = context.thread();
        HandleEntry entry = context.objects().lookup(thread, hThread);
        int status = entry == null ? STATUS_INVALID_HANDLE : entry.check(context.threadType(), THREAD_SUSPEND_RESUME);
        if (status != STATUS_SUCCESS) {
            succeeded(thread, status);
            return -1;
        }
        return ((KThread) entry.object()).resume();
    }

    @Override
    public boolean GetOverlappedResult(long hFile, Overlapped lpOverlapped, int[] lpNumberOfBytesTransferred, boolean bWait) {
        return io.getOverlappedResult(hFile, lpOverlapped, lpNumberOfBytesTransferred, bWait);
    }

    @Override
    public boolean CancelIo(long hFile) {
        return io.cancelIo(hFile);
    }

    @Override
    public boolean CancelIoEx(long hFile, Overlapped lpOverlapped) {
        return io.cancelIoEx(hFile, lpOverlapped);
    }

    @Override
    public boolean CreateDirectory(String lpPathName, SecurityAttributes lpSecurityAttributes) {
        return files.createDirectory(lpPathName, lpSecurityAttributes);
    }

    @Override
    public boolean RemoveDirectory(String lpPathName) {
        return files.removeDirectory(lpPathName);
    }

    @Override
    public int GetFileAttributes(String lpFileName) {
        return files.getFileAttributes(lpFileName);
    }

    @Override
    public boolean OpenProcessToken(long processHandle, int desiredAccess, long[] tokenHandle) {
        KThread thread = context.thread();
        long[] handle = new long[1];
        int status = tokenHandle == null || tokenHandle.length == 0 ? STATUS_INVALID_PARAMETER
                : context.security().openProcessToken(thread, processHandle, desiredAccess, 0, handle);
        if (status >= 0) {
            tokenHandle[0] = handle[0];
        }
        return succeeded(thread, status);
    }

    @Override
    public boolean OpenThreadToken(long threadHandle, int desiredAccess, boolean openAsSelf, long[] tokenHandle) {
        KThread thread = context.thread();
        long[] handle = new long[1];
        int status = tokenHandle == null || tokenHandle.length == 0 ? STATUS_INVALID_PARAMETER
                : context.security().openThreadToken(thread, threadHandle, desiredAccess, openAsSelf, 0, handle);
        if (status >= 0) {
            tokenHandle[0] = handle[0];
        }
        return succeeded(thread, status);
    }

    @Override
    public boolean GetKernelObjectSecurity(long handle, int requestedInformation, SecurityDescriptor[] securityDescriptor) {
        KThread thread = context.thread();
        var out = new dev.kobj.api.security.SecurityDescriptor[1];
        int status = securityDescriptor == null || securityDescriptor.length == 0 ? STATUS_INVALID_PARAMETER
                : context.security().querySecurity(thread, handle, requestedInformation, out);
        if (status >= 0) {
            securityDescriptor[0] = new Win32Descriptor(out[0]);
        }
        return succeeded(thread, status);
    }

    @Override
    public boolean SetKernelObjectSecurity(long handle, int securityInformation, SecurityDescriptor securityDescriptor) {
        KThread thread = context.thread();
        var descriptor = Win32Descriptor.kernel(securityDescriptor);
        return succeeded(thread, descriptor == null ? STATUS_INVALID_PARAMETER
                : context.security().setSecurity(thread, handle, securityInformation, descriptor));
    }

    /**
     * The descriptor of a SECURITY_ATTRIBUTES given to CreateProcess or CreateThread, set on the new
     * object through the creator's handle (which holds every right): the parts the descriptor has.
     */
    private int applyDescriptor(KThread thread, long handle, SecurityAttributes attributes) {
        var sd = attributes == null ? null : Win32Descriptor.kernel(attributes.descriptor());
        int parts = sd == null ? 0 : (sd.owner() != null ? OWNER_SECURITY_INFORMATION : 0)
                | (sd.group() != null ? GROUP_SECURITY_INFORMATION : 0)
                | (sd.daclPresent() ? DACL_SECURITY_INFORMATION : 0);
        return parts == 0 ? STATUS_SUCCESS : context.security().setSecurity(thread, handle, parts, sd);
    }

    /** A sync-family call on a handle; the lambdas capture nothing, so a call allocates nothing. */
    @FunctionalInterface
    private interface HandleCall {
        int call(SyncService sync, KThread thread, long handle);
    }

    /** A BOOL sync call: ERROR_CALL_NOT_IMPLEMENTED without the family, else the status's last error. */
    private boolean onHandle(long handle, HandleCall call) {
        SyncService sync = context.sync();
        if (sync == null) {
            return notImplemented();
        }
        KThread thread = context.thread();
        return succeeded(thread, call.call(sync, thread, handle));
    }

    /** A sync-family create or open by a Win32 name. */
    @FunctionalInterface
    private interface NamedCall {
        int call(SyncService sync, KThread thread, dev.kobj.api.object.ObjectAttributes attributes, long[] handle);
    }

    /** Create*: the name below the session's BaseNamedObjects with OBJ_OPENIF, and the last-error rule. */
    private long createNamed(SecurityAttributes securityAttributes, String name, NamedCall create) {
        SyncService sync = context.sync();
        return sync == null ? NamedObjects.notImplemented(context) : NamedObjects.create(context, securityAttributes,
                name, (thread, attributes, handle) -> create.call(sync, thread, attributes, handle));
    }

    /** Open*: a name is required (ERROR_INVALID_PARAMETER), no OBJ_OPENIF. */
    private long openNamed(String name, boolean inherit, NamedCall open) {
        SyncService sync = context.sync();
        return sync == null ? NamedObjects.notImplemented(context) : NamedObjects.open(context, name, inherit,
                (thread, attributes, handle) -> open.call(sync, thread, attributes, handle));
    }

    /** A Create* result: last error 0 for a new object, ERROR_ALREADY_EXISTS for an existing one (§11). */
    static long created(KThread thread, int status, long[] handle) {
        if (status == STATUS_OBJECT_NAME_EXISTS) {
            thread.setLastError(ERROR_ALREADY_EXISTS);
            return handle[0];
        }
        if (status == STATUS_SUCCESS) {
            thread.setLastError(ERROR_SUCCESS);
            return handle[0];
        }
        return failed(thread, status);
    }

    /** An Open* result. */
    static long opened(KThread thread, int status, long[] handle) {
        return NtStatus.isSuccess(status) ? handle[0] : failed(thread, status);
    }

    /** NULL with the last error for {@code status}. */
    static long failed(KThread thread, int status) {
        thread.setLastError(NtStatus.toDosError(status));
        return NULL;
    }

    /** What a wait returns to Win32: WAIT_OBJECT_0 + i and friends, WAIT_TIMEOUT, or WAIT_FAILED. */
    private static int waitResult(KThread thread, int status) {
        Win32ProcessImpl.fence(thread);
        if (status == STATUS_TIMEOUT) {
            return WAIT_TIMEOUT;
        }
        if (status < 0) {
            thread.setLastError(NtStatus.toDosError(status));
            return WAIT_FAILED;
        }
        return status;
    }

    /** Win32 milliseconds as an NT timeout: INFINITE, or relative in 100 ns units. */
    private static long timeout(int milliseconds) {
        return milliseconds == INFINITE ? WaitService.INFINITE : -Integer.toUnsignedLong(milliseconds) * 10_000L;
    }

    private static boolean inherit(SecurityAttributes attributes) {
        return attributes != null && attributes.inheritHandle();
    }

    /** The image CreateProcess starts: the application name, or the command line's first token. */
    private static String imageName(String applicationName, String commandLine) {
        if (applicationName != null && !applicationName.isBlank()) {
            return applicationName.strip();
        }
        if (commandLine == null) {
            return null;
        }
        String line = commandLine.strip();
        if (line.startsWith("\"")) {
            int end = line.indexOf('"', 1);
            return end < 0 ? line.substring(1) : line.substring(1, end);
        }
        int space = line.indexOf(' ');
        String token = space < 0 ? line : line.substring(0, space);
        return token.isEmpty() ? null : token;
    }

    private static int stdIndex(int nStdHandle) {
        return switch (nStdHandle) {
            case STD_INPUT_HANDLE -> 0;
            case STD_OUTPUT_HANDLE -> 1;
            case STD_ERROR_HANDLE -> 2;
            default -> -1;
        };
    }

    private dev.kobj.api.object.ObjectType processType() {
        return ((KernelObject) context.process()).type();
    }

    /** TRUE for a success status; otherwise sets the last error from the status (RtlNtStatusToDosError). */
    static boolean succeeded(KThread thread, int status) {
        if (NtStatus.isSuccess(status)) {
            return true;
        }
        thread.setLastError(NtStatus.toDosError(status));
        return false;
    }

    /** Sets ERROR_CALL_NOT_IMPLEMENTED and returns FALSE. */
    private boolean notImplemented() {
        context.setLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

}
