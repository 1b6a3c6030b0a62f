package io.tollgate.policy.compile;

import io.tollgate.model.networking.ClientTls;
import io.tollgate.model.networking.LoadBalancerSettings;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.UpstreamTls;

import java.util.List;
import java.util.Optional;

/** The DestinationRule settings a sidecar applies to an upstream: TLS origination and the load balancer. */
final class UpstreamSettings {
    /** Istio's default since 1.14 when {@code loadBalancer.simple} is unset. */
    static final LoadBalancer DEFAULT_LOAD_BALANCER = LoadBalancer.LEAST_REQUEST;

    private UpstreamSettings() {
    }

    /**
     * The TLS to originate. ISTIO_MUTUAL uses the workload certificate, the rule's {@code sni}, and its
     * {@code subjectAltNames} (else {@code defaultSans}, the ServiceEntry's). SIMPLE and MUTUAL need certificates from
     * files or secrets that a Tollgate sidecar does not load: such a destination fails, so its connections are closed
     * rather than sent without the TLS the user asked for.
     *
     * @param whenUnset what applies when no rule sets {@code tls}: ISTIO_MUTUAL for a mesh service (Istio's
     *                  auto mTLS), DISABLE for an external service
     */
    static Outcome<UpstreamTls> tls(EffectiveTrafficPolicy policy, UpstreamTls whenUnset, List<String> defaultSans) {
        if (policy.tls().isEmpty()) {
            return Outcome.ok(whenUnset);
        }
        ClientTls tls = policy.tls().get().value();
        Problem.Place at = new Problem.Place(policy.tls().get().rule(), tls.location(), "trafficPolicy.tls");
        return switch (tls.mode()) {
            case DISABLE -> Outcome.ok(new UpstreamTls.Disabled());
            case ISTIO_MUTUAL -> sni(tls, at).then(sni -> Outcome.ok(new UpstreamTls.IstioMutual(sni,
                    tls.subjectAltNames().isEmpty() ? defaultSans : tls.subjectAltNames())));
            case SIMPLE, MUTUAL -> Outcome.failed(at.problem("TLS origination " + tls.mode()
                    + " (with the user's own certificates) is not supported by Tollgate's sidecar"));
        };
    }

    static LoadBalancer loadBalancer(EffectiveTrafficPolicy policy, RouteNotes notes) {
        if (policy.loadBalancer().isEmpty()) {
            return DEFAULT_LOAD_BALANCER;
        }
        LoadBalancerSettings settings = policy.loadBalancer().get().value();
        var rule = policy.loadBalancer().get().rule();
        if (!settings.other().isEmpty()) {
            notes.note(rule, settings.location(), "trafficPolicy.loadBalancer", "settings "
                    + new java.util.TreeSet<>(settings.other().keySet()) + " are not applied by Tollgate");
        }
        return switch (settings.simple().orElse(LoadBalancerSettings.Simple.UNSPECIFIED)) {
            case ROUND_ROBIN -> LoadBalancer.ROUND_ROBIN;
            case RANDOM -> LoadBalancer.RANDOM;
            // LEAST_CONN is Istio's deprecated name for LEAST_REQUEST.
            case LEAST_REQUEST, LEAST_CONN, UNSPECIFIED -> LoadBalancer.LEAST_REQUEST;
            case PASSTHROUGH -> {
                notes.note(rule, settings.location(), "trafficPolicy.loadBalancer.simple",
                        "PASSTHROUGH is not supported by Tollgate; " + DEFAULT_LOAD_BALANCER + " is used");
                yield DEFAULT_LOAD_BALANCER;
            }
        };
    }

    private static Outcome<Optional<Hostname>> sni(ClientTls tls, Problem.Place at) {
        if (tls.sni().isEmpty()) {
            return Outcome.ok(Optional.empty());
        }
        try {
            return Outcome.ok(Optional.of(Hostname.of(tls.sni().get())));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(at.problem("sni '" + tls.sni().get() + "' cannot be sent: " + e.getMessage()));
        }
    }
}
