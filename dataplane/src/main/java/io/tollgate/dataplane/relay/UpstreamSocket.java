package io.tollgate.dataplane.relay;

import io.tollgate.dataplane.capture.SocketMark;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How a proxy's upstream sockets are made: bound to a source address (a pod's 127.240.x.y, so the gateway can tell
 * pods apart) and carrying a firewall mark (so capture rules never send the proxy's own traffic back to it).
 *
 * @param source the local address to bind before connecting; the port is always chosen by the kernel
 * @param mark   the {@code SO_MARK} to set before the first packet; needs CAP_NET_ADMIN and the epoll transport
 */
public record UpstreamSocket(Optional<InetAddress> source, Optional<SocketMark> mark) {
    public UpstreamSocket {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mark, "mark");
    }

    /** An ordinary socket: any source address, no mark. */
    public static UpstreamSocket plain() {
        return new UpstreamSocket(Optional.empty(), Optional.empty());
    }

    /** A pod's sidecar socket: from the pod's source address, with the sidecar mark capture skips. */
    public static UpstreamSocket forPod(InetAddress source) {
        return new UpstreamSocket(Optional.of(source), Optional.of(SocketMark.SIDECAR));
    }
}
