package io.tollgate.cli.proxy;

import io.tollgate.controlplane.status.ProxyStatus;
import io.tollgate.controlplane.status.SyncState;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.MariaDbServer;
import io.tollgate.policy.route.PortNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an agent refuses, and that a refusal leaves nothing half-applied: a token for someone else, a spent token,
 * a first configuration whose port cannot be had, and a later one that cannot be applied (NACKed; the running
 * version stays and the control plane's status says why).
 */
class AgentRefusalsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static MariaDbServer database;

    @TempDir
    Path dir;
    private LocalMesh mesh;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = MariaDbServer.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void startControlPlane() throws Exception {
        mesh = new LocalMesh(dir, database);
    }

    @AfterEach
    void stop() throws Exception {
        mesh.close();
    }

    @Test
    void aTokenForAnotherWorkloadIsRefusedNamingBoth() {
        GatewayAgentSettings settings = mesh.gatewaySettings();
        GatewayAgentSettings withSidecarToken = new GatewayAgentSettings(
                settings.agent().withToken(mesh.token("demo-server", "default")), settings.resolve(), settings.listeners());

        assertThatThrownBy(() -> GatewayAgent.start(withSidecarToken))
                .isInstanceOfSatisfying(AgentStartException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentStartException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("admits spiffe://cluster.local/ns/demo-server/sa/default")
                            .contains("istio-egressgateway-service-account");
                });
    }

    @Test
    void aSpentTokenIsRefusedByTheControlPlane() throws Exception {
        GatewayAgentSettings settings = mesh.gatewaySettings();
        GatewayAgent.start(settings).close();

        assertThatThrownBy(() -> GatewayAgent.start(settings))
                .isInstanceOfSatisfying(AgentStartException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentStartException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("refused");
                });
    }

    @Test
    void aFirstConfigurationWhosePortIsTakenFailsTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            ListenerAddresses ontoTaken = port -> new InetSocketAddress(LOOPBACK, taken.getLocalPort());

            assertThatThrownBy(() -> GatewayAgent.start(mesh.gatewaySettings().withListeners(ontoTaken)))
                    .isInstanceOfSatisfying(AgentStartException.class, e -> {
                        assertThat(e.kind()).isEqualTo(AgentStartException.Kind.BAD_INPUT);
                        assertThat(e.getMessage()).contains("first configuration cannot be applied")
                                .contains("gateway server port 13306").contains(":" + taken.getLocalPort());
                    });
        }
    }

    @Test
    void aLaterConfigurationThatCannotBeAppliedIsNackedAndTheRunningVersionStays() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            // Port 13306 on a free port; the new server port 13307 onto a port already taken.
            ListenerAddresses listeners = port -> port.equals(PortNumber.of(13307))
                    ? new InetSocketAddress(LOOPBACK, taken.getLocalPort()) : new InetSocketAddress(LOOPBACK, 0);
            GatewayAgent gateway = GatewayAgent.start(mesh.gatewaySettings().withListeners(listeners));
            try {
                String running = gateway.appliedVersion();
                InetSocketAddress serving = gateway.listenerAddress(PortNumber.of(13306)).orElseThrow();

                Files.writeString(mesh.conf.resolve("07-second-port.yaml"), SECOND_PORT);
                Await.until("the gateway to refuse the new version", () -> gatewayStatus()
                        .filter(status -> status.sync() == SyncState.NACKED).isPresent());

                ProxyStatus status = gatewayStatus().orElseThrow();
                assertThat(status.lastNackVersion()).isEqualTo(mesh.controlPlane.version()).isNotEqualTo(running);
                assertThat(status.lastNackReason()).contains("gateway server port 13307").contains("cannot listen");
                assertThat(gateway.appliedVersion()).isEqualTo(running);
                assertThat(gateway.listenerAddress(PortNumber.of(13306))).contains(serving);
                assertThat(gateway.listenerAddress(PortNumber.of(13307))).isEmpty();
            } finally {
                gateway.close();
            }
        }
    }

    private Optional<ProxyStatus> gatewayStatus() {
        return mesh.controlPlane.status().proxies().stream().filter(p -> p.kind().equals("GATEWAY")).findFirst();
    }

    private static final String SECOND_PORT = """
            apiVersion: networking.istio.io/v1beta1
            kind: Gateway
            metadata:
              name: second-port
              namespace: istio-system
            spec:
              selector:
                istio: egressgateway
              servers:
              - hosts:
                - '*'
                port:
                  name: tls-second
                  number: 13307
                  protocol: TLS
                tls:
                  mode: ISTIO_MUTUAL
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: second-port
              namespace: istio-system
            spec:
              gateways:
              - istio-system/second-port
              hosts:
              - rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com
              tcp:
              - match:
                - gateways:
                  - istio-system/second-port
                  port: 13307
                route:
                - destination:
                    host: rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com
                    port:
                      number: 3306
            """;
}
