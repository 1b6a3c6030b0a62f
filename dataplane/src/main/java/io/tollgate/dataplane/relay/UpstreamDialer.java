package io.tollgate.dataplane.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens the upstream half of a relay on the downstream channel's own event loop (so the pair shares one thread),
 * with AUTO_READ off, half-close allowed and a connect timeout. What runs on the new channel is the caller's
 * {@code initializer}: plain TCP for the gateway, TLS origination for the sidecar. The socket itself is made as
 * {@link UpstreamSocket} says (source address, mark).
 */
public final class UpstreamDialer {
    private final Transport transport;
    private final Duration connectTimeout;
    private final UpstreamSocket socket;

    public UpstreamDialer(Transport transport, Duration connectTimeout) {
        this(transport, connectTimeout, UpstreamSocket.plain());
    }

    public UpstreamDialer(Transport transport, Duration connectTimeout, UpstreamSocket socket) {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, got " + connectTimeout);
        }
        if (socket.mark().isPresent() && !transport.name().equals("epoll")) {
            throw new IllegalArgumentException("a socket mark needs the epoll transport, not " + transport.name());
        }
        this.transport = Objects.requireNonNull(transport, "transport");
        this.connectTimeout = connectTimeout;
        this.socket = socket;
    }

    /** Starts connecting; the future fails with a {@code ConnectTimeoutException} or the socket error. */
    public ChannelFuture dial(Channel downstream, InetSocketAddress address, ChannelHandler initializer) {
        Bootstrap bootstrap = new Bootstrap()
                .group(downstream.eventLoop())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, DataPathBuffers.ALLOCATOR)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .handler(initializer);
        socket.mark().ifPresentOrElse(mark -> bootstrap.channelFactory(mark.channelFactory()),
                () -> bootstrap.channel(transport.socketChannelType()));
        return socket.source()
                .map(source -> bootstrap.connect(address, new InetSocketAddress(source, 0)))
                .orElseGet(() -> bootstrap.connect(address));
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }
}
