package io.tollgate.controlplane.ca;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running TLS gRPC server on one address hosting the given services: the signing service alone (for
 * {@code tollgate ca serve}), or beside the distribution service in the full control plane.
 */
public final class SigningServer implements AutoCloseable {
    private final Server server;

    private SigningServer(Server server) {
        this.server = server;
    }

    /** Binds (port 0 picks a free port; see {@link #address()}) and starts serving. */
    public static SigningServer start(InetSocketAddress address, SslContext tls, List<ServerServiceDefinition> services) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address).sslContext(tls);
        services.forEach(builder::addService);
        return new SigningServer(builder.build().start());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getListenSockets().getFirst();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops accepting calls, lets calls in flight finish for up to five seconds, then cuts the rest. */
    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
