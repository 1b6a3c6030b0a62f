package io.tollgate.dataplane.sidecar;

import io.netty.channel.Channel;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.UpstreamTls;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * What goes in front of the upstream relay for ISTIO_MUTUAL: {@code tls -> handshake}. The workload's certificate
 * goes out with the route's SNI and {@link UpstreamHandshake} judges the server before a byte is relayed. (With
 * DISABLE, and for pass-through, nothing goes in front: the bytes go out as the workload wrote them.)
 */
record MeshTlsFront(SidecarRuntime runtime, SidecarConnection connection, InetSocketAddress address,
                    UpstreamTls.IstioMutual tls, Consumer<Channel> onVerified) implements Consumer<Channel> {
    @Override
    public void accept(Channel ch) {
        ch.pipeline()
                .addLast("tls", runtime.tls().newHandler(ch.alloc(), address, tls.sni().map(Hostname::value)))
                .addLast("handshake", new UpstreamHandshake(runtime, connection, tls, onVerified));
    }
}
