package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.SidecarRoutes;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbound rule from literals: routed, black hole, no route, host loopback refused, pass-through. */
class OutboundDecisionTest {
    private static final HostPort RDS = HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3306);
    private static final Upstream GATEWAY = new Upstream(Hostname.of("istio-egressgateway.istio-system.svc.cluster.local"),
            PortNumber.of(13306), List.of(), Resolution.DNS, new UpstreamTls.IstioMutual(Optional.empty(), List.of()),
            LoadBalancer.ROUND_ROBIN);

    private static SidecarRoutes routes(OutboundPolicy policy) {
        return SidecarFixture.routes("v1", policy, List.of(RDS), destination -> GATEWAY);
    }

    @Test
    void aRegisteredDestinationFollowsItsRouteUnderEitherPolicy() {
        for (OutboundPolicy policy : OutboundPolicy.values()) {
            assertThat(OutboundDecision.of(RDS, routes(policy)))
                    .isInstanceOfSatisfying(OutboundDecision.Routed.class, routed -> assertThat(routed.route().destination()).isEqualTo(RDS));
        }
    }

    @Test
    void underRegistryOnlyAnythingElseIsABlackHole() {
        assertThat(OutboundDecision.of(HostPort.of("10.1.2.3", 3306), routes(OutboundPolicy.REGISTRY_ONLY)))
                .isEqualTo(new OutboundDecision.Refused(ResponseFlag.BH, "10.1.2.3:3306 is not registered by any ServiceEntry"
                        + " this sidecar sees; outboundTrafficPolicy REGISTRY_ONLY black-holes it"));
        assertThat(OutboundDecision.of(HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 80), routes(OutboundPolicy.REGISTRY_ONLY)))
                .isInstanceOfSatisfying(OutboundDecision.Refused.class, refused -> assertThat(refused.flag()).isEqualTo(ResponseFlag.BH));
    }

    @Test
    void underAllowAnyAnOrdinaryAddressPassesThroughToItself() {
        assertThat(OutboundDecision.of(HostPort.of("192.0.2.10", 5432), routes(OutboundPolicy.ALLOW_ANY)))
                .isEqualTo(new OutboundDecision.PassThrough(new InetSocketAddress("192.0.2.10", 5432)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "::1", "169.254.169.254", "0.0.0.0", "fe80::1"})
    void underAllowAnyTheHostsOwnAddressesAreStillRefused(String address) {
        assertThat(OutboundDecision.of(HostPort.of(address, 3306), routes(OutboundPolicy.ALLOW_ANY)))
                .isInstanceOfSatisfying(OutboundDecision.Refused.class, refused -> {
                    assertThat(refused.flag()).isEqualTo(ResponseFlag.BH);
                    assertThat(refused.reason()).contains("loopback or link-local");
                });
    }

    @Test
    void underAllowAnyAnUnroutedHostNameHasNothingToPassThroughTo() {
        assertThat(OutboundDecision.of(HostPort.of("gone.example.com", 3306), routes(OutboundPolicy.ALLOW_ANY)))
                .isInstanceOfSatisfying(OutboundDecision.Refused.class, refused -> assertThat(refused.flag()).isEqualTo(ResponseFlag.NR));
    }
}
