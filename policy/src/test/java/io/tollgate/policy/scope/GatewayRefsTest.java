package io.tollgate.policy.scope;

import io.tollgate.model.networking.VirtualService;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tollgate.policy.scope.Literals.matchBound;
import static io.tollgate.policy.scope.Literals.virtualService;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayRefsTest {

    @Test
    void resolvesEveryFormIstioAccepts() {
        assertThat(GatewayRefs.resolve("mesh", "app")).isEqualTo("mesh");
        assertThat(GatewayRefs.resolve("istio-system/egress", "app")).isEqualTo("istio-system/egress");
        assertThat(GatewayRefs.resolve("./egress", "app")).isEqualTo("app/egress");
        assertThat(GatewayRefs.resolve("egress", "app")).isEqualTo("app/egress");
        assertThat(GatewayRefs.resolve("egress.istio-system", "app")).isEqualTo("istio-system/egress");
        assertThat(GatewayRefs.resolve("egress.istio-system.svc.cluster.local", "app")).isEqualTo("istio-system/egress");
    }

    @Test
    void noGatewaysMeansTheMesh() {
        VirtualService vs = virtualService("app", "vs", "db.example.com", List.of(), List.of(), "db.example.com");
        assertThat(GatewayRefs.topLevel(vs)).containsExactly("mesh");
        assertThat(GatewayRefs.binds(vs, "mesh")).isTrue();
        assertThat(GatewayRefs.binds(vs, "istio-system/egress")).isFalse();
    }

    @Test
    void aMatchMayBindAGatewayTheTopLevelDoesNotName() {
        VirtualService vs = matchBound("app", "vs", "db.example.com", "istio-system/egress");
        assertThat(GatewayRefs.binds(vs, "istio-system/egress")).isTrue();
        assertThat(GatewayRefs.forMatch(vs, List.of("istio-system/egress"))).containsExactly("istio-system/egress");
        assertThat(GatewayRefs.forMatch(vs, List.of())).containsExactly("mesh");
    }
}
