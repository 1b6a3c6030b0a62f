package io.tollgate.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Holds idle connections through a path to the echo server, for the memory-per-connection measurement. Each new
 * connection carries one byte there and back before it counts, so every proxy in the path has finished its
 * handshakes and set up both sides; then it stays silent until {@link #close()}.
 */
public final class IdleHolder implements AutoCloseable {
    private final InetSocketAddress target;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    public IdleHolder(InetSocketAddress target) {
        this.target = target;
    }

    public int size() {
        return open.size();
    }

    /** Opens connections, {@code parallelism} at a time, until {@code total} are held; throws on the first that fails. */
    public void growTo(int total, int parallelism) throws IOException, InterruptedException {
        int missing = total - open.size();
        if (missing <= 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Socket>> opened = new ArrayList<>();
            for (int i = 0; i < missing; i++) {
                opened.add(pool.submit(this::openOne));
            }
            // Collect every outcome, so sockets opened beside a failed one are held and closed with the rest.
            Throwable firstFailure = null;
            for (Future<Socket> future : opened) {
                try {
                    open.add(future.get());
                } catch (ExecutionException e) {
                    firstFailure = firstFailure == null ? e.getCause() : firstFailure;
                }
            }
            if (firstFailure != null) {
                throw new IOException("idle connection via " + target + " failed after " + open.size() + " open: "
                        + firstFailure.getMessage(), firstFailure);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Socket openOne() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(target, 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(0x5a);
            InputStream in = socket.getInputStream();
            int echoed = in.read();
            if (echoed != 0x5a) {
                throw new IOException("expected the byte 0x5a echoed, got " + echoed);
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        synchronized (open) {
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a socket we are discarding: nothing left to do with the error.
                }
            }
            open.clear();
        }
    }
}
