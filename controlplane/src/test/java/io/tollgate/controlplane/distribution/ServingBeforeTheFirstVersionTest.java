package io.tollgate.controlplane.distribution;

import io.grpc.TlsServerCredentials;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.ConnectionState;
import io.tollgate.controlplane.source.ConfigPaths;
import io.tollgate.controlplane.source.ConfigWatcher;
import io.tollgate.controlplane.source.SourceOutcome;
import io.tollgate.controlplane.source.WatchSettings;
import io.tollgate.controlplane.status.ProxyStatus;
import io.tollgate.controlplane.status.SyncState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.tollgate.controlplane.distribution.DistributionEndToEndTest.CLIENT_ID;
import static io.tollgate.controlplane.distribution.DistributionEndToEndTest.SIDECAR;
import static io.tollgate.controlplane.distribution.DistributionEndToEndTest.awaitVersion;
import static io.tollgate.controlplane.distribution.TestFiles.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control plane that serves while its files load (a restart with a CA made earlier): proxies connect and say
 * hello before there is any version, wait without being sent anything, and get the first version when it is
 * accepted; one that already holds that content is not sent it again.
 */
class ServingBeforeTheFirstVersionTest {
    static TestPki pki;

    @TempDir
    Path dir;
    ConfigPaths paths;
    final RecordingConsumer consumer = new RecordingConsumer();

    @BeforeAll
    static void makePki() throws Exception {
        pki = new TestPki();
    }

    @BeforeEach
    void writeConfig() throws Exception {
        TestFiles.write(dir.resolve("app.yaml"), serviceEntry("db", "demo", "db.example.com"));
        paths = new ConfigPaths(List.of(dir), Optional.empty());
    }

    @Test
    void aProxyThatConnectsBeforeTheFirstVersionWaitsAndGetsItWhenAccepted() throws Exception {
        var distributor = new ConfigDistributor<>(new NamespaceScope(), Clock.systemUTC());
        try (var server = serve(distributor, new InetSocketAddress("127.0.0.1", 0));
             ConfigClient client = TestControlPlane.connect(pki, server.address().getPort(), SIDECAR, CLIENT_ID, consumer)) {
            ProxyStatus waiting = awaitProxy(distributor, p -> p.id().equals(SIDECAR.id()));
            assertThat(waiting.ackedVersion()).isEmpty();
            assertThat(waiting.sync()).isEqualTo(SyncState.NOT_SENT);
            assertThat(distributor.status().controlPlaneVersion()).isEmpty();
            // The server's headers accept the hello; the client sees them on its own thread a moment later.
            Await.until("the client connected", () -> client.health().state() == ConnectionState.CONNECTED,
                    () -> client.health().toString());
            assertThat(consumer.offered()).isEmpty();

            var initial = load();
            distributor.accepted(initial);

            awaitVersion(client, initial.version());
            assertThat(client.current().orElseThrow().documents()).extracting(ConfigDocument::location)
                    .containsExactly(dir.resolve("app.yaml") + ":1");
            awaitProxy(distributor, p -> p.sync() == SyncState.SYNCED && p.ackedVersion().equals(initial.version()));
        }
    }

    @Test
    void aProxyThatReconnectsHoldingTheFirstVersionsContentIsNotSentItAgain() throws Exception {
        var first = TestControlPlane.start(pki, paths);
        int port = first.address().getPort();
        try (ConfigClient client = first.connect(SIDECAR, CLIENT_ID, consumer)) {
            awaitVersion(client, first.version());
            String version = first.version();
            first.close();
            Await.until("the client notices", () -> client.health().state() == ConnectionState.DISCONNECTED);

            var distributor = new ConfigDistributor<>(new NamespaceScope(), Clock.systemUTC());
            try (var second = serve(distributor, new InetSocketAddress("127.0.0.1", port))) {
                awaitProxy(distributor, p -> p.id().equals(SIDECAR.id()));
                distributor.accepted(load());

                ProxyStatus synced = awaitProxy(distributor, p -> p.sync() == SyncState.SYNCED);
                assertThat(synced.ackedVersion()).isEqualTo(version);
                assertThat(consumer.offered()).as("its hello proved it holds the content: nothing re-sent").hasSize(1);
            }
        }
    }

    private SourceOutcome.Accepted<YamlTestValidator.Namespaces> loaded() throws Exception {
        try (var watcher = new ConfigWatcher<>(paths, new YamlTestValidator(), new WatchSettings(Duration.ofMillis(50),
                Duration.ofSeconds(1)), Clock.systemUTC())) {
            return (SourceOutcome.Accepted<YamlTestValidator.Namespaces>) watcher.loadInitial();
        }
    }

    private ValidatedConfig<YamlTestValidator.Namespaces> load() throws Exception {
        return loaded().config();
    }

    private static DistributionServer serve(ConfigDistributor<YamlTestValidator.Namespaces> distributor, InetSocketAddress address)
            throws Exception {
        var service = new DistributionService<>(distributor, TestControlPlane.ADMIN::equals, pki.verifier(), Clock.systemUTC());
        return DistributionServer.start(address, pki.serverCredentials(pki.issue(TestControlPlane.CONTROL_PLANE),
                TlsServerCredentials.ClientAuth.OPTIONAL), service, List.of());
    }

    private static ProxyStatus awaitProxy(ConfigDistributor<?> distributor, java.util.function.Predicate<ProxyStatus> condition) {
        Await.until("a proxy in the expected state", () -> distributor.status().proxies().stream().anyMatch(condition),
                () -> "status: " + distributor.status());
        return distributor.status().proxies().stream().filter(condition).findFirst().orElseThrow();
    }
}
