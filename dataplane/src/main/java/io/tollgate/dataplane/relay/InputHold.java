package io.tollgate.dataplane.relay;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds what a downstream sends before its relay exists: bytes, and the end of its input. AUTO_READ off does
 * not make a channel silent: TLS 1.3 data may follow the handshake, and the epoll transport reads what is queued
 * when the peer half-closes. {@link Relay#start} replaces this handler and replays what it held, in order.
 *
 * <p>The end-of-input event is passed on as well, so a decision handler behind this one can react to a client
 * that gave up mid-handshake.
 */
public final class InputHold extends ChannelInboundHandlerAdapter {
    private final List<Object> held = new ArrayList<>();
    private boolean inputEnded;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        held.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            inputEnded = true;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }

    /** Hands over the held messages (the caller owns them now) and forgets them. */
    public List<Object> takeHeld() {
        List<Object> taken = List.copyOf(held);
        held.clear();
        return taken;
    }

    /** Whether the end of the input arrived while holding. */
    public boolean inputEnded() {
        return inputEnded;
    }
}
