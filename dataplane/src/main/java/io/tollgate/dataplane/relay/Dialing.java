package io.tollgate.dataplane.relay;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/**
 * An upstream dial under way for one downstream connection. A downstream that leaves before the upstream has
 * connected abandons it, and a connect still in flight is closed there and then: an upstream that drops SYNs would
 * otherwise hold a socket, and its SYN retries, for the whole connect timeout, once per workload connection that
 * gave up. A connect that completed is the relay's business, not the dial's (so a sidecar's own mTLS handshake to
 * the gateway, after the connect, is not cut short here). The listener on the downstream's close stays for the
 * connection's life, holding the finished connect future: a few dozen bytes per connection.
 *
 * <p>Threading: the downstream's event loop, where the dial's own steps run too.
 */
public final class Dialing {
    private ChannelFuture connecting;
    private boolean abandoned;

    /** A dial abandoned by the caller ({@link #abandon}), for a downstream that is not a channel of its own. */
    public Dialing() {
    }

    /** A dial abandoned when {@code downstream} closes. */
    public static Dialing until(Channel downstream) {
        Dialing dialing = new Dialing();
        downstream.closeFuture().addListener(closed -> dialing.abandon());
        return dialing;
    }

    /** The connect of this dial, once its address is known; closed at once if the dial was abandoned before. */
    public void connecting(ChannelFuture connect) {
        connecting = connect;
        if (abandoned) {
            closeIfConnecting();
        }
    }

    /** The downstream went away: a connect in flight is closed. */
    public void abandon() {
        abandoned = true;
        closeIfConnecting();
    }

    private void closeIfConnecting() {
        if (connecting != null && !connecting.isDone()) {
            connecting.channel().close();
        }
    }
}
