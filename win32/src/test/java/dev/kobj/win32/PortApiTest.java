package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LPC: connect, accept or refuse, datagrams, request/reply by message id, limits, disconnection. */
@Timeout(30)
class PortApiTest {
    private static final String NAME = "\\BaseNamedObjects\\kobj-lpc";
    private final Win32System system = Win32.boot();
    private final Win32Process serverProcess = system.attach("server.exe");
    private final Ntdll server = serverProcess.ntdll();
    private final Win32Process clientProcess = system.attach("client.exe");
    private final Ntdll client = clientProcess.ntdll();
    /** Messages the server loop saw, in order: type and data as text. */
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(5000);
        }
        system.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private long createServerPort() {
        long[] port = new long[1];
        assertEquals(STATUS_SUCCESS, server.NtCreatePort(port, new ObjectAttributes(0, NAME, 0, null), 64, 0, 0));
        return port[0];
    }

    /**
     * A server thread: accepts connections whose info is not "no" (context = 100 + count), answers each
     * request with its text upper-cased, and records what it receives.
     */
    private long startServer() {
        long port = createServerPort();
        Thread thread = Thread.ofVirtual().start(() -> {
            int accepted = 0;
            PortMessage reply = null;
            while (true) {
                long[] context = new long[1];
                PortMessage[] message = new PortMessage[1];
                int status = server.NtReplyWaitReceivePort(port, context, reply, message);
                reply = null;
                if (status != STATUS_SUCCESS) {
                    seen.add("status " + Integer.toHexString(status));
                    return;
                }
                PortMessage m = message[0];
                switch (m.type()) {
                    case LPC_CONNECTION_REQUEST -> {
                        boolean accept = !text(m.data()).equals("no");
                        long[] comm = new long[1];
                        server.NtAcceptConnectPort(comm, 100 + accepted++,
                                PortMessage.replyTo(m, bytes("welcome")), accept, null);
                        if (accept) {
                            server.NtCompleteConnectPort(comm[0]);
                        }
                    }
                    case LPC_REQUEST -> reply = PortMessage.replyTo(m, bytes(text(m.data()).toUpperCase()));
                    default -> seen.add(m.type() + " " + context[0] + " " + text(m.data()));
                }
            }
        });
        threads.add(thread);
        return port;
    }

    private long connect(Ntdll nt, String info) {
        long[] port = new long[1];
        byte[][] answer = new byte[1][];
        int[] max = new int[1];
        assertEquals(STATUS_SUCCESS, nt.NtConnectPort(port, NAME, null, null, max, bytes(info), answer));
        assertEquals(PORT_MAXIMUM_MESSAGE_LENGTH, max[0]);
        assertEquals("welcome", text(answer[0]), "the server's answer comes back as connection information");
        return port[0];
    }

    @Test
    void requestsAreAnsweredByTheirMessageIdAndDatagramsArrive() throws Exception {
        startServer();
        long port = connect(client, "hello");
        PortMessage[] reply = new PortMessage[1];
        assertEquals(STATUS_SUCCESS, client.NtRequestWaitReplyPort(port, PortMessage.of(bytes("ping")), reply));
        assertEquals(LPC_REPLY, reply[0].type());
        assertEquals("PING", text(reply[0].data()));
        assertEquals(STATUS_SUCCESS, client.NtRequestPort(port, PortMessage.of(bytes("note"))));
        assertEquals(LPC_DATAGRAM + " 100 note", seen.poll(5, TimeUnit.SECONDS),
                "a datagram, with the context the server gave the connection");
    }

    @Test
    void aRefusedConnectionFailsTheClient() {
        startServer();
        long[] port = {7};
        assertEquals(STATUS_PORT_CONNECTION_REFUSED, client.NtConnectPort(port, NAME, null, null, null, bytes("no"), null));
        assertEquals(0, port[0]);
        long[] missing = new long[1];
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND,
                client.NtConnectPort(missing, "\\BaseNamedObjects\\nobody", null, null, null, null, null));
    }

    @Test
    void limitsAndMismatchedReplies() {
        long[] port = new long[1];
        ObjectAttributes name = new ObjectAttributes(0, NAME, 0, null);
        assertEquals(STATUS_INVALID_PARAMETER_3, server.NtCreatePort(port, name, 257, 0, 0));
        assertEquals(STATUS_INVALID_PARAMETER_4, server.NtCreatePort(port, name, 0, 513, 0));
        startServer();
        long comm = connect(client, "x");
        byte[] big = new byte[PORT_MAXIMUM_MESSAGE_LENGTH - 40 + 1];
        assertEquals(STATUS_PORT_MESSAGE_TOO_LONG, client.NtRequestPort(comm, PortMessage.of(big)));
        PortMessage[] reply = new PortMessage[1];
        assertEquals(STATUS_SUCCESS, client.NtRequestWaitReplyPort(comm,
                PortMessage.of(new byte[PORT_MAXIMUM_MESSAGE_LENGTH - 40]), reply), "the largest message fits");
        assertEquals(STATUS_REPLY_MESSAGE_MISMATCH, client.NtReplyPort(comm, new PortMessage(0, 0x7FFF_0000, 0, 0,
                new byte[0])));
        assertEquals(STATUS_INVALID_HANDLE, client.NtRequestPort(0x7770, PortMessage.of(new byte[0])));
    }

    @Test
    void theServerHearsAClientCloseAndAClientProcessEnd() throws Exception {
        startServer();
        long first = connect(client, "a");
        assertTrue(clientProcess.kernel32().CloseHandle(first));
        assertEquals(LPC_PORT_CLOSED + " 100 ", seen.poll(5, TimeUnit.SECONDS));
        Win32Process doomed = system.attach("doomed.exe");
        connect(doomed.ntdll(), "b");
        Kernel32 k32 = serverProcess.kernel32();
        long handle = k32.OpenProcess(PROCESS_TERMINATE, false, doomed.kernel32().GetCurrentProcessId());
        assertTrue(k32.TerminateProcess(handle, 1));
        assertEquals(LPC_PORT_CLOSED + " 101 ", seen.poll(5, TimeUnit.SECONDS), "rundown closed its port");
    }

    @Test
    void aClientBlockedOnAReplyIsFreedByTheServersEndAndByAnInterrupt() throws Exception {
        long listen = createServerPort();
        CompletableFuture<Long> serverComm = CompletableFuture.supplyAsync(() -> {
            PortMessage[] request = new PortMessage[1];
            assertEquals(STATUS_SUCCESS, server.NtListenPort(listen, request));
            long[] comm = new long[1];
            assertEquals(STATUS_SUCCESS, server.NtAcceptConnectPort(comm, 1,
                    PortMessage.replyTo(request[0], bytes("welcome")), true, null));
            assertEquals(STATUS_SUCCESS, server.NtCompleteConnectPort(comm[0]));
            return comm[0];
        });
        long port = connect(client, "c");
        long comm = serverComm.get(5, TimeUnit.SECONDS);
        // an interrupt
        CompletableFuture<Integer> interrupted = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() ->
                interrupted.complete(client.NtRequestWaitReplyPort(port, PortMessage.of(bytes("q")), new PortMessage[1])));
        Thread.sleep(50);
        waiter.interrupt();
        assertEquals(STATUS_CANCELLED, interrupted.get(5, TimeUnit.SECONDS));
        // the server's communication port going
        CompletableFuture<Integer> disconnected = CompletableFuture.supplyAsync(() ->
                client.NtRequestWaitReplyPort(port, PortMessage.of(bytes("r")), new PortMessage[1]));
        Thread.sleep(50);
        assertTrue(serverProcess.kernel32().CloseHandle(comm));
        assertEquals(STATUS_PORT_DISCONNECTED, disconnected.get(5, TimeUnit.SECONDS));
        assertEquals(STATUS_PORT_DISCONNECTED, client.NtRequestPort(port, PortMessage.of(bytes("s"))),
                "and stays disconnected");
    }

    @Test
    void aClientBlockedOnAReplyIsFreedWhenItsThreadIsTerminated() throws Exception {
        startServerThatNeverReplies();
        long port = connect(client, "t");
        Kernel32 k32 = clientProcess.kernel32();
        java.util.concurrent.CountDownLatch left = new java.util.concurrent.CountDownLatch(1);
        long thread = k32.CreateThread(null, 0, p -> {
            try {
                return client.NtRequestWaitReplyPort(port, PortMessage.of(bytes("u")), new PortMessage[1]);
            } finally {
                left.countDown();
            }
        }, 0, 0, null);
        Thread.sleep(50);
        assertTrue(k32.TerminateThread(thread, 9));
        assertTrue(left.await(5, TimeUnit.SECONDS), "the blocked Java thread left the call");
        assertEquals(WAIT_OBJECT_0, k32.WaitForSingleObject(thread, 5000));
    }

    /** A server that accepts connections and swallows requests. */
    private void startServerThatNeverReplies() {
        long listen = createServerPort();
        Thread thread = Thread.ofVirtual().start(() -> {
            while (true) {
                PortMessage[] m = new PortMessage[1];
                if (server.NtReplyWaitReceivePort(listen, null, null, m) != STATUS_SUCCESS) {
                    return;
                }
                if (m[0].type() == LPC_CONNECTION_REQUEST) {
                    long[] comm = new long[1];
                    server.NtAcceptConnectPort(comm, 1, PortMessage.replyTo(m[0], bytes("welcome")), true, null);
                    server.NtCompleteConnectPort(comm[0]);
                }
            }
        });
        threads.add(thread);
    }

    @Test
    void largeDataGoesThroughTheClientsSectionMappedIntoBothProcesses() throws Exception {
        long listen = createServerPort();
        CompletableFuture<MappedView> serverSide = CompletableFuture.supplyAsync(() -> {
            PortMessage[] request = new PortMessage[1];
            assertEquals(STATUS_SUCCESS, server.NtListenPort(listen, request));
            long[] comm = new long[1];
            MappedView[] view = new MappedView[1];
            assertEquals(STATUS_SUCCESS, server.NtAcceptConnectPort(comm, 1,
                    PortMessage.replyTo(request[0], bytes("welcome")), true, view));
            assertEquals(STATUS_SUCCESS, server.NtCompleteConnectPort(comm[0]));
            PortMessage[] message = new PortMessage[1];
            assertEquals(STATUS_SUCCESS, server.NtReplyWaitReceivePort(listen, null, null, message));
            int length = java.nio.ByteBuffer.wrap(message[0].data()).getInt();
            java.nio.ByteBuffer shared = view[0].buffer();
            for (int i = 0; i < length; i++) { // answer in place: every byte incremented
                shared.put(i, (byte) (shared.get(i) + 1));
            }
            assertEquals(STATUS_SUCCESS, server.NtReplyPort(listen, PortMessage.replyTo(message[0], new byte[0])));
            return view[0];
        });
        Kernel32 k32 = clientProcess.kernel32();
        long section = k32.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 65536, null);
        long[] port = new long[1];
        MappedView[] mine = new MappedView[1];
        assertEquals(STATUS_SUCCESS, client.NtConnectPort(port, NAME, new PortView(section, 0, 0), mine, null,
                bytes("big"), null));
        int length = 40_000; // far beyond a port message's 472 bytes
        for (int i = 0; i < length; i++) {
            mine[0].buffer().put(i, (byte) i);
        }
        PortMessage[] reply = new PortMessage[1];
        byte[] header = java.nio.ByteBuffer.allocate(4).putInt(length).array();
        assertEquals(STATUS_SUCCESS, client.NtRequestWaitReplyPort(port[0], PortMessage.of(header), reply));
        for (int i = 0; i < length; i++) {
            assertEquals((byte) (i + 1), mine[0].buffer().get(i), "byte " + i);
        }
        MappedView theirs = serverSide.get(5, TimeUnit.SECONDS);
        assertEquals(65536, theirs.segment().byteSize());
        assertTrue(theirs.address() != mine[0].address(), "one section, a view in each process");
    }

    @Test
    void manyClientsAgainstOneServerEachGetTheirOwnReplies() throws Exception {
        startServer();
        List<CompletableFuture<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            Ntdll nt = system.attach("client" + c + ".exe").ntdll();
            int id = c;
            clients.add(CompletableFuture.supplyAsync(() -> {
                long port = connect(nt, "c" + id);
                int ok = 0;
                for (int i = 0; i < 200; i++) {
                    PortMessage[] reply = new PortMessage[1];
                    String text = "client" + id + "-" + i;
                    if (nt.NtRequestWaitReplyPort(port, PortMessage.of(bytes(text)), reply) == STATUS_SUCCESS
                            && text.toUpperCase().equals(text(reply[0].data()))) {
                        ok++;
                    }
                }
                return ok;
            }, runnable -> Thread.ofVirtual().start(runnable)));
        }
        for (CompletableFuture<Integer> c : clients) {
            assertEquals(200, c.get(20, TimeUnit.SECONDS));
        }
    }
}
