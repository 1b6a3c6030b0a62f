package io.tollgate.policy.compile;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.policy.route.GatewayRoute;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.SidecarRoute;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import io.tollgate.policy.scope.Proxy;
import io.tollgate.policy.scope.ProxyScope;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed directory itself, loaded as {@code tollgate} loads it, compiles to the chain the walk-through describes:
 * sidecar 3306 -> egress gateway 13306 with mTLS and the database as SNI -> database 3306 over TCP.
 */
class SeedDirectoryTest {
    private static final Hostname RDS = Hostname.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    private static final Hostname GATEWAY = Hostname.of("istio-egressgateway.istio-system.svc.cluster.local");
    private static final Proxy SIDECAR = Proxy.sidecar("demo-server", Map.of("name", "lbl-k8s-mysql"));
    private static final Proxy EGRESS = Proxy.gateway("istio-system", Map.of("istio", "egressgateway"));

    private final ResourceSet seed = load();

    private static ResourceSet load() {
        // The worktree sits at /work/wt/<name>/policy; the seed at /work/shared/seed.
        Path shared = Path.of("/work/shared/seed");
        Path seed = Files.isDirectory(shared) ? shared : Path.of("..", "..", "..", "shared", "seed");
        LoadResult result = new ResourceLoader().load(List.of(seed), Optional.of(seed.resolve("mesh-config.yaml")));
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        return result.resources();
    }

    @Test
    void theSidecarSendsTheDatabaseToTheGatewayWithMutualTls() {
        MeshServices mesh = MeshServices.of(List.of(MeshService.parse(GATEWAY + ":13306=127.0.0.1:13306")));
        SidecarCompilation compiled = new SidecarRouteCompiler().compile(seed, SIDECAR, mesh, "seed");

        Upstream toGateway = new Upstream(GATEWAY, PortNumber.of(13306), List.of(io.tollgate.policy.route.Endpoint.of("127.0.0.1", 13306)),
                Resolution.STATIC, new UpstreamTls.IstioMutual(Optional.of(RDS), List.of()), LoadBalancer.ROUND_ROBIN);
        assertThat(compiled.routes().outboundPolicy()).isEqualTo(OutboundPolicy.REGISTRY_ONLY);
        assertThat(compiled.routes().registered()).containsExactly(new HostPort(RDS, PortNumber.of(3306)));
        SidecarRoute route = compiled.routes().route(new HostPort(RDS, PortNumber.of(3306))).orElseThrow();
        assertThat(route.choose(0)).isEqualTo(toGateway);
        assertThat(route.origin()).isEqualTo("demo-server/demo-server-through-egress-gateway");
        assertThat(compiled.notes()).isEmpty();
    }

    @Test
    void withoutTheGatewaysAddressTheSidecarRefusesRatherThanGoingDirect() {
        SidecarCompilation compiled = new SidecarRouteCompiler().compile(seed, SIDECAR, MeshServices.none(), "seed");

        HostPort rds = new HostPort(RDS, PortNumber.of(3306));
        assertThat(compiled.routes().route(rds)).isEmpty();
        assertThat(compiled.routes().refusal(rds)).hasValueSatisfying(reason ->
                assertThat(reason).contains("istio-egressgateway.istio-system.svc.cluster.local is neither a known mesh service"));
    }

    @Test
    void theGatewayForwardsPort13306ToTheDatabaseOverTcp() {
        GatewayCompilation compiled = new GatewayRouteCompiler().compile(seed, EGRESS, "seed");

        assertThat(compiled.routes().ports()).containsExactly(PortNumber.of(13306));
        GatewayRoute route = compiled.routes().route(PortNumber.of(13306), Optional.of(RDS)).orElseThrow();
        assertThat(route.target().authority()).isEqualTo("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306");
        assertThat(route.target().protocol()).isEqualTo(Protocol.TCP);
        assertThat(route.target().resolution()).isEqualTo(Resolution.DNS);
        assertThat(route.target().dialEndpoints()).extracting(Object::toString)
                .containsExactly("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306");
        assertThat(compiled.routes().route(PortNumber.of(3306), Optional.of(RDS))).isEmpty();
        assertThat(compiled.notes()).isEmpty();
    }

    @Test
    void theGatewayIsShippedItsPolicyAndTheSidecarIsNot() {
        assertThat(ProxyScope.of(seed, EGRESS).authorizationPolicies()).extracting(p -> p.meta().qualifiedName())
                .containsExactly("istio-system/egress-rds-by-namespace");
        assertThat(ProxyScope.of(seed, SIDECAR).authorizationPolicies()).isEmpty();
        assertThat(ProxyScope.of(seed, SIDECAR).virtualServices()).extracting(v -> v.meta().name())
                .containsExactly("demo-server-through-egress-gateway");
    }
}
