package io.tollgate.controlplane.distribution;

import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.source.ConfigPaths;
import io.tollgate.controlplane.source.SourceFile;
import io.tollgate.controlplane.source.SourceSet;
import io.tollgate.controlplane.source.ValidationResult;
import io.tollgate.controlplane.status.ProxyStatus;
import io.tollgate.controlplane.status.StatusReport;
import io.tollgate.controlplane.status.StatusTable;
import io.tollgate.controlplane.status.SyncState;
import io.tollgate.identity.SpiffeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.tollgate.controlplane.distribution.TestFiles.documents;
import static io.tollgate.controlplane.distribution.TestFiles.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;

/** A control plane on a loopback port with real mTLS, a watched directory, and proxy clients connected to it. */
class DistributionEndToEndTest {
    static final SpiffeId CLIENT_ID = new SpiffeId("cluster.local", "demo", "mysql-client");
    static final ProxyNode SIDECAR = new ProxyNode("sidecar-1", ProxyKind.SIDECAR, "demo", "mysql-client", Map.of("app", "mysql-client"));
    static TestPki pki;

    @TempDir
    Path dir;
    Path app;
    ConfigPaths paths;
    final RecordingConsumer consumer = new RecordingConsumer();

    @BeforeAll
    static void makePki() throws Exception {
        pki = new TestPki();
    }

    @BeforeEach
    void writeInitialConfig() throws Exception {
        app = TestFiles.write(dir.resolve("app.yaml"), documents(
                serviceEntry("db", "demo", "db.example.com"),
                serviceEntry("elsewhere", "other", "other.example.com")));
        Path mesh = TestFiles.write(dir.resolve("mesh.yaml"), TestFiles.MESH);
        paths = new ConfigPaths(List.of(app), Optional.of(mesh));
    }

    @Test
    void aValidChangeReachesAConnectedClient() throws Exception {
        try (var cp = TestControlPlane.start(pki, paths); var client = cp.connect(SIDECAR, CLIENT_ID, consumer)) {
            awaitVersion(client, cp.version());
            assertThat(client.current().orElseThrow().documents())
                    .extracting(ConfigDocument::location)
                    .as("its namespace's documents and the mesh config, not another namespace's")
                    .containsExactly(app + ":1", dir.resolve("mesh.yaml") + ":1");
            String first = cp.version();

            TestFiles.write(app, documents(serviceEntry("db", "demo", "db.example.com"),
                    serviceEntry("cache", "demo", "cache.example.com")));
            Await.until("a second version", () -> !cp.version().equals(first));
            awaitVersion(client, cp.version());

            assertThat(client.current().orElseThrow().documents())
                    .filteredOn(d -> d.yaml().contains("cache.example.com"))
                    .extracting(ConfigDocument::location)
                    .containsExactly(app + ":10");
            ProxyStatus proxy = awaitProxy(cp, p -> p.sync() == SyncState.SYNCED && p.ackedVersion().equals(cp.version()));
            assertThat(proxy).extracting(ProxyStatus::id, ProxyStatus::kind, ProxyStatus::namespace,
                    ProxyStatus::serviceAccount, ProxyStatus::lastNackReason)
                    .containsExactly("sidecar-1", "SIDECAR", "demo", "mysql-client", "");
        }
    }

    @Test
    void anInvalidChangeIsRefusedAsAWholeAndTheOldVersionStays() throws Exception {
        try (var cp = TestControlPlane.start(pki, paths); var client = cp.connect(SIDECAR, CLIENT_ID, consumer)) {
            awaitVersion(client, cp.version());
            String good = cp.version();

            // One valid new document and one invalid: neither may be applied.
            TestFiles.write(app, documents(serviceEntry("db", "demo", "db.example.com"),
                    serviceEntry("cache", "demo", "cache.example.com"),
                    serviceEntry("broken", "demo", "broken.example.com") + "  unknownField: 1\n"));
            Await.until("the refusal in status", () -> cp.status().rejection().isPresent());

            StatusReport status = cp.status();
            assertThat(status.controlPlaneVersion()).isEqualTo(good);
            assertThat(status.rejection().orElseThrow().diagnostics())
                    .containsExactly(app + ":27: unknownField: unknown field");
            assertThat(StatusTable.render(status))
                    .contains("REJECTED", "(version " + good + " stays in force)", "  " + app + ":27: unknownField: unknown field");
            assertThat(client.current().orElseThrow().version()).isEqualTo(good);
            assertThat(client.current().orElseThrow().documents()).noneMatch(d -> d.yaml().contains("cache.example.com"));

            TestFiles.write(app, documents(serviceEntry("db", "demo", "db.example.com"),
                    serviceEntry("cache", "demo", "cache.example.com")));
            Await.until("the fixed version", () -> !cp.version().equals(good));
            awaitVersion(client, cp.version());
            assertThat(cp.status().rejection()).as("a newer valid version clears the refusal").isEmpty();
        }
    }

