package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.tollgate.dataplane.observe.ResponseFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Re-authorizes one open connection after a policy change, on its event loop. Only connections that were allowed
 * and are now denied are closed; a connection still in its handshake has not decided yet and will read the new
 * configuration itself, because the configuration is swapped before any recheck is scheduled.
 */
final class PolicyRecheck {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyRecheck.class);

    private PolicyRecheck() {
    }

    static void recheck(Channel channel, GatewayConfig config, GatewayRuntime runtime) {
        GatewayConnection connection = channel.attr(GatewayConnection.KEY).get();
        if (connection == null || !channel.isActive() || connection.facts.isEmpty()
                || connection.verdict.map(v -> !v.allowed()).orElse(true)) {
            return;
        }
        Verdict verdict = Authorization.decide(config.authorizer(), connection.facts.get());
        if (verdict.allowed()) {
            return;
        }
        connection.verdict = Optional.of(verdict);
        runtime.metrics().authzDecision(verdict.label(), verdict.policyLabel());
        String why = "closed: denied by policy change: " + Authorization.denial(verdict);
        connection.end(ResponseFlag.DENY, why);
        LOG.info("connection {} from {} ({}) to {}: {}", connection.id(), connection.source(),
                connection.peer.map(Object::toString).orElse("no identity"),
                connection.target.map(t -> t.authority()).orElse("-"), why);
        channel.close();
    }
}
