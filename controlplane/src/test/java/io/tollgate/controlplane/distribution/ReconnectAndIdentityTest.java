package io.tollgate.controlplane.distribution;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.ConfigClientOptions;
import io.tollgate.controlplane.client.ConnectionState;
import io.tollgate.controlplane.source.ConfigPaths;
import io.tollgate.controlplane.status.StatusClient;
import io.tollgate.controlplane.status.SyncState;
import io.tollgate.identity.SpiffeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.tollgate.controlplane.distribution.DistributionEndToEndTest.CLIENT_ID;
import static io.tollgate.controlplane.distribution.DistributionEndToEndTest.SIDECAR;
import static io.tollgate.controlplane.distribution.DistributionEndToEndTest.awaitVersion;
import static io.tollgate.controlplane.distribution.TestFiles.documents;
import static io.tollgate.controlplane.distribution.TestFiles.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A proxy outliving its control plane, and the server telling proxies apart by their certificates. */
class ReconnectAndIdentityTest {
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
        app = TestFiles.write(dir.resolve("app.yaml"), serviceEntry("db", "demo", "db.example.com"));
        paths = new ConfigPaths(List.of(dir), Optional.empty());
    }

    @Test
    void aClientThatLosesTheControlPlaneKeepsItsConfigAndResynchronisesWithTheNextOne() throws Exception {
        var first = TestControlPlane.start(pki, paths);
        int port = first.address().getPort();
        try (ConfigClient client = first.connect(SIDECAR, CLIENT_ID, consumer)) {
            awaitVersion(client, first.version());
            Snapshot held = client.current().orElseThrow();
            first.close();

            Await.until("the client notices", () -> client.health().state() == ConnectionState.DISCONNECTED);
            assertThat(client.current()).as("still serving its last good snapshot").contains(held);

            TestFiles.write(dir.resolve("cache.yaml"), serviceEntry("cache", "demo", "cache.example.com"));
            try (var second = TestControlPlane.start(pki, paths, new InetSocketAddress("127.0.0.1", port))) {
                awaitVersion(client, second.version());
                assertThat(client.current().orElseThrow().documents()).extracting(ConfigDocument::location)
                        .containsExactly(app + ":1", dir.resolve("cache.yaml") + ":1");
                assertThat(client.health().state()).isEqualTo(ConnectionState.CONNECTED);
                DistributionEndToEndTest.awaitProxy(second, p -> p.sync() == SyncState.SYNCED);
            }
        }
    }

    @Test
    void aReconnectingClientThatIsAlreadyUpToDateIsNotSentItsDocumentsAgain() throws Exception {
        var first = TestControlPlane.start(pki, paths);
        int port = first.address().getPort();
        try (ConfigClient client = first.connect(SIDECAR, CLIENT_ID, consumer)) {
            awaitVersion(client, first.version());
            String version = first.version();
            first.close();
            Await.until("the client notices", () -> client.health().state() == ConnectionState.DISCONNECTED);

            try (var second = TestControlPlane.start(pki, paths, new InetSocketAddress("127.0.0.1", port))) {
                assertThat(second.version()).as("same files, same version label").isEqualTo(version);
                var proxy = DistributionEndToEndTest.awaitProxy(second, p -> p.sync() == SyncState.SYNCED);
                assertThat(proxy.ackedVersion()).isEqualTo(version);
                assertThat(consumer.offered()).as("its hello proved it holds the content: nothing re-sent").hasSize(1);
            }
        }
    }

    @Test
    void aCertificateForOneNamespaceCannotClaimAnother() throws Exception {
        var impostor = new SpiffeId("cluster.local", "intruder", "mysql-client");
        try (var cp = TestControlPlane.start(pki, paths); var client = cp.connect(SIDECAR, impostor, consumer)) {
            Await.until("the server refuses the stream",
                    () -> client.health().lastFailure().startsWith("PERMISSION_DENIED"), () -> client.health().toString());
            assertThat(client.health().lastFailure()).contains("spiffe://cluster.local/ns/intruder/sa/mysql-client",
                    "may not act as a proxy of namespace 'demo'");
            assertThat(client.current()).isEmpty();
            assertThat(consumer.offered()).isEmpty();
            assertThat(cp.status().proxies()).isEmpty();
        }
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        try (var cp = TestControlPlane.start(pki, paths);
             var client = ConfigClient.start(ConfigClientOptions.of("127.0.0.1", cp.address().getPort(),
                     pki.channelCredentialsWithoutCertificate(), SIDECAR).withBackoff(TestControlPlane.FAST_BACKOFF), consumer)) {
            Await.until("the server refuses the stream",
                    () -> client.health().lastFailure().startsWith("UNAUTHENTICATED"), () -> client.health().toString());
            assertThat(client.current()).isEmpty();
            assertThat(cp.status().proxies()).isEmpty();
        }
    }

    @Test
    void onlyTheAdminIdentityMayReadStatus() throws Exception {
        try (var cp = TestControlPlane.start(pki, paths)) {
            var channel = Grpc.newChannelBuilderForAddress("127.0.0.1", cp.address().getPort(),
                    pki.channelCredentials(pki.issue(CLIENT_ID))).build();
            try {
                assertThatThrownBy(() -> new StatusClient(channel).fetch(Duration.ofSeconds(10)))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                            assertThat(e.getStatus().getDescription()).contains("ns/demo/sa/mysql-client");
                        });
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void aProxyWhoseScopeCannotBeComputedIsCutOffNotSentAGuess() throws Exception {
        ProxyScope<YamlTestValidator.Namespaces> scope = (proxy, config) -> {
            if (proxy.namespace().equals("explode")) {
                throw new IllegalStateException("cannot scope namespace explode");
            }
            return new NamespaceScope().documents(proxy, config);
        };
        var node = new ProxyNode("p", ProxyKind.SIDECAR, "explode", "app", Map.of());
        try (var cp = TestControlPlane.start(pki, paths, new InetSocketAddress("127.0.0.1", 0), scope);
             var healthy = cp.connect(SIDECAR, CLIENT_ID, new RecordingConsumer());
             var broken = cp.connect(node, new SpiffeId("cluster.local", "explode", "app"), consumer)) {
            Await.until("the broken proxy is cut off", () -> broken.health().lastFailure().startsWith("INTERNAL"),
                    () -> broken.health().toString());
            assertThat(broken.health().lastFailure()).contains("cannot scope namespace explode");
            assertThat(broken.current()).isEmpty();
            awaitVersion(healthy, cp.version());
        }
    }

    @Test
    void malformedStreamsAreRefusedSayingWhatIsWrong() throws Exception {
        var blank = new ProxyNode("p", ProxyKind.SIDECAR, "", "mysql-client", Map.of());
        try (var cp = TestControlPlane.start(pki, paths)) {
            assertThat(refusal(cp, new Hello(blank, "", "").toRequest()))
                    .isEqualTo("INVALID_ARGUMENT: malformed hello: node.namespace: must not be empty");
            assertThat(refusal(cp, new Ack("v1", "1").toRequest()))
                    .isEqualTo("INVALID_ARGUMENT: the first message must be a hello, not an ack");
            assertThat(refusal(cp, new ProxyRequest(null, null, null)))
                    .isEqualTo("INVALID_ARGUMENT: a request carries exactly one of hello, ack, nack");
        }
    }

    /** Opens a raw stream with a sidecar certificate, sends {@code request}, returns how the server ended it. */
    private static String refusal(TestControlPlane cp, ProxyRequest request) throws Exception {
        var channel = Grpc.newChannelBuilderForAddress("127.0.0.1", cp.address().getPort(),
                pki.channelCredentials(pki.issue(CLIENT_ID))).build();
        try {
            var ended = new CompletableFuture<Status>();
            var requests = ClientCalls.asyncBidiStreamingCall(channel.newCall(DistributionRpc.CLIENT_STREAM,
                    CallOptions.DEFAULT), new StreamObserver<Push>() {
                @Override
                public void onNext(Push push) {
                    ended.completeExceptionally(new AssertionError("unexpected push " + push.version()));
                }

                @Override
                public void onError(Throwable error) {
                    ended.complete(Status.fromThrowable(error));
                }

                @Override
                public void onCompleted() {
                    ended.complete(Status.OK);
                }
            });
            requests.onNext(request);
            Status status = ended.get(20, TimeUnit.SECONDS);
            return status.getCode() + ": " + status.getDescription();
        } finally {
            channel.shutdownNow();
        }
    }
}
