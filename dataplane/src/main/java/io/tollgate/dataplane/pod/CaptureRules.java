package io.tollgate.dataplane.pod;

import io.tollgate.dataplane.capture.SocketMark;
import java.util.Objects;

/**
 * The firewall of a pod's namespace, as {@code iptables-restore} / {@code ip6tables-restore} input, loaded in
 * one transaction so a pod is never half-captured.
 *
 * <p>nat OUTPUT sends every TCP connection the pod opens to the capture port on its loopback, where the
 * sidecar's {@code NamespacedListener} accepts it and reads {@code SO_ORIGINAL_DST}. Two exceptions, both to
 * keep capture from looping:
 * <ul>
 *   <li>packets marked with the sidecar's mark. In this in-pod mode the sidecar's own sockets live in the root
 *       namespace and never pass these rules, so today the exemption is a safety net: should a sidecar socket
 *       ever be created inside the pod (ztunnel creates its upstream sockets there), it must not be sent back
 *       to the sidecar. A workload that marks its own sockets gains nothing: see the filter table.</li>
 *   <li>connections to the capture port itself: already at the sidecar; redirecting them again would make the
 *       listener its own original destination. The sidecar treats such an unredirected connection as having
 *       no original destination and closes it.</li>
 * </ul>
 * Connections to other loopback ports of the pod are captured too (fail closed: the sidecar decides).
 *
 * <p>filter OUTPUT lets through only packets bound for the pod's own loopback (which includes replies to
 * captured connections and the pod talking to itself) and captured packets. Captured packets need their own
 * rule: the output device a LOCAL_OUT hook sees is fixed by the route taken before REDIRECT, i.e. the sink
 * interface, even though the packet is re-routed to {@code lo}; after REDIRECT their destination is the
 * capture port, and that is what the rule matches. Everything else (marked TCP, UDP, ICMP) would head for the
 * sink interface: TCP is refused with a reset, so a connect fails at once with ECONNREFUSED instead of
 * retrying a dropped SYN; the rest is dropped, which a local sender sees at once as EPERM.
 *
 * @param capturePort the port the sidecar listens on inside the pod (on 127.0.0.1 and, if it wants IPv6, ::1)
 * @param sidecarMark the mark of the sidecar's own sockets
 */
public record CaptureRules(int capturePort, SocketMark sidecarMark) {
    public CaptureRules {
        Objects.requireNonNull(sidecarMark, "sidecarMark");
        if (capturePort < 1 || capturePort > 65535) {
            throw new IllegalArgumentException("capture port " + capturePort + " is not 1..65535");
        }
    }

    public String ipv4() {
        return rules("127.0.0.1/32");
    }

    public String ipv6() {
        return rules("::1/128");
    }

    private String rules(String loopback) {
        return """
                *nat
                :PREROUTING ACCEPT [0:0]
                :INPUT ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :POSTROUTING ACCEPT [0:0]
                -A OUTPUT -p tcp -m mark --mark %1$s -m comment --comment "tollgate: sidecar sockets are not captured" -j RETURN
                -A OUTPUT -d %2$s -p tcp --dport %3$d -m comment --comment "tollgate: already at the capture port" -j RETURN
                -A OUTPUT -p tcp -m comment --comment "tollgate: all other TCP to the sidecar" -j REDIRECT --to-ports %3$d
                COMMIT
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD DROP [0:0]
                :OUTPUT ACCEPT [0:0]
                -A OUTPUT -o lo -j ACCEPT
                -A OUTPUT -d %2$s -p tcp --dport %3$d -m comment --comment "tollgate: captured" -j ACCEPT
                -A OUTPUT -p tcp -m comment --comment "tollgate: nothing leaves the pod but through the sidecar" -j REJECT --reject-with tcp-reset
                -A OUTPUT -m comment --comment "tollgate: nothing leaves the pod but through the sidecar" -j DROP
                COMMIT
                """.formatted(sidecarMark.hex(), loopback, capturePort);
    }
}
