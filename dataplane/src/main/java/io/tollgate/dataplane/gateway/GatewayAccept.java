package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.Relay;
import io.tollgate.dataplane.tls.HandshakeFailure;
import io.tollgate.dataplane.tls.MeshServerTls;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * The gateway's decision for one connection, taken once the mTLS handshake is done: who (SPIFFE ID), then, for a
 * connection that negotiated a tunnel, hand it to {@link TunnelAdoption} (each of its streams is decided on its
 * own); otherwise where to and may they ({@link Admission}: route by port and SNI, authorize), then dial. Nothing is
 * dialed before the verdict. On success it removes itself and starts the relay ({@link Relay#start}); every
 * refusal records its flag and reason and closes.
 * Bytes the client sends before the upstream is up wait in the {@link io.tollgate.dataplane.relay.InputHold} ahead.
 */
final class GatewayAccept extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayAccept.class);
    private final GatewayRuntime runtime;
    private final GatewayConnection connection;
    private boolean decided;

    GatewayAccept(GatewayRuntime runtime, GatewayConnection connection) {
        this.runtime = runtime;
        this.connection = connection;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read(); // AUTO_READ is off: ask for the ClientHello; TLS keeps reading until the handshake is done.
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent handshake && !decided) {
            decided = true;
            if (handshake.isSuccess()) {
                decide(ctx);
            } else {
                refuseHandshake(ctx, handshake.cause());
            }
        } else if (evt instanceof ChannelInputShutdownEvent && !decided) {
            // The client stopped sending mid-handshake (e.g. a truncated ClientHello): it can never finish.
            decided = true;
            refuseHandshake(ctx, new SSLException("the client closed its side during the TLS handshake"));
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!decided) {
            decided = true;
            refuseHandshake(ctx, cause);
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void refuseHandshake(ChannelHandlerContext ctx, Throwable cause) {
        HandshakeFailure kind = HandshakeFailure.classify(cause);
        runtime.metrics().handshakeFailed(kind.label());
        connection.end(ResponseFlag.DPE, "TLS handshake failed (" + kind.label() + "): " + cause.getMessage());
        LOG.debug("connection {} from {}: TLS handshake failed ({}): {}", connection.id(), connection.source(), kind.label(),
                cause.toString());
        ctx.close();
    }

    private void decide(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        SpiffeId peer;
        try {
            peer = runtime.tls().peerIdentity(tls);
        } catch (CertificateException e) {
            refuseHandshake(ctx, e);
            return;
        }
        if (MeshServerTls.tunnelNegotiated(tls)) {
            TunnelAdoption.adopt(ctx, runtime, connection, peer, MeshServerTls.peerValidUntil(tls));
            return;
        }
        connection.peer = Optional.of(peer);
        connection.serverName = MeshServerTls.requestedServerName(tls);
        switch (Admission.decide(runtime, connection)) {
            case Admission.NoRoute noRoute -> ctx.close();
            case Admission.Denied denied -> refuse(ctx, peer, denied);
            case Admission.Admitted admitted -> UpstreamConnect.dial(runtime, connection, ctx.channel(), admitted.target(),
                    upstream -> relay(ctx, upstream), ctx::close);
        }
    }

    /** A MYSQL destination is refused the way a MySQL server refuses a host; anything else by a plain close. */
    private static void refuse(ChannelHandlerContext ctx, SpiffeId peer, Admission.Denied denied) {
        if (denied.target().protocol() == Protocol.MYSQL) {
            ctx.writeAndFlush(denied.mysqlRefusal(peer).encode(ctx.alloc())).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private void relay(ChannelHandlerContext ctx, Channel upstream) {
        ctx.pipeline().remove(this);
        Relay.start(ctx.channel(), upstream);
    }
}
