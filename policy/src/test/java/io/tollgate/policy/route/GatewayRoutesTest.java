package io.tollgate.policy.route;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayRoutesTest {
    private static final Hostname RDS = Hostname.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    private static final PortNumber GATEWAY_PORT = PortNumber.of(13306);

    private static RouteTarget target(String host, Protocol protocol) {
        return new RouteTarget(Hostname.of(host), PortNumber.of(3306), protocol, Resolution.DNS, List.of());
    }

    private final RouteTarget exact = target("exact.db", Protocol.MYSQL);
    private final RouteTarget wildcard = target("wild.db", Protocol.TCP);
    private final RouteTarget anyTarget = target("any.db", Protocol.TCP);
    private final GatewayRoutes routes = GatewayRoutes.of("v1", List.of(
            new GatewayListener(GATEWAY_PORT, List.of(
                    new GatewayRoute(SniMatch.parse("exact.example.com"), exact, "demo/exact"),
                    new GatewayRoute(SniMatch.parse("*.example.com"), wildcard, "demo/wild"))),
            new GatewayListener(PortNumber.of(13307), List.of(
                    new GatewayRoute(SniMatch.parse("*"), anyTarget, "demo/any")))));

    @Test
    void firstMatchingRouteOfTheListenerWins() {
        assertThat(routes.route(GATEWAY_PORT, Optional.of(Hostname.of("exact.example.com"))))
                .map(GatewayRoute::target).contains(exact);
        assertThat(routes.route(GATEWAY_PORT, Optional.of(Hostname.of("other.example.com"))))
                .map(GatewayRoute::target).contains(wildcard);
    }

    @Test
    void noRouteForUnknownSniPortOrMissingSni() {
        assertThat(routes.route(GATEWAY_PORT, Optional.of(Hostname.of("example.com")))).isEmpty();
        assertThat(routes.route(GATEWAY_PORT, Optional.empty())).isEmpty();
        assertThat(routes.route(PortNumber.of(1), Optional.of(RDS))).isEmpty();
    }

    @Test
    void aPortOnlyRouteTakesConnectionsWithAndWithoutSni() {
        assertThat(routes.route(PortNumber.of(13307), Optional.empty())).map(GatewayRoute::target).contains(anyTarget);
        assertThat(routes.route(PortNumber.of(13307), Optional.of(RDS))).map(GatewayRoute::target).contains(anyTarget);
    }

    @Test
    void portsAreListedInOrder() {
        assertThat(routes.ports()).containsExactly(GATEWAY_PORT, PortNumber.of(13307));
        assertThat(GatewayRoutes.empty().ports()).isEmpty();
    }

    @Test
    void refusesTwoListenersForOnePort() {
        GatewayListener a = new GatewayListener(GATEWAY_PORT, List.of());
        assertThatThrownBy(() -> GatewayRoutes.of("v", List.of(a, a))).hasMessageContaining("two listeners for port 13306");
    }

    @Test
    void targetsDialTheirEndpointsOrThemselves() {
        assertThat(anyTarget.dialEndpoints()).containsExactly(new Endpoint(Hostname.of("any.db"), PortNumber.of(3306)));
        RouteTarget pinned = new RouteTarget(RDS, PortNumber.of(3306), Protocol.TCP, Resolution.STATIC,
                List.of(Endpoint.of("10.1.2.3", 3307)));
        assertThat(pinned.dialEndpoints()).containsExactly(Endpoint.of("10.1.2.3", 3307));
        assertThat(pinned.authority()).isEqualTo("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306");
        assertThatThrownBy(() -> new RouteTarget(RDS, PortNumber.of(3306), Protocol.TCP, Resolution.STATIC, List.of()))
                .hasMessageContaining("resolution STATIC needs endpoints");
    }
}
