package io.tollgate.dataplane.relay;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;

import java.util.List;

/** The few channel operations every relay half needs: close after pending writes, and propagate a half-close. */
public final class Relay {
    private Relay() {
    }

    /**
     * Joins a downstream whose pipeline holds an {@link InputHold} to a connected upstream whose pipeline already
     * has its {@link RelayHandler} towards the downstream: the hold becomes a relay, held bytes go out first, a
     * held end-of-input is passed on, and both sides start reading. Call on the downstream's event loop.
     */
    public static void start(Channel downstream, Channel upstream) {
        InputHold hold = downstream.pipeline().get(InputHold.class);
        if (hold == null) {
            throw new IllegalStateException("downstream pipeline has no InputHold: " + downstream.pipeline().names());
        }
        List<Object> held = hold.takeHeld();
        boolean inputEnded = hold.inputEnded();
        downstream.pipeline().replace(hold, "relay", new RelayHandler(upstream));
        held.forEach(upstream::write);
        upstream.flush();
        if (inputEnded) {
            shutdownOutputOnFlush(upstream);
        } else {
            readIfOpen(downstream);
        }
        readIfOpen(upstream);
    }

    /**
     * Asks for more input unless the input has already ended: the epoll transport drops a half-closed socket's
     * read interest, and asking again then fails.
     */
    public static void readIfOpen(Channel channel) {
        if (channel instanceof DuplexChannel duplex && duplex.isInputShutdown()) {
            return;
        }
        channel.read();
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
     * Ends {@code channel}'s output after its pending writes, keeping its input open (TCP half-close). A channel
     * whose input is already shut down is closed instead: nothing is left to carry.
     *
     * <p>On a TLS channel this sends a bare TCP FIN, not close_notify: Netty's OpenSSL engine closes both
     * directions when it receives close_notify, which would cut off the answer still to come. The full close
     * later sends close_notify as usual.
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
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> {
            if (flushed.isSuccess()) {
                duplex.shutdownOutput();
            } else {
                channel.close();
            }
        });
    }
}
