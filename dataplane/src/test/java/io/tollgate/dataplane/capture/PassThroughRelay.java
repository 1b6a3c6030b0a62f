package io.tollgate.dataplane.capture;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The smallest sidecar a test needs: for each captured connection, read its original destination, dial a fixed
 * upstream in the root namespace from the pod's source address with a marked socket, and copy bytes both ways.
 * One instance per captured connection; both channels share the inbound channel's event loop.
 */
final class PassThroughRelay extends ChannelInboundHandlerAdapter {
    private final InetSocketAddress upstream;
    private final InetAddress sourceAddress;
    private final Consumer<OriginalDestination> seen;
    private Channel outbound;

    PassThroughRelay(InetSocketAddress upstream, InetAddress sourceAddress, Consumer<OriginalDestination> seen) {
        this.upstream = upstream;
        this.sourceAddress = sourceAddress;
        this.seen = seen;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        Channel inbound = ctx.channel();
        seen.accept(OriginalDestination.of((EpollSocketChannel) inbound).orElseThrow());
        inbound.config().setAutoRead(false);
        outbound = new Bootstrap().group(inbound.eventLoop())
                .channelFactory(SocketMark.SIDECAR.channelFactory())
                .localAddress(new InetSocketAddress(sourceAddress, 0))
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext upstreamCtx, Object msg) {
                        inbound.writeAndFlush(msg);
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext upstreamCtx) {
                        inbound.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                    }
                })
                .connect(upstream)
                .addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        inbound.config().setAutoRead(true);
                    } else {
                        inbound.close();
                    }
                })
                .channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        outbound.writeAndFlush(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (outbound != null) {
            outbound.close();
        }
    }
}
