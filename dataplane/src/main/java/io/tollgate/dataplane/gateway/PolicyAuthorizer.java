package io.tollgate.dataplane.gateway;

import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.ShadowResult;
import io.tollgate.policy.authz.WorkloadAuthorizer;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gateway's authorizer backed by the AuthorizationPolicy engine: the policies that apply to this gateway
 * workload, resolved once per configuration, decide each connection from its TCP attributes. What audit and
 * dry-run policies said rides along in the reason, so the access log shows "would have denied" without enforcing it.
 */
public record PolicyAuthorizer(WorkloadAuthorizer policies) implements ConnectionAuthorizer {
    @Override
    public Verdict decide(ConnectionFacts facts) {
        Peer peer = facts.peer().map(id -> Peer.mtls(id.toString())).orElse(Peer.PLAINTEXT);
        Connection connection = Connection.of(peer, IpAddress.of(facts.source().getAddress()),
                IpAddress.of(facts.destinationAddress()), facts.destinationPort().value(), facts.serverName().orElse(""));
        Decision decision = policies.decide(connection);
        Optional<PolicyRef> policy = decision.policy().map(id -> new PolicyRef(id.namespace(), id.name()));
        String reason = decision.shadows().isEmpty() ? decision.reason() : decision.reason() + decision.shadows().stream()
                .map(ShadowResult::summary).collect(Collectors.joining("; ", " [", "]"));
        return decision.allowed() ? Verdict.allow(policy, reason) : Verdict.deny(policy, reason);
    }
}
