package io.tollgate.policy.route;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SidecarRefusalsTest {
    private static final HostPort ROUTED = HostPort.of("b.example.com", 3306);
    private static final HostPort REFUSED = HostPort.of("a.example.com", 3306);
    private static final SidecarRoute ROUTE = new SidecarRoute(ROUTED, List.of(new WeightedUpstream(100, new Upstream(
            Hostname.of("b.example.com"), PortNumber.of(3306), List.of(), Resolution.DNS, new UpstreamTls.Disabled(),
            LoadBalancer.LEAST_REQUEST))), "db/b");

    @Test
    void aRefusedDestinationIsRegisteredButHasNoRoute() {
        SidecarRoutes table = new SidecarRoutes("v1", Map.of(ROUTED, ROUTE), OutboundPolicy.ALLOW_ANY,
                Map.of(REFUSED, "subset x is not defined"));

        assertThat(table.registered()).containsExactly(REFUSED, ROUTED);
        assertThat(table.route(REFUSED)).isEmpty();
        assertThat(table.refusal(REFUSED)).contains("subset x is not defined");
        assertThat(table.refusal(ROUTED)).isEmpty();
        assertThat(table.refusal(HostPort.of("c.example.com", 1))).isEmpty();
    }

    @Test
    void aDestinationIsNeverBothRoutedAndRefused() {
        assertThatThrownBy(() -> new SidecarRoutes("v1", Map.of(ROUTED, ROUTE), OutboundPolicy.ALLOW_ANY, Map.of(ROUTED, "no")))
                .hasMessageContaining("both routed and refused");
    }

    @Test
    void theThreeArgumentTableHasNoRefusals() {
        assertThat(new SidecarRoutes("v1", Map.of(ROUTED, ROUTE), OutboundPolicy.REGISTRY_ONLY).refused()).isEmpty();
        assertThat(SidecarRoutes.empty(OutboundPolicy.ALLOW_ANY).registered()).isEmpty();
    }

    @Test
    void rendersOneLinePerDecision() {
        SidecarRoutes table = new SidecarRoutes("v1", Map.of(ROUTED, ROUTE), OutboundPolicy.REGISTRY_ONLY,
                Map.of(REFUSED, "why"));

        assertThat(RouteTableText.render(table)).isEqualTo("""
                outbound REGISTRY_ONLY
                refuse a.example.com:3306: why
                route b.example.com:3306 (db/b)
                  weight 100 -> b.example.com:3306 DNS [b.example.com:3306] tls DISABLE lb LEAST_REQUEST
                """);
        assertThat(RouteTableText.render(GatewayRoutes.empty())).isEqualTo("no listeners\n");
        assertThat(Optional.of(table).map(SidecarRoutes::version)).contains("v1");
    }
}
