package io.tollgate.policy.route;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SidecarRoutesTest {
    private static final HostPort RDS = HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3306);

    private static Upstream gateway(String name) {
        return new Upstream(Hostname.of(name), PortNumber.of(13306), List.of(), Resolution.DNS,
                new UpstreamTls.IstioMutual(Optional.of(Hostname.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com")), List.of()),
                LoadBalancer.ROUND_ROBIN);
    }

    @Test
    void weightsSplitTheDrawRange() {
        Upstream a = gateway("a.istio-system.svc.cluster.local");
        Upstream b = gateway("b.istio-system.svc.cluster.local");
        Upstream never = gateway("c.istio-system.svc.cluster.local");
        SidecarRoute route = new SidecarRoute(RDS, List.of(new WeightedUpstream(80, a), new WeightedUpstream(0, never),
                new WeightedUpstream(20, b)), "demo-server/vs");
        assertThat(route.totalWeight()).isEqualTo(100);
        assertThat(route.choose(0)).isEqualTo(a);
        assertThat(route.choose(79)).isEqualTo(a);
        assertThat(route.choose(80)).isEqualTo(b);
        assertThat(route.choose(99)).isEqualTo(b);
        assertThatThrownBy(() -> route.choose(100)).hasMessageContaining("outside [0, 100)");
    }

    @Test
    void aRouteNeedsSomeWeight() {
        assertThatThrownBy(() -> new SidecarRoute(RDS, List.of(new WeightedUpstream(0, gateway("g.svc"))), "x"))
                .hasMessageContaining("only zero weights");
        assertThatThrownBy(() -> new SidecarRoute(RDS, List.of(), "x")).hasMessageContaining("no upstream");
    }

    @Test
    void looksUpByHostAndPort() {
        SidecarRoute route = new SidecarRoute(RDS, List.of(new WeightedUpstream(100, gateway("g.svc"))), "x");
        SidecarRoutes routes = new SidecarRoutes("v1", Map.of(RDS, route), OutboundPolicy.REGISTRY_ONLY);
        assertThat(routes.route(HostPort.of("RM-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3306))).contains(route);
        assertThat(routes.route(HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3307))).isEmpty();
        assertThat(routes.outboundPolicy()).isEqualTo(OutboundPolicy.REGISTRY_ONLY);
        assertThatThrownBy(() -> new SidecarRoutes("v", Map.of(HostPort.of("other.db", 1), route), OutboundPolicy.ALLOW_ANY))
                .hasMessageContaining("is filed under other.db:1");
    }
}
