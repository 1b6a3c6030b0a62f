package io.tollgate.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A faulty proxy for tests: relays one connection at a time to a target and flips one bit of the byte at
 * {@code corruptAt} in the client-to-target direction, so the guards can be shown to fail when bytes change.
 */
final class CorruptingRelay implements AutoCloseable {
    private final ServerSocket listener;

    CorruptingRelay(InetSocketAddress target, long corruptAt) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    Thread.ofPlatform().daemon().start(() -> pump(client, upstream, corruptAt));
                    Thread.ofPlatform().daemon().start(() -> pump(upstream, client, -1));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    private static void pump(Socket from, Socket to, long corruptAt) {
        byte[] buffer = new byte[8192];
        long offset = 0;
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (corruptAt >= offset && corruptAt < offset + n) {
                    buffer[(int) (corruptAt - offset)] ^= 0x01;
                }
                out.write(buffer, 0, n);
                offset += n;
            }
        } catch (IOException closed) {
            // The other side went away: the relay just ends.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
