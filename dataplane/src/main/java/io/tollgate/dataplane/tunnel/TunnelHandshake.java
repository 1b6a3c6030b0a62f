package io.tollgate.dataplane.tunnel;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.tls.HandshakeFailure;
import io.tollgate.dataplane.tls.MeshClientTls;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Judges a new tunnel once its mTLS handshake is done, as a connection of its own would be judged (a mesh
 * identity, and one of the route's {@code subjectAltNames} when it lists any), then turns it into HTTP/2 and
 * declares it ready. A server that did not take the tunnel protocol is {@link TunnelOpen.Unsupported}, and the
 * connection, judged the same way, becomes a waiting workload connection's own.
 */
final class TunnelHandshake extends ChannelInboundHandlerAdapter {
    private final Tunnel tunnel;
    private final MeshClientTls tls;
    private final ProxyMetrics metrics;
    private final Consumer<TunnelKey> unsupported;

    TunnelHandshake(Tunnel tunnel, MeshClientTls tls, ProxyMetrics metrics, Consumer<TunnelKey> unsupported) {
        this.tunnel = tunnel;
        this.tls = tls;
        this.metrics = metrics;
        this.unsupported = unsupported;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof SslHandshakeCompletionEvent done)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (!done.isSuccess()) {
            fail(ctx, new TunnelOpen.Failed("TLS handshake with upstream " + tunnel.key().address() + " failed ("
                    + HandshakeFailure.classify(done.cause()).label() + "): " + done.cause().getMessage()));
            return;
        }
        SslHandler handler = ctx.pipeline().get(SslHandler.class);
        metrics.upstreamHandshake(MeshClientTls.resumed(handler) ? "resumed" : "full");
        Optional<String> rejection = tls.rejection(handler, tunnel.key().subjectAltNames(),
                tunnel.key().address().getAddress().getHostAddress() + ":" + tunnel.key().address().getPort());
        if (rejection.isPresent()) {
            fail(ctx, new TunnelOpen.Failed(rejection.get()));
            return;
        }
        if (!MeshClientTls.tunnelNegotiated(handler)) {
            unsupported.accept(tunnel.key());
            // A connection of its own now, for whoever waited first: only TLS stays.
            ctx.pipeline().remove("idle");
            ctx.pipeline().remove(this);
            tunnel.unsupported(tunnel.key().address() + " does not take tunnels", ctx.channel());
            return;
        }
        TunnelConnection h2 = TunnelCodec.client();
        h2.onGoAway(tunnel::goingAway);
        ctx.pipeline().addLast("flushes", new EmptyFlushFilter())
                .addLast("h2", h2)
                .addLast("tunnel-end", new TunnelEnd(tunnel));
        ctx.pipeline().remove(this);
        TunnelCodec.widenConnectionWindow(h2);
        ctx.channel().config().setAutoRead(true);
        tunnel.ready(ctx.channel(), h2, MeshClientTls.peerValidUntil(handler));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, new TunnelOpen.Failed("tunnel to " + tunnel.key().address() + " failed during its handshake: "
                + cause.getMessage()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        tunnel.closed("the tunnel to " + tunnel.key().address() + " closed during its handshake");
        ctx.fireChannelInactive();
    }

    private void fail(ChannelHandlerContext ctx, TunnelOpen failure) {
        tunnel.failed(failure);
        ctx.close();
    }

    /** The tunnel's last handler: closes on errors, reports the close. */
    private static final class TunnelEnd extends ChannelInboundHandlerAdapter {
        private final Tunnel tunnel;

        TunnelEnd(Tunnel tunnel) {
            this.tunnel = tunnel;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            tunnel.closed("the tunnel to " + tunnel.key().address() + " closed");
            ctx.fireChannelInactive();
        }
    }
}
