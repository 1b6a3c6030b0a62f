package io.tollgate.dataplane.relay;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;

/** The few channel operations every relay half needs: close after pending writes, and propagate a half-close. */
public final class Relay {
    private Relay() {
    }

    /** Closes {@code channel} once everything already written to it has been flushed. */
    public static void closeOnFlush(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /**
     * Ends {@code channel}'s output after its pending writes, keeping its input open (TCP half-close). A TLS
     * channel first sends close_notify, which TLS 1.3 allows per direction. A channel whose input is already
     * shut down is closed instead: nothing is left to carry.
     */
    public static void shutdownOutputOnFlush(Channel channel) {
        if (!(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            closeOnFlush(channel);
            return;
        }
        if (duplex.isInputShutdown()) {
            closeOnFlush(channel);
            return;
        }
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> {
            if (!flushed.isSuccess()) {
                channel.close();
            } else if (tls != null) {
                tls.closeOutbound().addListener(notified -> duplex.shutdownOutput());
            } else {
                duplex.shutdownOutput();
            }
        });
    }
}
