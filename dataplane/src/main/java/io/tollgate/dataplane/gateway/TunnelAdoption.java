package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.dataplane.relay.InputHold;
import io.tollgate.dataplane.tunnel.EmptyFlushFilter;
import io.tollgate.dataplane.tunnel.TunnelCodec;
import io.tollgate.dataplane.tunnel.TunnelConnection;
import io.tollgate.identity.SpiffeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Turns an accepted mTLS connection that negotiated a tunnel into one: the per-connection stages give way to
 * HTTP/2, and each stream is then served as a connection of its own ({@link GatewayStream}). The tunnel itself is
 * not a proxied connection: it is neither counted nor logged as one, only its streams are. It keeps the idle
 * closer: a tunnel idle for the idle timeout has only idle streams, and those would go at that moment too.
 *
 * <p>Bytes that arrived between the handshake and now (the client's preface and first request) were held
 * decrypted; they are handed to HTTP/2 first, from just behind TLS.
 */
final class TunnelAdoption {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelAdoption.class);
    /** What only a proxied connection needs; the idle closer stays: a tunnel without a byte for that long goes. */
    private static final List<String> PER_CONNECTION = List.of("count", "hold", "accept", "end");

    private TunnelAdoption() {
    }

    static void adopt(ChannelHandlerContext ctx, GatewayRuntime runtime, GatewayConnection connection, SpiffeId peer,
                      Instant validUntil) {
        Channel channel = ctx.channel();
        ChannelPipeline pipeline = channel.pipeline();
        InputHold hold = pipeline.get(InputHold.class);
        List<Object> held = hold.takeHeld();
        boolean inputEnded = hold.inputEnded();
        for (String stage : PER_CONNECTION) {
            pipeline.remove(stage);
        }
        runtime.open().remove(channel);
        runtime.tunnels().add(channel);
        TunnelPeer tunnel = new TunnelPeer(peer, validUntil, connection.source(), connection.local(), connection.serverPort);
        TunnelConnection h2 = TunnelCodec.server();
        h2.onIncoming(stream -> GatewayStream.accept(runtime, tunnel, stream));
        h2.onGoAway(() -> LOG.debug("tunnel from {} ({}): the client is going away", tunnel.source(), tunnel.peer()));
        pipeline.addLast("flushes", new EmptyFlushFilter())
                .addLast("h2", h2)
                .addLast("tunnel-end", new TunnelEnd(tunnel));
        LOG.debug("tunnel from {} ({}) on server port {}", connection.source(), peer, connection.serverPort);
        ChannelHandlerContext afterTls = pipeline.context("tls");
        held.forEach(afterTls::fireChannelRead);
        afterTls.fireChannelReadComplete();
        if (inputEnded) {
            channel.close();
            return;
        }
        TunnelCodec.widenConnectionWindow(h2);
        // HTTP/2 has flow control of its own per stream: the tunnel itself always reads.
        channel.config().setAutoRead(true);
    }

    /** The tunnel's last handler: errors close the tunnel and its streams. */
    private static final class TunnelEnd extends ChannelInboundHandlerAdapter {
        private final TunnelPeer tunnel;

        TunnelEnd(TunnelPeer tunnel) {
            this.tunnel = tunnel;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("tunnel from {} ({}): {}; closing it with its streams", tunnel.source(), tunnel.peer(), cause.toString());
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            LOG.debug("tunnel from {} ({}) closed", tunnel.source(), tunnel.peer());
            ctx.fireChannelInactive();
        }
    }
}
