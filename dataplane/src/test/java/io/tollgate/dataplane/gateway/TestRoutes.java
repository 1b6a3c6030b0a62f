package io.tollgate.dataplane.gateway;

import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.GatewayListener;
import io.tollgate.policy.route.GatewayRoute;
import io.tollgate.policy.route.GatewayRoutes;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.RouteTarget;
import io.tollgate.policy.route.SniMatch;

import java.util.List;

/** The route tables the gateway tests use, shaped like the seed's: server port -> RDS host port 3306. */
final class TestRoutes {
    /** The seed's Gateway port: TCP protocol, a port-only route (any SNI). */
    static final PortNumber TCP_PORT = PortNumber.of(13306);
    /** The same database declared with protocol MYSQL, routed only for SNI = the RDS host. */
    static final PortNumber MYSQL_PORT = PortNumber.of(13307);
    /** Routes to test-only destinations by SNI. */
    static final PortNumber OTHER_PORT = PortNumber.of(13308);
    static final Hostname SINK = Hostname.of("sink.test");
    static final Hostname UNRESOLVABLE = Hostname.of("nowhere.test");
    static final Hostname REFUSING = Hostname.of("refused.test");

    private TestRoutes() {
    }

    /** The RDS host is registered on port 3306 but lives at {@code databasePort} (the endpoint's port mapping). */
    static RouteTarget rds(Protocol protocol, int databasePort) {
        return new RouteTarget(GatewayFixture.RDS, PortNumber.of(3306), protocol, Resolution.DNS,
                List.of(new Endpoint(GatewayFixture.RDS, PortNumber.of(databasePort))));
    }

    static GatewayRoutes routes(int databasePort, int sinkPort, int refusingPort) {
        return GatewayRoutes.of("test-v1", List.of(
                new GatewayListener(TCP_PORT, List.of(
                        new GatewayRoute(SniMatch.parse("*"), rds(Protocol.TCP, databasePort), "demo-server/vs-tcp"))),
                new GatewayListener(MYSQL_PORT, List.of(
                        new GatewayRoute(SniMatch.parse(GatewayFixture.RDS.value()), rds(Protocol.MYSQL, databasePort),
                                "demo-server/vs-mysql"))),
                new GatewayListener(OTHER_PORT, List.of(
                        route(SINK, sinkPort), route(UNRESOLVABLE, 1), route(REFUSING, refusingPort)))));
    }

    private static GatewayRoute route(Hostname host, int port) {
        return new GatewayRoute(new SniMatch.Exact(host),
                new RouteTarget(host, PortNumber.of(port), Protocol.TCP, Resolution.DNS, List.of()), "test/" + host);
    }
}
