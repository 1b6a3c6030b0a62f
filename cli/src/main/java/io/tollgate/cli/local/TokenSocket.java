package io.tollgate.cli.local;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The root-only Unix domain socket over which {@code tollgate run} obtains a join token for its pod. Whoever can
 * open it can become any workload of the mesh, so it is mode 0600 inside a 0700 directory (the directory closes
 * the window between bind and chmod). One request per connection; served on virtual threads.
 */
public final class TokenSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenSocket.class);
    private static final Gson GSON = new Gson();
    private static final int MAX_REQUEST = 4096;
    private final Path path;
    private final ServerSocketChannel server;
    private final TokenMinter minter;
    private final Thread acceptor;

    private TokenSocket(Path path, ServerSocketChannel server, TokenMinter minter) {
        this.path = path;
        this.server = server;
        this.minter = minter;
        this.acceptor = Thread.ofVirtual().name("token-socket").unstarted(this::acceptLoop);
    }

    /** Binds {@code path} (replacing a stale socket file) and starts answering. */
    public static TokenSocket open(Path path, TokenMinter minter) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        TokenSocket socket = new TokenSocket(path, server, minter);
        socket.acceptor.start();
        return socket;
    }

    /** Asks the mesh behind {@code path} for a token for {@code namespace}/{@code serviceAccount}. */
    public static String request(Path path, String namespace, String serviceAccount) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("the token socket " + path + " does not exist; is `tollgate up` running?");
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write((GSON.toJson(new TokenExchange.Request(namespace, serviceAccount)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the token socket " + path + " closed without an answer");
            }
            TokenExchange.Reply reply = GSON.fromJson(line, TokenExchange.Reply.class);
            if (reply == null || reply.token() == null) {
                throw new IOException("the mesh refused a token for " + namespace + "/" + serviceAccount + ": "
                        + (reply == null ? "empty answer" : reply.error()));
            }
            return reply.token();
        } catch (java.net.SocketException e) {
            throw new IOException("cannot reach the token socket " + path + ": " + e.getMessage()
                    + " (only root may use it; is `tollgate up` running?)", e);
        } catch (JsonParseException e) {
            throw new IOException("the token socket " + path + " answered something that is not a token: " + e.getMessage(), e);
        }
    }

    // On the acceptor virtual thread until close.
    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("token-request").start(() -> answer(client));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("token socket {}: accept failed: {}", path, e.toString());
                }
            }
        }
    }

    private void answer(SocketChannel client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
            String line = in.readLine();
            TokenExchange.Reply reply = line == null || line.length() > MAX_REQUEST
                    ? TokenExchange.Reply.refused("expected one JSON request line of at most " + MAX_REQUEST + " bytes")
                    : mint(line);
            OutputStream out = Channels.newOutputStream(client);
            out.write((GSON.toJson(reply) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            LOG.debug("token socket {}: a client went away: {}", path, e.toString());
        }
    }

    private TokenExchange.Reply mint(String line) {
        try {
            TokenExchange.Request request = GSON.fromJson(line, TokenExchange.Request.class);
            if (request == null || request.namespace() == null || request.serviceAccount() == null) {
                return TokenExchange.Reply.refused("a request needs namespace and serviceAccount");
            }
            String token = minter.mint(request.namespace(), request.serviceAccount());
            LOG.info("token socket: join token issued for {}/{}", request.namespace(), request.serviceAccount());
            return TokenExchange.Reply.granted(token);
        } catch (JsonParseException | IllegalArgumentException e) {
            return TokenExchange.Reply.refused(e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }
}
