package io.tollgate.controlplane.status;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTableTest {
    @Test
    void rendersVersionRefusalAndOneAlignedRowPerProxy() {
        var report = new StatusReport("v3-1a2b3c4d", "2025-01-01T10:00:05Z",
                new RejectedConfig("2025-01-01T10:00:00Z", "9f8e7d6c", List.of(
                        "policies/deny.yaml:12: AuthorizationPolicy demo/deny: spec.action: must be ALLOW or DENY",
                        "policies/deny.yaml:20: AuthorizationPolicy demo/deny: spec.rules[0]: must not be empty")),
                List.of(new ProxyStatus("egress-1", "GATEWAY", "istio-system", "egress", "2025-01-01T09:00:00Z",
                                "v3-1a2b3c4d", SyncState.SYNCED, "", ""),
                        new ProxyStatus("sidecar-7", "SIDECAR", "demo-server", "mysql-client", "2025-01-01T09:00:00Z",
                                "v2-00ff00ff", SyncState.NACKED, "v3-1a2b3c4d", "a.yaml:3: cannot compile\n  b.yaml:4: neither")));
        assertThat(StatusTable.render(report)).isEqualTo("""
                CONTROL PLANE  v3-1a2b3c4d
                REJECTED       9f8e7d6c at 2025-01-01T10:00:00Z (version v3-1a2b3c4d stays in force)
                  policies/deny.yaml:12: AuthorizationPolicy demo/deny: spec.action: must be ALLOW or DENY
                  policies/deny.yaml:20: AuthorizationPolicy demo/deny: spec.rules[0]: must not be empty
                PROXIES        2

                PROXY      KIND     NAMESPACE/SERVICE ACCOUNT  ACKED        SYNC    LAST NACK
                egress-1   GATEWAY  istio-system/egress        v3-1a2b3c4d  SYNCED  -
                sidecar-7  SIDECAR  demo-server/mysql-client   v2-00ff00ff  NACKED  v3-1a2b3c4d: a.yaml:3: cannot compile | b.yaml:4: neither
                """);
    }

    @Test
    void aControlPlaneWithoutProxiesOrRefusalsSaysSoBriefly() {
        assertThat(StatusTable.render(new StatusReport("v1-00000000", "2025-01-01T10:00:00Z", null, List.of())))
                .isEqualTo("CONTROL PLANE  v1-00000000\nPROXIES        0\n");
    }
}
