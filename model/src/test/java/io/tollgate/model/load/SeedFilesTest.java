package io.tollgate.model.load;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.ClientTls;
import io.tollgate.model.networking.ServerTls;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed scenario's files load as the walk-through means them, with only the warnings its known flaws deserve. */
class SeedFilesTest {
    /** The repository's copy of ../shared/seed (examples/seed), so a clean clone tests it too. */
    private static final Path SEED = Path.of("..", "examples", "seed").toAbsolutePath().normalize();

    private final LoadResult result = new ResourceLoader().load(List.of(seedDirectory()),
            Optional.of(seedDirectory().resolve("mesh-config.yaml")));

    private static Path seedDirectory() {
        return SEED;
    }

    @Test
    void loadsWithoutErrors() {
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        ResourceSet set = result.resources();
        assertThat(set.countsByKind()).containsExactly(
                java.util.Map.entry("Namespace", 1), java.util.Map.entry("ServiceEntry", 1),
                java.util.Map.entry("Gateway", 1), java.util.Map.entry("DestinationRule", 1),
                java.util.Map.entry("VirtualService", 1), java.util.Map.entry("AuthorizationPolicy", 1));
    }

    @Test
    void skipsTheSecretAndTheDeploymentWithNotes() {
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.NOTE)
                .extracting(Diagnostic::subject)
                .containsExactly("Secret mysql-pass", "Deployment k8s-mysql");
    }

    @Test
    void warnsOnlyAboutTheSeedsKnownFlaws() {
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.WARNING)
                .extracting(Diagnostic::toString)
                .containsExactly(
                        SEED_FILE("03-gateway.yaml") + ":14: warning: Gateway istio-system/istio-egressgateway: "
                                + "spec.servers[0].port.name: port name \"http-0\" says HTTP but the port's protocol is TLS; "
                                + "name it after its protocol, e.g. \"tls-13306\"",
                        SEED_FILE("06-authorization-policy.yaml") + ":18: warning: AuthorizationPolicy "
                                + "istio-system/egress-rds-by-namespace: spec.rules[0].from[0].source.namespaces[0]: "
                                + "namespace demo-frontend is not a loaded Namespace and no loaded resource lives in it, "
                                + "so this matches no workload that Tollgate knows of");
    }

    @Test
    void readsTheMeshConfig() {
        MeshConfig mesh = result.resources().mesh();
        assertThat(mesh.outboundTrafficPolicy()).isEqualTo(MeshConfig.OutboundTrafficPolicy.REGISTRY_ONLY);
        assertThat(mesh.rootNamespace()).isEqualTo("istio-system");
        assertThat(mesh.trustDomain()).isEqualTo("cluster.local");
    }

    @Test
    void readsEveryKindAsWritten() {
        ResourceSet set = result.resources();
        assertThat(set.namespaces().getFirst().meta().labels()).containsEntry("istio-injection", "enabled");
        ServiceEntry se = set.serviceEntries().getFirst();
        assertThat(se.resolution()).isEqualTo(ServiceEntry.Resolution.DNS);
        assertThat(se.endpoints().getFirst().ports()).containsEntry("tcp", 3306);
        assertThat(se.endpoints().getFirst().location().line()).isEqualTo(9);
        assertThat(set.gateways().getFirst().servers().getFirst().tls().orElseThrow().mode()).isEqualTo(ServerTls.Mode.ISTIO_MUTUAL);
        var portLevel = set.destinationRules().getFirst().subsets().getFirst().trafficPolicy().orElseThrow()
                .portLevelSettings().getFirst();
        assertThat(portLevel.port()).hasValue(13306);
        assertThat(portLevel.tls().orElseThrow().mode()).isEqualTo(ClientTls.Mode.ISTIO_MUTUAL);
        assertThat(portLevel.tls().orElseThrow().sni()).hasValue("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
        var tcp = set.virtualServices().getFirst().tcp();
        assertThat(tcp).hasSize(2);
        assertThat(tcp.get(1).route().getFirst().destination().port()).hasValue(3306);
        AuthorizationPolicy policy = set.authorizationPolicies().getFirst();
        assertThat(policy.action()).isEqualTo(AuthorizationPolicy.Action.DENY);
        assertThat(policy.rules().getFirst().from().getFirst().namespaces()).containsExactly("demo-frontend");
        assertThat(policy.meta().location()).hasToString(SEED_FILE("06-authorization-policy.yaml") + ":4");
    }

    private static String SEED_FILE(String name) {
        return seedDirectory().resolve(name).toString();
    }
}
