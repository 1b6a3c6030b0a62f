package io.tollgate.dataplane.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tollgate.identity.PeerRejectedException;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.SpiffeTrustManager;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxy's Prometheus counters, named as Istio names its TCP metrics so existing dashboards work:
 * {@code istio_tcp_connections_opened_total}, {@code istio_tcp_connections_closed_total},
 * {@code istio_tcp_sent_bytes_total}, {@code istio_tcp_received_bytes_total}, plus Tollgate's
 * {@code tollgate_authz_decisions_total{decision,policy}} and
 * {@code tollgate_downstream_handshake_failures_total{reason}}, {@code tollgate_peer_rejections_total{reason}} and
 * {@code tollgate_upstream_tls_handshakes_total{session}}.
 *
 * <p>Thread-safe: micrometer meters are, and the registry caches one meter per label set. The connection counters
 * are looked up once per label set here as well: micrometer's own lookup builds and sorts tags and an id on every
 * call, which a proxy would otherwise pay four times per connection on its event loop.
 */
public final class ProxyMetrics {
    private final PrometheusMeterRegistry registry;
    private final Map<ConnectionLabels, TcpCounters> tcp = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> handshakes = new ConcurrentHashMap<>();

    /** The four TCP counters of one label set. */
    private record TcpCounters(Counter opened, Counter closed, Counter sent, Counter received) {
    }

    public ProxyMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public ProxyMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public void connectionOpened(ConnectionLabels labels) {
        tcp(labels).opened().increment();
    }

    /** Counts the close and the bytes each way; bytes are added at close, so a live connection shows none yet. */
    public void connectionClosed(ConnectionLabels labels, long bytesSent, long bytesReceived) {
        TcpCounters counters = tcp(labels);
        counters.closed().increment();
        counters.sent().increment(bytesSent);
        counters.received().increment(bytesReceived);
    }

    /** @param policy the deciding policy {@code ns/name}, or {@code "none"} when no policy decided */
    public void authzDecision(String decision, String policy) {
        decisions.computeIfAbsent(List.of(decision, policy), key -> Counter.builder("tollgate.authz.decisions")
                .description("Authorization decisions taken by the proxy")
                .tag("decision", decision)
                .tag("policy", policy)
                .register(registry)).increment();
    }

    /** @param reason a short code, e.g. {@code not_tls}, {@code timeout}, {@code peer_rejected} */
    public void handshakeFailed(String reason) {
        Counter.builder("tollgate.downstream.handshake.failures")
                .description("Downstream connections closed before a TLS session was established")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /**
     * An observer for the identity module's trust manager that counts every peer it rejects, by
     * {@link PeerRejectedException.Reason} in lower case ({@code untrusted_ca}, {@code expired}, ...). Accepted
     * peers are not counted here: connection metrics already do.
     */
    public SpiffeTrustManager.Observer peerRejections() {
        return new SpiffeTrustManager.Observer() {
            @Override
            public void accepted(SpiffeId peer) {
            }

            @Override
            public void rejected(PeerRejectedException rejection) {
                Counter.builder("tollgate.peer.rejections")
                        .description("Peer certificates refused during a TLS handshake")
                        .tag("reason", rejection.reason().name().toLowerCase(Locale.ROOT))
                        .register(registry)
                        .increment();
            }
        };
    }

    /** @param session {@code full} when certificates were exchanged, {@code resumed} when a cached session was used */
    public void upstreamHandshake(String session) {
        handshakes.computeIfAbsent(session, key -> Counter.builder("tollgate.upstream.tls.handshakes")
                .description("Completed TLS handshakes towards upstreams, by whether the session was resumed")
                .tag("session", session)
                .register(registry)).increment();
    }

    /**
     * The sum of every counter named {@code name} (micrometer's dotted name) carrying these tag pairs, for callers
     * that watch a number rather than scrape text.
     */
    public double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The Prometheus text exposition of every counter. */
    public String scrape() {
        return registry.scrape();
    }

    private TcpCounters tcp(ConnectionLabels labels) {
        return tcp.computeIfAbsent(labels, key -> new TcpCounters(tcp("istio.tcp.connections.opened", key),
                tcp("istio.tcp.connections.closed", key), tcp("istio.tcp.sent.bytes", key),
                tcp("istio.tcp.received.bytes", key)));
    }

    private Counter tcp(String name, ConnectionLabels labels) {
        return Counter.builder(name)
                .tag("source_workload_namespace", labels.sourceNamespace())
                .tag("source_principal", labels.sourcePrincipal())
                .tag("destination_service", labels.destinationService())
                .tag("response_flags", labels.responseFlags())
                .register(registry);
    }
}
