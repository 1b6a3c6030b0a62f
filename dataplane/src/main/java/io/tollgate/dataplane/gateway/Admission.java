package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.mysql.MysqlErrPacket;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.GatewayRoute;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.RouteTarget;

import java.util.Optional;

/**
 * The gateway's decision for one proxied connection, the same whether it came as a TLS connection of its own or
 * as a stream of a tunnel: where to (route by Gateway server port and server name), then may they (authorize).
 * Nothing is dialed before it. Deciding records what was learnt on the connection, counts the verdict and the
 * opening, and for a refusal records its flag and reason; the caller only says no in its transport's way.
 */
sealed interface Admission {
    /** No route for the port and server name. */
    record NoRoute(String why) implements Admission {
    }

    /** An AuthorizationPolicy (or the authorizer failing closed) said no. */
    record Denied(RouteTarget target, Verdict verdict) implements Admission {
        /** The refusal a MySQL client shows: the way a MySQL server refuses a host it does not know. */
        MysqlErrPacket mysqlRefusal(SpiffeId peer) {
            return MysqlErrPacket.hostNotAllowed("Host '" + peer + "' is not allowed to connect to " + target.authority()
                    + ": " + verdict.policy().map(p -> "denied by " + p).orElse(Authorization.denial(verdict)));
        }
    }

    /** Allowed: dial the target. */
    record Admitted(RouteTarget target) implements Admission {
    }

    /**
     * Decides for {@code connection}, whose peer and server name are known, with the configuration in force now.
     */
    static Admission decide(GatewayRuntime runtime, GatewayConnection connection) {
        GatewayConfig config = runtime.config().get();
        ConnectionFacts facts = new ConnectionFacts(connection.peer, connection.source(), connection.local().getAddress(),
                connection.serverPort, connection.serverName);
        connection.facts = Optional.of(facts);
        Optional<GatewayRoute> route = route(config, connection);
        if (route.isEmpty()) {
            String why = "no route for port " + connection.serverPort + " and server name "
                    + connection.serverName.orElse("(none)");
            connection.end(ResponseFlag.NR, why);
            runtime.metrics().connectionOpened(connection.labels());
            return new NoRoute(why);
        }
        RouteTarget target = route.get().target();
        connection.target = Optional.of(target);
        Verdict verdict = Authorization.decide(config.authorizer(), facts);
        connection.verdict = Optional.of(verdict);
        runtime.metrics().authzDecision(verdict.label(), verdict.policyLabel());
        if (!verdict.allowed()) {
            connection.end(ResponseFlag.DENY, Authorization.denial(verdict));
            runtime.metrics().connectionOpened(connection.labels());
            return new Denied(target, verdict);
        }
        runtime.metrics().connectionOpened(connection.labels());
        return new Admitted(target);
    }

    private static Optional<GatewayRoute> route(GatewayConfig config, GatewayConnection connection) {
        Optional<Hostname> sni = Optional.empty();
        if (connection.serverName.isPresent()) {
            try {
                sni = Optional.of(Hostname.of(connection.serverName.get()));
            } catch (IllegalArgumentException notAHostName) {
                // Fail closed: an unreadable server name must not fall through to a port-only route.
                return Optional.empty();
            }
        }
        return config.routes().route(connection.serverPort, sni);
    }
}
