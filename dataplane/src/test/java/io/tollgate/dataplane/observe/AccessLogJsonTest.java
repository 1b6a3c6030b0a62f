package io.tollgate.dataplane.observe;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogJsonTest {
    private static AccessLogEntry entry(String termination) {
        return new AccessLogEntry(7, Instant.parse("2025-01-02T03:04:05.678Z"), Duration.ofMillis(1500),
                "127.0.0.1:5000", "127.0.0.1:13306", Optional.of("spiffe://cluster.local/ns/demo-server/sa/default"),
                Optional.of("db.example.com"), Optional.of("db.example.com:3306"), Optional.empty(), 10, 20,
                Optional.of("deny"), Optional.of("istio-system/egress-rds-by-namespace"), ResponseFlag.DENY, termination);
    }

    @Test
    void writesEveryKeyOnOneLine() {
        assertThat(AccessLogJson.format(entry("denied"))).isEqualTo("{\"start_time\":\"2025-01-02T03:04:05.678Z\","
                + "\"duration_ms\":1500,\"connection_id\":7,\"downstream_remote_address\":\"127.0.0.1:5000\","
                + "\"downstream_local_address\":\"127.0.0.1:13306\","
                + "\"source_principal\":\"spiffe://cluster.local/ns/demo-server/sa/default\","
                + "\"requested_server_name\":\"db.example.com\",\"destination_service\":\"db.example.com:3306\","
                + "\"upstream_host\":null,\"bytes_received\":10,\"bytes_sent\":20,\"authz_decision\":\"deny\","
                + "\"authz_policy\":\"istio-system/egress-rds-by-namespace\",\"response_flags\":\"DENY\","
                + "\"termination_details\":\"denied\"}");
    }

    @Test
    void escapesWhatJsonCannotHoldRaw() {
        assertThat(AccessLogJson.format(entry("a \"quoted\"\nline\\\u0001")))
                .contains("\"termination_details\":\"a \\\"quoted\\\"\\nline\\\\\\u0001\"");
    }

    @Test
    void aWriterSinkWritesOneLinePerEntry() {
        StringWriter out = new StringWriter();
        AccessLog log = AccessLog.to(out);
        log.record(entry("one"));
        log.record(entry("two"));
        assertThat(out.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    }

    @Test
    void metricsUseIstioNames() {
        ProxyMetrics metrics = new ProxyMetrics();
        ConnectionLabels labels = new ConnectionLabels("demo-server", "spiffe://cluster.local/ns/demo-server/sa/default",
                "db:3306", "-");
        metrics.connectionOpened(labels);
        metrics.connectionClosed(labels, 100, 50);
        metrics.authzDecision("deny", "istio-system/p");
        metrics.handshakeFailed("not_tls");
        String page = metrics.scrape();
        assertThat(page).contains("istio_tcp_connections_opened_total{destination_service=\"db:3306\",response_flags=\"-\","
                + "source_principal=\"spiffe://cluster.local/ns/demo-server/sa/default\",source_workload_namespace=\"demo-server\"} 1.0");
        assertThat(page).contains("istio_tcp_connections_closed_total{", "istio_tcp_sent_bytes_total{",
                "istio_tcp_received_bytes_total{", "tollgate_authz_decisions_total{decision=\"deny\",policy=\"istio-system/p\"} 1.0",
                "tollgate_downstream_handshake_failures_total{reason=\"not_tls\"} 1.0");
        assertThat(metrics.count("istio.tcp.sent.bytes", "destination_service", "db:3306")).isEqualTo(100);
        assertThat(new ConnectionLabels(null, "", null, null))
                .isEqualTo(new ConnectionLabels("unknown", "unknown", "unknown", "-"));
    }
}
