package io.tollgate.dataplane.gateway;

/**
 * The gateway's authorization seam: the AuthorizationPolicy engine sits behind it. Called on an event loop, once
 * per connection and again for open connections when the policy changes, so it must be quick and must not block.
 */
@FunctionalInterface
public interface ConnectionAuthorizer {

    Verdict decide(ConnectionFacts facts);

    /** With no AuthorizationPolicy on the gateway, Istio allows everything; so does this. */
    static ConnectionAuthorizer allowAll() {
        return facts -> Verdict.allow(java.util.Optional.empty(), "no authorization policy applies");
    }
}