    @Test
    void aProxyThatCannotCompileASnapshotNacksAndKeepsItsLastGoodOne() throws Exception {
        try (var cp = TestControlPlane.start(pki, paths); var client = cp.connect(SIDECAR, CLIENT_ID, consumer)) {
            awaitVersion(client, cp.version());
            String good = cp.version();

            TestFiles.write(app, documents(serviceEntry("db", "demo", "db.example.com"),
                    serviceEntry("poison", "demo", RecordingConsumer.POISON + ".example.com")));
            Await.until("a second version", () -> !cp.version().equals(good));
            String refused = cp.version();
            ProxyStatus proxy = awaitProxy(cp, p -> p.sync() == SyncState.NACKED);

            assertThat(proxy.ackedVersion()).isEqualTo(good);
            assertThat(proxy.lastNackVersion()).isEqualTo(refused);
            assertThat(proxy.lastNackReason()).isEqualTo(app + ":10: proxy cannot compile '" + RecordingConsumer.POISON + "'");
            assertThat(client.current().orElseThrow().version()).isEqualTo(good);
            assertThat(client.current().orElseThrow().documents()).noneMatch(d -> d.yaml().contains(RecordingConsumer.POISON));
            assertThat(consumer.offered()).extracting(Snapshot::version).containsExactly(good, refused);
            assertThat(StatusTable.render(cp.status())).contains("NACKED", refused + ": " + app + ":10: proxy cannot compile");

            TestFiles.write(app, documents(serviceEntry("db", "demo", "db.example.com"),
                    serviceEntry("cache", "demo", "cache.example.com")));
            Await.until("a third version", () -> !cp.version().equals(refused));
            awaitVersion(client, cp.version());
            assertThat(client.current().orElseThrow().documents()).anyMatch(d -> d.yaml().contains("cache.example.com"));
        }
    }

    @Test
    void onlyProxiesWhoseScopedContentChangedArePushed() throws Exception {
        var otherConsumer = new RecordingConsumer();
        var otherNode = new ProxyNode("sidecar-2", ProxyKind.SIDECAR, "other", "app", Map.of());
        try (var cp = TestControlPlane.start(pki, paths);
             var demo = cp.connect(SIDECAR, CLIENT_ID, consumer);
             var other = cp.connect(otherNode, new SpiffeId("cluster.local", "other", "app"), otherConsumer)) {
            awaitVersion(demo, cp.version());
            awaitVersion(other, cp.version());
            String first = cp.version();
            Await.until("both proxies synced", () -> cp.status().proxies().stream().allMatch(p -> p.sync() == SyncState.SYNCED));

            // Published directly: accepted() returns once every proxy's push decision is made.
            var changed = new YamlTestValidator().validate(new SourceSet(
                    List.of(new SourceFile(app, documents(
                            serviceEntry("db", "demo", "db.example.com"),
                            serviceEntry("elsewhere", "other", "changed.example.com")))),
                    Optional.of(new SourceFile(paths.meshConfig().orElseThrow(), TestFiles.MESH)), "test"));
            var valid = (ValidationResult.Valid<YamlTestValidator.Namespaces>) changed;
            cp.distributor().accepted(new ValidatedConfig<>("v-test", valid.documents(), valid.parsed()));

            ProxyStatus demoStatus = cp.status().proxies().stream().filter(p -> p.id().equals("sidecar-1")).findFirst().orElseThrow();
            assertThat(demoStatus.sync()).isEqualTo(SyncState.SYNCED);
            assertThat(demoStatus.ackedVersion()).as("demo's scope did not change: nothing sent").isEqualTo(first);
            awaitVersion(other, "v-test");
            assertThat(consumer.offered()).hasSize(1);
            assertThat(otherConsumer.offered()).hasSize(2);
        }
    }

    static void awaitVersion(ConfigClient client, String version) {
        Await.until("client at version " + version,
                () -> client.current().map(Snapshot::version).orElse("").equals(version),
                () -> "client holds " + client.current().map(Snapshot::version) + ", health " + client.health());
    }

    static ProxyStatus awaitProxy(TestControlPlane cp, Predicate<ProxyStatus> condition) {
        Await.until("a proxy in the expected state", () -> cp.status().proxies().stream().anyMatch(condition),
                () -> "status: " + cp.status());
        return cp.status().proxies().stream().filter(condition).findFirst().orElseThrow();
    }
}
