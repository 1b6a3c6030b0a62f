package io.tollgate.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bulk correctness guard: streams {@code bytes} of pseudo-random data through the path to the echo server
 * while reading the echo on another thread, and compares every byte. iperf3 measures the throughput; this proves
 * the bytes arrive intact (iperf3 sends a repeated buffer and does not check what it receives).
 */
public final class BulkEcho {
    private static final int PATTERN = 1 << 20;
    private static final int CHUNK = 64 * 1024;

    private BulkEcho() {
    }

    public static BulkEchoResult run(InetSocketAddress target, long bytes, long seed) throws IOException, InterruptedException {
        byte[] pattern = new byte[PATTERN];
        new SplittableRandom(seed).nextBytes(pattern);
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(target, 5_000);
            socket.setSoTimeout(15_000);
            AtomicLong written = new AtomicLong();
            Thread writer = Thread.ofPlatform().name("bulk-writer").daemon().start(() -> write(socket, pattern, bytes, written));
            long[] verdict = read(socket.getInputStream(), pattern, bytes);
            writer.join(15_000);
            return new BulkEchoResult(written.get(), verdict[0], verdict[1], System.nanoTime() - started);
        }
    }

    private static void write(Socket socket, byte[] pattern, long bytes, AtomicLong written) {
        try {
            OutputStream out = socket.getOutputStream();
            long offset = 0;
            while (offset < bytes) {
                int at = (int) (offset % PATTERN);
                int length = (int) Math.min(Math.min(CHUNK, PATTERN - at), bytes - offset);
                out.write(pattern, at, length);
                offset += length;
                written.set(offset);
            }
            out.flush();
        } catch (IOException broken) {
            // The reader sees the short stream and the result says how far the writer got.
        }
    }

    /** Returns {bytes read, index of the first differing byte or -1}. */
    private static long[] read(InputStream in, byte[] pattern, long bytes) {
        byte[] buffer = new byte[CHUNK];
        long offset = 0;
        try {
            while (offset < bytes) {
                int at = (int) (offset % PATTERN);
                int want = (int) Math.min(Math.min(CHUNK, PATTERN - at), bytes - offset);
                int n = in.read(buffer, 0, want);
                if (n < 0) {
                    break;
                }
                int differs = Arrays.mismatch(buffer, 0, n, pattern, at, at + n);
                if (differs >= 0) {
                    return new long[]{offset + n, offset + differs};
                }
                offset += n;
            }
        } catch (IOException broken) {
            // Timeout or reset: the short count is the finding.
        }
        return new long[]{offset, -1};
    }
}
