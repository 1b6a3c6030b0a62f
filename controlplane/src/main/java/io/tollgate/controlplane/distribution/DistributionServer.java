package io.tollgate.controlplane.distribution;

import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The control plane's gRPC server: the distribution service plus any other services given (the certificate
 * service), on one address and one TLS setup.
 *
 * <p>The TLS setup is the caller's: it must verify client certificates against the mesh trust bundle when they are
 * presented. Client authentication should be OPTIONAL if the certificate service shares this server (a proxy
 * without a certificate must be able to ask for one); the distribution service itself refuses callers without a
 * SPIFFE identity either way.
 */
public final class DistributionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistributionServer.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final Server server;
    private final DistributionService<?> distribution;

    private DistributionServer(Server server, DistributionService<?> distribution) {
        this.server = server;
        this.distribution = distribution;
    }

    /**
     * Binds {@code address} (port 0 picks a free port; see {@link #address()}) and starts serving.
     *
     * @throws IOException if the address cannot be bound
     */
    public static DistributionServer start(InetSocketAddress address, ServerCredentials tls,
                                           DistributionService<?> distribution,
                                           List<ServerServiceDefinition> extraServices) throws IOException {
        return start(NettyServerBuilder.forAddress(address, tls), distribution, extraServices);
    }

    /**
     * The same with a Netty TLS context: the control plane's, which asks for (and verifies) a client certificate
     * without requiring one, so bootstrapping proxies can reach certificate signing on the same port.
     */
    public static DistributionServer start(InetSocketAddress address, SslContext tls, DistributionService<?> distribution,
                                           List<ServerServiceDefinition> extraServices) throws IOException {
        return start(NettyServerBuilder.forAddress(address).sslContext(tls), distribution, extraServices);
    }

    private static DistributionServer start(NettyServerBuilder builder, DistributionService<?> distribution,
                                            List<ServerServiceDefinition> extraServices) throws IOException {
        builder
                // A restarted control plane must get its port back although old connections linger in TIME_WAIT.
                .withOption(ChannelOption.SO_REUSEADDR, true)
                // Proxies ping every 30 s to notice a vanished control plane; allow it without calling it abuse.
                .permitKeepAliveTime(20, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .addService(distribution.definition());
        extraServices.forEach(builder::addService);
        Server server = builder.build().start();
        LOG.info("control plane serving on {}", server.getListenSockets());
        return new DistributionServer(server, distribution);
    }

    /** The bound address, with the real port when 0 was asked for. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getListenSockets().getFirst();
    }

    /**
     * Stops accepting calls, ends every proxy stream with UNAVAILABLE (proxies keep their configuration and
     * reconnect), lets other calls finish for up to {@code grace}, then cuts what remains.
     */
    public void stop(Duration grace) throws InterruptedException {
        server.shutdown();
        distribution.closeStreams(Status.UNAVAILABLE.withDescription("control plane is shutting down"));
        if (!server.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            server.shutdownNow();
            server.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
        }
        LOG.info("control plane stopped");
    }

    @Override
    public void close() throws InterruptedException {
        stop(DEFAULT_GRACE);
    }
}
