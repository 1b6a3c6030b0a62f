package io.tollgate.policy.scope;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tollgate.policy.scope.Literals.destinationRule;
import static io.tollgate.policy.scope.Literals.gateway;
import static io.tollgate.policy.scope.Literals.policy;
import static io.tollgate.policy.scope.Literals.serviceEntry;
import static io.tollgate.policy.scope.Literals.set;
import static io.tollgate.policy.scope.Literals.virtualService;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed's shape in literals: what the control plane ships to the demo-server sidecar and to the egress gateway. */
class ProxyScopeTest {
    private static final String RDS = "rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com";
    private static final String GATEWAY_HOST = "istio-egressgateway.istio-system.svc.cluster.local";

    private final ServiceEntry rds = serviceEntry("demo-server", "rds", RDS, List.of());
    private final ServiceEntry unrelated = serviceEntry("demo-server", "cache", "cache.example.com", List.of());
    private final ServiceEntry hidden = serviceEntry("other", "hidden", "hidden.example.com", List.of("."));
    private final Gateway egress = gateway("istio-system", "istio-egressgateway", Map.of("istio", "egressgateway"));
    private final Gateway ingress = gateway("istio-system", "ingress", Map.of("istio", "ingressgateway"));
    private final DestinationRule toGateway = destinationRule("demo-server", "to-gateway", GATEWAY_HOST, List.of());
    private final DestinationRule toRds = destinationRule("istio-system", "to-rds", RDS, List.of());
    private final VirtualService sidecarLeg = virtualService("demo-server", "sidecar-leg", RDS, List.of("mesh"),
            List.of(), GATEWAY_HOST);
    private final VirtualService gatewayLeg = virtualService("demo-server", "gateway-leg", RDS,
            List.of("istio-system/istio-egressgateway"), List.of("istio-system"), RDS);
    private final VirtualService ingressLeg = virtualService("istio-system", "ingress-leg", "cache.example.com",
            List.of("ingress"), List.of(), "cache.example.com");
    private final AuthorizationPolicy onGateway = policy("istio-system", "egress-rds-by-namespace",
            Optional.of(Map.of("istio", "egressgateway")));
    private final AuthorizationPolicy inDemo = policy("demo-server", "in-demo", Optional.empty());

    private final ResourceSet all = set(List.of(rds, unrelated, hidden), List.of(egress, ingress), List.of(toGateway, toRds),
            List.of(sidecarLeg, gatewayLeg, ingressLeg), List.of(onGateway, inDemo));

    @Test
    void aSidecarGetsWhatItsNamespaceSeesAndNoGatewaysOrPolicies() {
        ResourceSet scoped = ProxyScope.of(all, Proxy.sidecar("demo-server", Map.of("name", "lbl-k8s-mysql")));

        assertThat(scoped.serviceEntries()).containsExactly(rds, unrelated);
        assertThat(scoped.virtualServices()).containsExactly(sidecarLeg);
        assertThat(scoped.destinationRules()).containsExactly(toGateway, toRds);
        assertThat(scoped.gateways()).isEmpty();
        assertThat(scoped.authorizationPolicies()).isEmpty();
        assertThat(scoped.mesh()).isEqualTo(all.mesh());
    }

    @Test
    void aGatewayGetsItsGatewaysTheirRoutesTheirDestinationsAndItsPolicies() {
        ResourceSet scoped = ProxyScope.of(all, Proxy.gateway("istio-system", Map.of("istio", "egressgateway")));

        assertThat(scoped.gateways()).containsExactly(egress);
        assertThat(scoped.virtualServices()).containsExactly(gatewayLeg);
        assertThat(scoped.serviceEntries()).containsExactly(rds);
        assertThat(scoped.destinationRules()).containsExactly(toRds);
        assertThat(scoped.authorizationPolicies()).containsExactly(onGateway);
    }

    @Test
    void aGatewayNoGatewaySelectsGetsOnlyItsPolicies() {
        ResourceSet scoped = ProxyScope.of(all, Proxy.gateway("demo-server", Map.of("app", "other")));

        assertThat(scoped.gateways()).isEmpty();
        assertThat(scoped.virtualServices()).isEmpty();
        assertThat(scoped.serviceEntries()).isEmpty();
        assertThat(scoped.authorizationPolicies()).containsExactly(onGateway, inDemo);
    }
}
