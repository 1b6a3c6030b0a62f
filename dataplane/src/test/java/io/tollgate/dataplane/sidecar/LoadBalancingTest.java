package io.tollgate.dataplane.sidecar;

import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancingTest {
    private static final List<Endpoint> ENDPOINTS = List.of(Endpoint.of("127.0.0.1", 1001), Endpoint.of("127.0.0.1", 1002),
            Endpoint.of("127.0.0.1", 1003));
    private final LoadBalancing balancing = new LoadBalancing();

    private static Upstream upstream(LoadBalancer loadBalancer) {
        return new Upstream(Hostname.of("gateway.example.com"), PortNumber.of(13306), ENDPOINTS, Resolution.STATIC,
                new UpstreamTls.Disabled(), loadBalancer);
    }

    @Test
    void roundRobinTakesEachEndpointInTurn() {
        Upstream upstream = upstream(LoadBalancer.ROUND_ROBIN);
        List<Endpoint> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(balancing.choose(upstream, ENDPOINTS));
        }
        assertThat(chosen).containsExactly(ENDPOINTS.get(0), ENDPOINTS.get(1), ENDPOINTS.get(2),
                ENDPOINTS.get(0), ENDPOINTS.get(1), ENDPOINTS.get(2));
    }

    @Test
    void leastRequestPrefersTheLessBusyOfTwo() {
        Upstream upstream = upstream(LoadBalancer.LEAST_REQUEST);
        List<Endpoint> two = ENDPOINTS.subList(0, 2);
        balancing.opened(two.get(0));
        balancing.opened(two.get(0));
        balancing.opened(two.get(1));
        for (int i = 0; i < 20; i++) {
            assertThat(balancing.choose(upstream, two)).isEqualTo(two.get(1));
        }
        balancing.closed(two.get(0));
        balancing.closed(two.get(0));
        for (int i = 0; i < 20; i++) {
            assertThat(balancing.choose(upstream, two)).isEqualTo(two.get(0));
        }
        assertThat(balancing.openTo(two.get(0))).isZero();
        assertThat(balancing.openTo(two.get(1))).isEqualTo(1);
    }

    @Test
    void randomStaysAmongTheEndpoints() {
        Upstream upstream = upstream(LoadBalancer.RANDOM);
        for (int i = 0; i < 50; i++) {
            assertThat(balancing.choose(upstream, ENDPOINTS)).isIn(ENDPOINTS);
        }
    }
}
