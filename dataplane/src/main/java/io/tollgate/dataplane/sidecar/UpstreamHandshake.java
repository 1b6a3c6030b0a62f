package io.tollgate.dataplane.sidecar;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.tls.HandshakeFailure;
import io.tollgate.dataplane.tls.MeshClientTls;
import io.tollgate.policy.route.UpstreamTls;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Judges the upstream once the mTLS handshake is done: a mesh identity (the trust manager saw to that during a full
 * handshake; {@link MeshClientTls#peerIdentity} re-checks a resumed one), and, when the route lists
 * {@code subjectAltNames}, one of those. Only then does the relay start; until then nothing the upstream sends
 * is passed on. A failure is the upstream's (UF): recorded, the upstream closed, and the downstream with it.
 */
final class UpstreamHandshake extends ChannelInboundHandlerAdapter {
    private final SidecarRuntime runtime;
    private final SidecarConnection connection;
    private final UpstreamTls.IstioMutual tls;
    private final Consumer<Channel> onVerified;

    UpstreamHandshake(SidecarRuntime runtime, SidecarConnection connection, UpstreamTls.IstioMutual tls,
                      Consumer<Channel> onVerified) {
        this.runtime = runtime;
        this.connection = connection;
        this.tls = tls;
        this.onVerified = onVerified;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof SslHandshakeCompletionEvent done)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (!done.isSuccess()) {
            fail(ctx, done.cause());
            return;
        }
        SslHandler handler = ctx.pipeline().get(SslHandler.class);
        runtime.metrics().upstreamHandshake(MeshClientTls.resumed(handler) ? "resumed" : "full");
        Optional<String> rejection = runtime.tls().rejection(handler, tls.subjectAltNames(), connection.upstreamText());
        if (rejection.isPresent()) {
            reject(ctx, rejection.get());
            return;
        }
        ctx.pipeline().remove(this);
        onVerified.accept(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Not yet judged: nothing from this peer reaches the workload.
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause);
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        HandshakeFailure kind = HandshakeFailure.classify(cause);
        reject(ctx, "TLS handshake with upstream " + connection.upstreamText() + " failed ("
                + kind.label() + "): " + cause.getMessage());
    }

    private void reject(ChannelHandlerContext ctx, String why) {
        connection.end(ResponseFlag.UF, why);
        ctx.close();
    }
}
