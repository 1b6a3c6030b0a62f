package io.tollgate.dataplane.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Opens the upstream half of a relay on the downstream channel's own event loop (so the pair shares one thread),
 * with AUTO_READ off, half-close allowed and a connect timeout. What runs on the new channel is the caller's
 * {@code initializer}: plain TCP for the gateway, TLS origination for the sidecar.
 */
public final class UpstreamDialer {
    private final Transport transport;
    private final Duration connectTimeout;

    public UpstreamDialer(Transport transport, Duration connectTimeout) {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, got " + connectTimeout);
        }
        this.transport = transport;
        this.connectTimeout = connectTimeout;
    }

    /** Starts connecting; the future fails with a {@code ConnectTimeoutException} or the socket error. */
    public ChannelFuture dial(Channel downstream, InetSocketAddress address, ChannelHandler initializer) {
        return new Bootstrap()
                .group(downstream.eventLoop())
                .channel(transport.socketChannelType())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .handler(initializer)
                .connect(address);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }
}
