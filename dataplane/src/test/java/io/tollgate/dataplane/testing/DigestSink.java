package io.tollgate.dataplane.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A destination that reads everything until the client half-closes, then answers with the SHA-256 of what it
 * read and closes. A transfer arrived intact when the client's own digest matches.
 */
public final class DigestSink implements AutoCloseable {
    private final ServerSocket server;

    public DigestSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("digest-sink").start(this::acceptLoop);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> answer(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            out.write(digest.digest());
            out.flush();
        } catch (IOException | NoSuchAlgorithmException e) {
            // The client sees the missing digest; nothing else to do on this side.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
