package io.tollgate.dataplane.sidecar;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.ByteCounter;
import io.tollgate.dataplane.relay.RelayHandler;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.UpstreamTls;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The sidecar's upstream half: {@code [tls -> handshake ->] count -> relay -> end}. With ISTIO_MUTUAL the
 * workload's certificate goes out with the route's SNI and {@link UpstreamHandshake} judges the server before a
 * byte is relayed; with DISABLE (and for pass-through) the bytes go out as the workload wrote them.
 */
final class SidecarUpstreamPipeline extends ChannelInitializer<Channel> {
    private final SidecarRuntime runtime;
    private final Channel downstream;
    private final SidecarConnection connection;
    private final InetSocketAddress address;
    private final UpstreamTls tls;
    private final Consumer<Channel> onVerified;

    SidecarUpstreamPipeline(SidecarRuntime runtime, Channel downstream, SidecarConnection connection,
                            InetSocketAddress address, UpstreamTls tls, Consumer<Channel> onVerified) {
        this.runtime = runtime;
        this.downstream = downstream;
        this.connection = connection;
        this.address = address;
        this.tls = tls;
        this.onVerified = onVerified;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (tls instanceof UpstreamTls.IstioMutual mutual) {
            ch.pipeline()
                    .addLast("tls", runtime.tls().newHandler(ch.alloc(), address, mutual.sni().map(Hostname::value)))
                    .addLast("handshake", new UpstreamHandshake(runtime, connection, mutual, onVerified));
        }
        ch.pipeline()
                .addLast("count", new ByteCounter(connection::addSent))
                .addLast("relay", new RelayHandler(downstream))
                .addLast("end", new UpstreamEnd());
    }

    /** Records who ended the session when the upstream did, and closes on errors. */
    private final class UpstreamEnd extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            connection.end(ResponseFlag.NONE, "upstream error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (downstream.isActive()) {
                connection.end(ResponseFlag.NONE, "upstream closed the connection");
            }
            ctx.fireChannelInactive();
        }
    }
}
