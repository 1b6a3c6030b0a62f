package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.tollgate.dataplane.connection.UpstreamPipeline;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.Dialing;
import io.tollgate.policy.route.RouteTarget;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Dials an admitted connection's target: an address for it, then plain TCP on the downstream's event loop with
 * the relay's upstream pipeline. Exactly one of the callbacks runs, on that loop, and not at all when the
 * downstream went away meanwhile: a connect in flight is then closed as soon as the downstream is gone
 * ({@link Dialing#abandon}), and a late upstream as soon as it connects. A failure has been recorded on the
 * connection (UH: no address, UF: connect failed) before {@code onFailed} runs.
 */
final class UpstreamConnect {
    private UpstreamConnect() {
    }

    static void dial(GatewayRuntime runtime, GatewayConnection connection, Channel downstream, RouteTarget target,
                     Consumer<Channel> onConnected, Runnable onFailed) {
        dial(runtime, connection, downstream, target, UpstreamPipeline.plain(downstream, connection),
                downstream::isActive, Dialing.until(downstream), onConnected, onFailed);
    }

    /**
     * The same for a downstream that is not a channel of its own (a tunnel stream): the upstream gets {@code pipeline}
     * and the tunnel's loop; {@code wanted} says whether the downstream is still there, and the caller abandons
     * {@code dialing} when it goes away.
     */
    static void dial(GatewayRuntime runtime, GatewayConnection connection, Channel loop, RouteTarget target,
                     ChannelHandler pipeline, BooleanSupplier wanted, Dialing dialing, Consumer<Channel> onConnected,
                     Runnable onFailed) {
        runtime.addresses().choose(target).whenComplete((address, failure) -> loop.eventLoop().execute(() -> {
            if (!wanted.getAsBoolean()) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                connection.end(ResponseFlag.UH, "no upstream address: " + cause.getMessage());
                onFailed.run();
                return;
            }
            connect(runtime, connection, loop, address, pipeline, wanted, dialing, onConnected, onFailed);
        }));
    }

    private static void connect(GatewayRuntime runtime, GatewayConnection connection, Channel loop,
                                InetSocketAddress address, ChannelHandler pipeline, BooleanSupplier wanted,
                                Dialing dialing, Consumer<Channel> onConnected, Runnable onFailed) {
        connection.dialing(address);
        ChannelFuture connect = runtime.dialer().dial(loop, address, pipeline);
        dialing.connecting(connect);
        connect.addListener((ChannelFuture connected) -> {
            if (!wanted.getAsBoolean()) {
                // Gone meanwhile: its close is the termination to log, not this connect's end. A late upstream is closed.
                connected.channel().close();
            } else if (!connected.isSuccess()) {
                connection.end(ResponseFlag.UF, "upstream connect to " + address + " failed: "
                        + connected.cause().getMessage());
                onFailed.run();
            } else {
                onConnected.accept(connected.channel());
            }
        });
    }
}
