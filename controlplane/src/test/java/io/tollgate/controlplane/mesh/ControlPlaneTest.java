package io.tollgate.controlplane.mesh;

import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.tollgate.controlplane.ca.CertificateClient;
import io.tollgate.controlplane.ca.ControlPlaneTls;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.ConfigClientOptions;
import io.tollgate.controlplane.client.Verdict;
import io.tollgate.controlplane.distribution.Await;
import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.identity.ControlPlaneIdentity;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.model.mesh.MeshConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The assembled control plane with real TLS on loopback and the seed's own files: a proxy bootstraps with a join
 * token, receives exactly the documents Istio's visibility gives it (with the user's file and line), follows valid
 * edits, and keeps its version when an edit is invalid.
 */
class ControlPlaneTest {
    private static final Path SEED = Path.of("..", "examples", "seed").toAbsolutePath().normalize();
    private static final String POLICY = "06-authorization-policy.yaml";

    @TempDir
    Path dir;
    private Path conf;
    private ControlPlane controlPlane;
    private final List<ConfigClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        conf = Files.createDirectories(dir.resolve("conf"));
        try (var files = Files.list(SEED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("mesh-config.yaml")).toList()) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        controlPlane = ControlPlane.start(new ControlPlaneSettings(List.of(conf), Optional.of(SEED.resolve("mesh-config.yaml")),
                dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0)), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (ConfigClient client : clients) {
            client.close();
        }
        controlPlane.close();
    }

    /** A proxy as a real one starts: token -> certificate -> mTLS stream; returns the last accepted snapshot. */
    private AtomicReference<Snapshot> connect(ProxyKind kind, String namespace, String serviceAccount, Map<String, String> labels)
            throws Exception {
        SpiffeId id = new SpiffeId(controlPlane.trustDomain(), namespace, serviceAccount);
        String token = controlPlane.mintToken(id, Duration.ofMinutes(5));
        String target = "127.0.0.1:" + controlPlane.address().getPort();
        WorkloadCredentials credentials = CertificateClient.withToken(target, JoinToken.readClaims(token), Clock.systemUTC())
                .request(token, Optional.empty());
        PeerVerifier server = PeerVerifier.forMesh(credentials.trustBundle(), id.trustDomain(), List.of(), Clock.systemUTC())
                .expecting(ControlPlaneIdentity.in(id.trustDomain()));
        var channel = NettySslContextChannelCredentials.create(ControlPlaneTls.meshClient(() -> credentials, server));
        AtomicReference<Snapshot> received = new AtomicReference<>();
        clients.add(ConfigClient.start(ConfigClientOptions.of("127.0.0.1", controlPlane.address().getPort(), channel,
                new ProxyNode(kind + "~" + namespace, kind, namespace, serviceAccount, labels)), snapshot -> {
            received.set(snapshot);
            return Verdict.accept();
        }));
        Await.until("the first snapshot", () -> received.get() != null);
        return received;
    }

    private static ResourceSet reload(Snapshot snapshot) {
        List<SourceText> texts = new ArrayList<>();
        Optional<SourceText> mesh = Optional.empty();
        for (ConfigDocument document : snapshot.documents()) {
            SourceText text = SourceText.startingAt(document.source(), document.line(), document.yaml());
            if (document.source().equals(ControlPlane.MESH_CONFIG_SOURCE)) {
                mesh = Optional.of(text);
            } else {
                texts.add(text);
            }
        }
        LoadResult loaded = new ResourceLoader().loadTexts(texts, mesh);
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        return loaded.resources();
    }

    private AtomicReference<Snapshot> gateway() throws Exception {
        return connect(ProxyKind.GATEWAY, "istio-system", "istio-egressgateway-service-account", Map.of("istio", "egressgateway"));
    }

    @Test
    void theGatewayGetsItsGatewayRoutesAndPoliciesWithTheirFileAndLine() throws Exception {
        Snapshot snapshot = gateway().get();

        ResourceSet resources = reload(snapshot);
        assertThat(resources.countsByKind()).containsEntry("Gateway", 1).containsEntry("VirtualService", 1)
                .containsEntry("ServiceEntry", 1).containsEntry("AuthorizationPolicy", 1).doesNotContainKey("Namespace");
        assertThat(resources.mesh().outboundTrafficPolicy()).isEqualTo(MeshConfig.OutboundTrafficPolicy.REGISTRY_ONLY);
        assertThat(resources.authorizationPolicies().getFirst().meta().location().toString())
                .isEqualTo(conf.resolve(POLICY) + ":4");
        assertThat(snapshot.version()).isEqualTo(controlPlane.version());
    }

    @Test
    void aSidecarSeesItsNamespacesRoutesButNoPolicy() throws Exception {
        ResourceSet resources = reload(connect(ProxyKind.SIDECAR, "demo-server", "default", Map.of()).get());

        assertThat(resources.countsByKind()).containsEntry("ServiceEntry", 1).containsEntry("DestinationRule", 1)
                .containsEntry("VirtualService", 1).doesNotContainKeys("AuthorizationPolicy", "Gateway");
    }

    @Test
    void aValidEditReachesTheProxyAndAnInvalidOneIsRefusedWhole() throws Exception {
        AtomicReference<Snapshot> received = gateway();
        String first = received.get().version();

        edit("- demo-frontend", "- demo-server");
        Await.until("the edited policy to arrive", () -> !received.get().version().equals(first));
        assertThat(reload(received.get()).authorizationPolicies().getFirst().rules().getFirst().from().getFirst()
                .namespaces()).containsExactly("demo-server");
        String second = received.get().version();

        edit("action: DENY", "action: DNY");
        Await.until("the refusal", () -> controlPlane.status().lastRejected() != null);
        assertThat(controlPlane.version()).isEqualTo(second);
        assertThat(received.get().version()).isEqualTo(second);
        assertThat(String.join("\n", controlPlane.status().lastRejected().diagnostics()))
                .contains(conf.resolve(POLICY) + ":10: AuthorizationPolicy istio-system/egress-rds-by-namespace: spec.action");
    }

    @Test
    void anInvalidConfigurationAtStartIsRefusedWithEveryDiagnostic() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("p.yaml"), """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: demo}
                spec: {actoin: DENY, rules: [{fromm: []}]}
                """);

        assertThatThrownBy(() -> ControlPlane.start(new ControlPlaneSettings(List.of(bad), Optional.empty(), dir.resolve("state2"),
                new InetSocketAddress("127.0.0.1", 0)), Clock.systemUTC()))
                .isInstanceOfSatisfying(ControlPlaneException.class, e -> assertThat(e.diagnostics()).hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(d -> assertThat(d).startsWith(bad.resolve("p.yaml") + ":4: ")));
    }

    @Test
    void aRestartOpensTheCaItMadeAndServesWithIt() throws Exception {
        Fingerprint root = controlPlane.rootFingerprint();
        controlPlane.close();
        // The state directory now holds a CA: this start opens it while the files load.
        controlPlane = ControlPlane.start(new ControlPlaneSettings(List.of(conf), Optional.of(SEED.resolve("mesh-config.yaml")),
                dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0)), Clock.systemUTC());

        assertThat(controlPlane.rootFingerprint()).isEqualTo(root);
        assertThat(gateway().get().documents()).extracting(ConfigDocument::source).contains(conf.resolve(POLICY).toString());
    }

    @Test
    void aRestartWhoseMeshConfigNamesAnotherTrustDomainIsRefusedAndSoIsAnInvalidOne() throws Exception {
        // Every start below asks for the same port: one that a refused start left open would make the next fail.
        InetSocketAddress port = new InetSocketAddress("127.0.0.1", controlPlane.address().getPort());
        controlPlane.close();
        Path mesh = Files.writeString(dir.resolve("other-mesh.yaml"), "trustDomain: other.example\n");
        assertThatThrownBy(() -> ControlPlane.start(new ControlPlaneSettings(List.of(conf), Optional.of(mesh), dir.resolve("state"),
                port), Clock.systemUTC()))
                .isInstanceOfSatisfying(ControlPlaneException.class, e -> assertThat(e.diagnostics()).containsExactly(
                        "the CA in " + dir.resolve("state") + " is for trust domain cluster.local but the mesh config says "
                                + "other.example; use another --state-dir or the same trustDomain"));

        edit("action:", "actoin:");
        assertThatThrownBy(() -> ControlPlane.start(new ControlPlaneSettings(List.of(conf), Optional.of(SEED.resolve("mesh-config.yaml")),
                dir.resolve("state"), port), Clock.systemUTC()))
                .isInstanceOfSatisfying(ControlPlaneException.class, e -> assertThat(e.diagnostics())
                        .anySatisfy(d -> assertThat(d).startsWith(conf.resolve(POLICY) + ":")));
        // Each refused start let go of what it opened: the next one gets the same port and serves.
        edit("actoin:", "action:");
        controlPlane = ControlPlane.start(new ControlPlaneSettings(List.of(conf), Optional.of(SEED.resolve("mesh-config.yaml")),
                dir.resolve("state"), port), Clock.systemUTC());
        assertThat(controlPlane.address().getPort()).isEqualTo(port.getPort());
        assertThat(gateway().get().version()).isEqualTo(controlPlane.version());
    }

    private void edit(String from, String to) throws IOException {
        Path file = conf.resolve(POLICY);
        Files.writeString(file, Files.readString(file).replace(from, to));
    }
}
