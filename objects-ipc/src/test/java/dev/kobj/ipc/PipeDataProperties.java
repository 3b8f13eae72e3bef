package dev.kobj.ipc;

import static dev.kobj.api.status.NtStatus.STATUS_BUFFER_OVERFLOW;
import static dev.kobj.api.status.NtStatus.STATUS_PIPE_EMPTY;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kobj.api.pipe.NamedPipeCreate;
import dev.kobj.ipc.PipeFixture.Block;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the sequence of writes and reads, a pipe delivers exactly what was written, in order: as a
 * byte stream on a byte pipe, and one message per read (the rest as STATUS_BUFFER_OVERFLOW) on a
 * message pipe in message read mode. A positive op writes that many bytes from the client, a negative
 * one reads into a buffer of that size on the (non-blocking) server end.
 */
class PipeDataProperties {
    @Provide
    Arbitrary<List<Integer>> ops() {
        return Arbitraries.integers().between(-40, 40).list().ofMaxSize(40);
    }

    @Property(tries = 40)
    void aBytePipeIsAByteStream(@ForAll("ops") List<Integer> ops) {
        try (PipeFixture k = new PipeFixture()) {
            long server = k.server("bytes", new NamedPipeCreate(false, false, true, 1, 1 << 20, 1 << 20, 0));
            long client = k.client("bytes");
            ByteQueue model = new ByteQueue();
            byte next = 0;
            for (int op : ops) {
                Block block = new Block();
                if (op >= 0) {
                    byte[] data = new byte[op];
                    for (int i = 0; i < op; i++) {
                        data[i] = next++;
                    }
                    assertEquals(STATUS_SUCCESS, k.write(k.me, client, data, block));
                    assertEquals(op, block.information);
                    model.add(data);
                } else {
                    byte[] buffer = new byte[-op];
                    int status = k.read(k.me, server, buffer, -op, block);
                    if (model.size() == 0) {
                        assertEquals(STATUS_PIPE_EMPTY, status);
                        continue;
                    }
                    assertEquals(STATUS_SUCCESS, status);
                    byte[] expected = model.take(-op);
                    assertEquals(expected.length, block.information);
                    assertArrayEquals(expected, Arrays.copyOf(buffer, expected.length));
                }
            }
        }
    }

    @Property(tries = 40)
    void aMessagePipeDeliversOneMessagePerRead(@ForAll("ops") List<Integer> ops) {
        try (PipeFixture k = new PipeFixture()) {
            long server = k.server("messages", new NamedPipeCreate(true, true, true, 1, 1 << 20, 1 << 20, 0));
            long client = k.client("messages");
            ArrayDeque<byte[]> model = new ArrayDeque<>();
            byte next = 0;
            for (int op : ops) {
                Block block = new Block();
                if (op >= 0) {
                    byte[] data = new byte[op];
                    for (int i = 0; i < op; i++) {
                        data[i] = next++;
                    }
                    assertEquals(STATUS_SUCCESS, k.write(k.me, client, data, block));
                    model.add(data);
                } else {
                    byte[] buffer = new byte[-op];
                    int status = k.read(k.me, server, buffer, -op, block);
                    byte[] first = model.peekFirst();
                    if (first == null) {
                        assertEquals(STATUS_PIPE_EMPTY, status);
                        continue;
                    }
                    int n = Math.min(first.length, -op);
                    assertEquals(n < first.length ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS, status);
                    assertEquals(n, block.information);
                    assertArrayEquals(Arrays.copyOf(first, n), Arrays.copyOf(buffer, n));
                    model.pollFirst();
                    if (n < first.length) {
                        model.addFirst(Arrays.copyOfRange(first, n, first.length)); // the rest stays first
                    }
                }
            }
        }
    }

    /** The model of a byte stream. */
    private static final class ByteQueue {
        private byte[] data = new byte[0];

        void add(byte[] more) {
            byte[] joined = Arrays.copyOf(data, data.length + more.length);
            System.arraycopy(more, 0, joined, data.length, more.length);
            data = joined;
        }

        int size() {
            return data.length;
        }

        byte[] take(int max) {
            int n = Math.min(max, data.length);
            byte[] out = Arrays.copyOf(data, n);
            data = Arrays.copyOfRange(data, n, data.length);
            return out;
        }
    }
}
