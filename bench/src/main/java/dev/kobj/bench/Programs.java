package dev.kobj.bench;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32Program;

/**
 * The child-process side of Wine's cross-process scenarios, as Win32 programs that {@code CreateProcess}
 * starts (bench.c's {@code --child} roles): a pong over two named events, a message-mode named pipe echo
 * server, and a mailslot writer. Each takes its count (and names) from its command line and returns 0
 * when it did all its work, 2 when a call failed.
 */
final class Programs {
    static final String PONG = "pong.exe";
    static final String ECHO = "echo.exe";
    static final String SLOT_WRITER = "slotwriter.exe";
    static final String PING_EVENT = "Local\\wbench_e1";
    static final String PONG_EVENT = "Local\\wbench_e2";
    static final String READY_EVENT = "Local\\wbench_ready";
    static final String GO_EVENT = "Local\\wbench_go";
    static final int MESSAGE = 64;

    private Programs() {
    }

    static void registerAll(Win32Bench bench) {
        bench.system.register(PONG, Programs::pong);
        bench.system.register(ECHO, Programs::echo);
        bench.system.register(SLOT_WRITER, Programs::slotWriter);
    }

    /** "pong.exe COUNT": COUNT times, wait on the ping event and set the pong event. */
    static int pong(Kernel32 self, String commandLine) {
        int count = Integer.parseInt(argument(commandLine, 1));
        long ping = self.OpenEvent(SYNCHRONIZE | EVENT_MODIFY_STATE, false, PING_EVENT);
        long pong = self.OpenEvent(SYNCHRONIZE | EVENT_MODIFY_STATE, false, PONG_EVENT);
        if (ping == NULL || pong == NULL) {
            return 2;
        }
        for (int i = 0; i < count; i++) {
            if (self.WaitForSingleObject(ping, INFINITE) != WAIT_OBJECT_0 || !self.SetEvent(pong)) {
                return 2;
            }
        }
        return 0;
    }

    /** "echo.exe PIPE": serve one client on a message-mode pipe, echoing each message until it closes. */
    static int echo(Kernel32 self, String commandLine) {
        long pipe = self.CreateNamedPipe(argument(commandLine, 1), PIPE_ACCESS_DUPLEX,
                PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, 1, 4096, 4096, 0, null);
        if (pipe == INVALID_HANDLE_VALUE || !self.SetEvent(self.OpenEvent(EVENT_MODIFY_STATE, false, READY_EVENT))) {
            return 2;
        }
        if (!self.ConnectNamedPipe(pipe, null) && self.GetLastError() != ERROR_PIPE_CONNECTED) {
            return 2;
        }
        byte[] buffer = new byte[MESSAGE];
        int[] n = new int[1];
        int[] written = new int[1];
        while (self.ReadFile(pipe, buffer, MESSAGE, n, null) && n[0] > 0) {
            if (!self.WriteFile(pipe, buffer, n[0], written, null)) {
                return 2;
            }
        }
        return self.GetLastError() == ERROR_BROKEN_PIPE ? 0 : 2;
    }

    /** "slotwriter.exe SLOT COUNT": open the mailslot, say ready, wait for go, write COUNT 64-byte messages. */
    static int slotWriter(Kernel32 self, String commandLine) {
        int count = Integer.parseInt(argument(commandLine, 2));
        long slot = self.CreateFile(argument(commandLine, 1), GENERIC_WRITE, FILE_SHARE_READ, null, OPEN_EXISTING,
                0, 0);
        if (slot == INVALID_HANDLE_VALUE
                || !self.SetEvent(self.OpenEvent(EVENT_MODIFY_STATE, false, READY_EVENT))
                || self.WaitForSingleObject(self.OpenEvent(SYNCHRONIZE, false, GO_EVENT), INFINITE) != WAIT_OBJECT_0) {
            return 2;
        }
        byte[] message = new byte[MESSAGE];
        int[] n = new int[1];
        for (int i = 0; i < count; i++) {
            if (!self.WriteFile(slot, message, MESSAGE, n, null)) {
                return 2;
            }
        }
        return 0;
    }

    /** Starts {@code commandLine} as a child of the caller's process; returns its process handle. */
    static long spawn(Kernel32 k32, String commandLine) {
        ProcessInformation info = new ProcessInformation();
        if (!k32.CreateProcess(null, commandLine, null, null, false, 0, null, null, null, info)) {
            throw new IllegalStateException("CreateProcess(" + commandLine + ") failed with " + k32.GetLastError());
        }
        k32.CloseHandle(info.hThread);
        return info.hProcess;
    }

    /** Waits for a child and closes its handle; fails unless it exited with 0. */
    static void join(Kernel32 k32, long process) {
        int[] code = new int[1];
        if (k32.WaitForSingleObject(process, 60_000) != WAIT_OBJECT_0 || !k32.GetExitCodeProcess(process, code)
                || code[0] != 0) {
            throw new IllegalStateException("child did not end well: exit code " + code[0]);
        }
        k32.CloseHandle(process);
    }

    private static String argument(String commandLine, int index) {
        return commandLine.trim().split("\\s+")[index];
    }
}
