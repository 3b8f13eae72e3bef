package dev.kobj.launcher.demo;

import static dev.kobj.win32.Win32.*;

import dev.kobj.win32.Kernel32;
import dev.kobj.win32.Ntdll;
import dev.kobj.win32.ObjectAttributes;
import dev.kobj.win32.PortMessage;
import dev.kobj.win32.ProcessInformation;
import dev.kobj.win32.Win32;
import dev.kobj.win32.Win32System;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code demo lpc}: a client and a server process talking over a named LPC port. */
final class LpcDemo implements Demo {
    private static final String PORT = "\\BaseNamedObjects\\kobj-demo-lpc";

    @Override
    public String name() {
        return "lpc";
    }

    @Override
    public java.util.List<String> modules() {
        return java.util.List.of("ipc", "sync");
    }

    @Override
    public String description() {
        return "a client and a server process talking over a named LPC port";
    }

    @Override
    public int run(Win32System system, Kernel32 shell, PrintWriter out) {
        system.register("server.exe", (k32, commandLine) -> server(k32, out));
        system.register("client.exe", (k32, commandLine) -> client(k32, out));
        long ready = shell.CreateEvent(null, true, false, "kobj-demo-lpc-ready");
        ProcessInformation server = Demo.start(shell, "server.exe", false, 0);
        shell.WaitForSingleObject(ready, 5000);
        ProcessInformation client = Demo.start(shell, "client.exe", false, 0);
        shell.WaitForSingleObject(client.hProcess, 10_000);
        shell.WaitForSingleObject(server.hProcess, 10_000);
        out.printf("demo:   server.exe exited with %d%n", Demo.exitCode(shell, server));
        shell.CloseHandle(ready);
        Demo.close(shell, server, client);
        return 0;
    }

    private static int server(Kernel32 k32, PrintWriter out) {
        Ntdll nt = Win32.ntdll(k32);
        long[] port = new long[1];
        nt.NtCreatePort(port, new ObjectAttributes(0, PORT, 0, null), 0, 0, 0);
        out.printf("server: listening on %s%n", PORT);
        k32.SetEvent(k32.OpenEvent(EVENT_MODIFY_STATE, false, "kobj-demo-lpc-ready"));
        PortMessage reply = null;
        while (true) {
            PortMessage[] message = new PortMessage[1];
            long[] context = new long[1];
            int status = nt.NtReplyWaitReceivePort(port[0], context, reply, message);
            reply = null;
            if (status != STATUS_SUCCESS) {
                return status;
            }
            PortMessage m = message[0];
            switch (m.type()) {
                case LPC_CONNECTION_REQUEST -> {
                    out.printf("server: connection from process %d: \"%s\"%n", m.clientProcessId(), text(m.data()));
                    long[] comm = new long[1];
                    nt.NtAcceptConnectPort(comm, 1, PortMessage.replyTo(m, bytes("hello, client")), true, null);
                    nt.NtCompleteConnectPort(comm[0]);
                }
                case LPC_REQUEST -> {
                    out.printf("server: request %d: \"%s\"%n", m.messageId(), text(m.data()));
                    reply = PortMessage.replyTo(m, bytes(text(m.data()).toUpperCase()));
                }
                case LPC_PORT_CLOSED -> {
                    out.println("server: the client closed its port; done");
                    return 0;
                }
                default -> out.printf("server: message of type %d%n", m.type());
            }
        }
    }

    private static int client(Kernel32 k32, PrintWriter out) {
        Ntdll nt = Win32.ntdll(k32);
        long[] port = new long[1];
        byte[][] answer = new byte[1][];
        int status = nt.NtConnectPort(port, PORT, null, null, null, bytes("hello, server"), answer);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        out.printf("client: connected; the server said \"%s\"%n", text(answer[0]));
        for (String word : new String[] {"ping", "handles", "are per process"}) {
            PortMessage[] reply = new PortMessage[1];
            nt.NtRequestWaitReplyPort(port[0], PortMessage.of(bytes(word)), reply);
            out.printf("client: \"%s\" -> \"%s\"%n", word, text(reply[0].data()));
        }
        k32.CloseHandle(port[0]);
        return 0;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }
}
