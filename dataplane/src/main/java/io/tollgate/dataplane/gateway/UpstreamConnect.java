package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.tollgate.dataplane.connection.UpstreamPipeline;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.policy.route.RouteTarget;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Dials an admitted connection's target: an address for it, then plain TCP on the downstream's event loop with
 * the relay's upstream pipeline. Exactly one of the callbacks runs, on that loop, and not at all when the
 * downstream went away meanwhile (a late upstream is closed). A failure has been recorded on the connection
 * (UH: no address, UF: connect failed) before {@code onFailed} runs.
 */
final class UpstreamConnect {
    private UpstreamConnect() {
    }

    static void dial(GatewayRuntime runtime, GatewayConnection connection, Channel downstream, RouteTarget target,
                     Consumer<Channel> onConnected, Runnable onFailed) {
        runtime.addresses().choose(target).whenComplete((address, failure) -> downstream.eventLoop().execute(() -> {
            if (!downstream.isActive()) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                connection.end(ResponseFlag.UH, "no upstream address: " + cause.getMessage());
                onFailed.run();
                return;
            }
            connect(runtime, connection, downstream, address, onConnected, onFailed);
        }));
    }

    private static void connect(GatewayRuntime runtime, GatewayConnection connection, Channel downstream,
                                InetSocketAddress address, Consumer<Channel> onConnected, Runnable onFailed) {
        connection.dialing(address);
        runtime.dialer().dial(downstream, address, UpstreamPipeline.plain(downstream, connection))
                .addListener((ChannelFuture connected) -> {
                    if (!connected.isSuccess()) {
                        connection.end(ResponseFlag.UF, "upstream connect to " + address + " failed: "
                                + connected.cause().getMessage());
                        onFailed.run();
                    } else if (!downstream.isActive()) {
                        connected.channel().close();
                    } else {
                        onConnected.accept(connected.channel());
                    }
                });
    }
}
