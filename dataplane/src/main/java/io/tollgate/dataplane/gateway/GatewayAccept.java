package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.tollgate.dataplane.connection.UpstreamPipeline;
import io.tollgate.dataplane.mysql.MysqlErrPacket;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.Relay;
import io.tollgate.dataplane.tls.HandshakeFailure;
import io.tollgate.dataplane.tls.MeshServerTls;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.GatewayRoute;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.RouteTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The gateway's decision for one connection, taken once the mTLS handshake is done: who (SPIFFE ID), where to
 * (route by port and SNI), may they (authorize), then dial. Nothing is dialed before the verdict. On success it
 * removes itself and starts the relay ({@link Relay#start}); every refusal records its flag and reason and closes.
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
        connection.peer = Optional.of(peer);
        connection.serverName = MeshServerTls.requestedServerName(tls);
        GatewayConfig config = runtime.config().get();
        ConnectionFacts facts = new ConnectionFacts(connection.peer, connection.source(), connection.local().getAddress(),
                connection.serverPort, connection.serverName);
        connection.facts = Optional.of(facts);

        Optional<GatewayRoute> route = route(config);
        if (route.isEmpty()) {
            connection.end(ResponseFlag.NR, "no route for port " + connection.serverPort + " and server name "
                    + connection.serverName.orElse("(none)"));
            runtime.metrics().connectionOpened(connection.labels());
            ctx.close();
            return;
        }
        RouteTarget target = route.get().target();
        connection.target = Optional.of(target);

        Verdict verdict = Authorization.decide(config.authorizer(), facts);
        connection.verdict = Optional.of(verdict);
        runtime.metrics().authzDecision(verdict.label(), verdict.policyLabel());
        if (!verdict.allowed()) {
            connection.end(ResponseFlag.DENY, Authorization.denial(verdict));
            runtime.metrics().connectionOpened(connection.labels());
            refuse(ctx, peer, target, verdict);
            return;
        }
        runtime.metrics().connectionOpened(connection.labels());
        runtime.addresses().choose(target).whenComplete((address, failure) ->
                ctx.executor().execute(() -> dial(ctx, address, failure)));
    }

    private Optional<GatewayRoute> route(GatewayConfig config) {
        Optional<Hostname> sni = Optional.empty();
        if (connection.serverName.isPresent()) {
            try {
                sni = Optional.of(Hostname.of(connection.serverName.get()));
            } catch (IllegalArgumentException notAHostName) {
                // Fail closed: an unreadable SNI must not fall through to a port-only route.
                return Optional.empty();
            }
        }
        return config.routes().route(connection.serverPort, sni);
    }

    /** A MYSQL destination is refused the way a MySQL server refuses a host; anything else by a plain close. */
    private void refuse(ChannelHandlerContext ctx, SpiffeId peer, RouteTarget target, Verdict verdict) {
        if (target.protocol() == Protocol.MYSQL) {
            String message = "Host '" + peer + "' is not allowed to connect to " + target.authority() + ": "
                    + verdict.policy().map(p -> "denied by " + p).orElse(Authorization.denial(verdict));
            ctx.writeAndFlush(MysqlErrPacket.hostNotAllowed(message).encode(ctx.alloc()))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private void dial(ChannelHandlerContext ctx, InetSocketAddress address, Throwable failure) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            connection.end(ResponseFlag.UH, "no upstream address: " + cause.getMessage());
            ctx.close();
            return;
        }
        connection.dialing(address);
        runtime.dialer().dial(ctx.channel(), address, UpstreamPipeline.plain(ctx.channel(), connection))
                .addListener((ChannelFuture connected) -> relay(ctx, address, connected));
    }

    private void relay(ChannelHandlerContext ctx, InetSocketAddress address, ChannelFuture connected) {
        Channel downstream = ctx.channel();
        if (!connected.isSuccess()) {
            connection.end(ResponseFlag.UF, "upstream connect to " + address + " failed: " + connected.cause().getMessage());
            ctx.close();
            return;
        }
        Channel upstream = connected.channel();
        if (!downstream.isActive()) {
            upstream.close();
            return;
        }
        ctx.pipeline().remove(this);
        Relay.start(downstream, upstream);
    }
}
