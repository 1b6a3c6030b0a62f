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

class VisibilityTest {
    private final ServiceEntry everyone = serviceEntry("db", "everyone", "a.example.com", List.of());
    private final ServiceEntry own = serviceEntry("db", "own", "b.example.com", List.of("."));
    private final ServiceEntry none = serviceEntry("db", "none", "c.example.com", List.of("~"));
    private final ServiceEntry named = serviceEntry("db", "named", "d.example.com", List.of("app"));
    private final VirtualService meshRoute = virtualService("app", "mesh-route", "a.example.com", List.of(), List.of("."), "a.example.com");
    private final VirtualService gatewayRoute = virtualService("db", "gateway-route", "a.example.com",
            List.of("istio-system/egress"), List.of("istio-system"), "a.example.com");
    private final DestinationRule shared = destinationRule("db", "shared", "a.example.com", List.of());
    private final DestinationRule forWeb = destinationRule("app", "for-web", "a.example.com", Map.of("app", "web"));
    private final Gateway egress = gateway("istio-system", "egress", Map.of("istio", "egressgateway"));
    private final Gateway anyGateway = gateway("team", "any", Map.of());
    private final Gateway ingress = gateway("istio-system", "ingress", Map.of("istio", "ingressgateway"));
    private final AuthorizationPolicy root = policy("istio-system", "root", Optional.empty());
    private final AuthorizationPolicy local = policy("app", "local", Optional.of(Map.of("app", "other")));
    private final AuthorizationPolicy elsewhere = policy("db", "elsewhere", Optional.empty());

    private final Visibility visibility = new Visibility(set(List.of(everyone, own, none, named),
            List.of(egress, anyGateway, ingress), List.of(shared, forWeb), List.of(meshRoute, gatewayRoute),
            List.of(root, local, elsewhere)));

    @Test
    void serviceEntriesFollowExportTo() {
        assertThat(visibility.serviceEntries("db")).containsExactly(everyone, own);
        assertThat(visibility.serviceEntries("app")).containsExactly(everyone, named);
        assertThat(visibility.serviceEntries("other")).containsExactly(everyone);
    }

    @Test
    void virtualServicesFollowExportToAndTheirBindings() {
        assertThat(visibility.virtualServices("app")).containsExactly(meshRoute);
        assertThat(visibility.virtualServicesBoundTo("mesh", "app")).containsExactly(meshRoute);
        assertThat(visibility.virtualServicesBoundTo("mesh", "db")).isEmpty();
        assertThat(visibility.virtualServicesBoundTo("istio-system/egress", "istio-system")).containsExactly(gatewayRoute);
        assertThat(visibility.virtualServicesBoundTo("istio-system/egress", "app")).isEmpty();
    }

    @Test
    void aDestinationRuleWithASelectorAppliesToTheWorkloadsItSelectsInItsNamespace() {
        assertThat(visibility.destinationRules(Proxy.sidecar("app", Map.of("app", "web", "v", "1")))).containsExactly(shared, forWeb);
        assertThat(visibility.destinationRules(Proxy.sidecar("app", Map.of("app", "batch")))).containsExactly(shared);
        assertThat(visibility.destinationRules(Proxy.sidecar("other", Map.of("app", "web")))).containsExactly(shared);
    }

    @Test
    void gatewaysSelectByLabelsInAnyNamespaceAndNeverASidecar() {
        Proxy egressProxy = Proxy.gateway("istio-system", Map.of("istio", "egressgateway", "app", "x"));
        assertThat(visibility.gatewaysSelecting(egressProxy)).containsExactly(egress, anyGateway);
        assertThat(visibility.gatewaysSelecting(Proxy.gateway("elsewhere", Map.of()))).containsExactly(anyGateway);
        assertThat(visibility.gatewaysSelecting(Proxy.sidecar("istio-system", Map.of("istio", "egressgateway")))).isEmpty();
    }

    @Test
    void authorizationPoliciesOfTheRootAndOwnNamespaceWhateverTheirSelector() {
        assertThat(visibility.authorizationPolicies(Proxy.gateway("app", Map.of()))).containsExactly(root, local);
        assertThat(visibility.authorizationPolicies(Proxy.gateway("istio-system", Map.of()))).containsExactly(root);
    }

    @Test
    void theRootNamespaceComesFromTheMeshConfig() {
        assertThat(new Visibility(ResourceSet.EMPTY).rootNamespace()).isEqualTo("istio-system");
    }
}
