package io.tollgate.policy.compile;

import io.tollgate.model.networking.ClientTls;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.LoadBalancerSettings;
import io.tollgate.model.networking.PortTrafficPolicy;
import io.tollgate.model.networking.Subset;
import io.tollgate.model.networking.TrafficPolicy;
import io.tollgate.policy.route.PortNumber;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic policy in force for one destination (host, subset, port), merged as Istio's {@code MergeTrafficPolicy}
 * does, field by field, each later layer overriding the earlier: the rule's top-level policy, its port-level
 * settings for the port, the subset's policy, the subset's port-level settings for the port. Only {@code tls} and
 * {@code loadBalancer} matter to a TCP proxy; each remembers the rule it came from, for notes.
 *
 * @param subsetLabels the labels the subset selects endpoints by; empty without a subset
 */
record EffectiveTrafficPolicy(Optional<Layer<ClientTls>> tls, Optional<Layer<LoadBalancerSettings>> loadBalancer,
                              Map<String, String> subsetLabels) {

    /** A setting and the DestinationRule it was written in. */
    record Layer<T>(T value, DestinationRule rule) {
    }

    static final EffectiveTrafficPolicy NONE = new EffectiveTrafficPolicy(Optional.empty(), Optional.empty(), Map.of());

    /**
     * @param rules  the rules that apply, deciding one first ({@link io.tollgate.policy.scope.DestinationRuleLookup})
     * @param subset the route's subset; it must be defined by one of the rules
     */
    static Outcome<EffectiveTrafficPolicy> of(List<DestinationRule> rules, String host, Optional<String> subset,
                                              PortNumber port, Problem.Place at) {
        EffectiveTrafficPolicy merged = NONE;
        for (DestinationRule rule : rules) {
            if (rule.trafficPolicy().isPresent()) {
                // Istio keeps the first rule's top-level policy when it merges rules for one host.
                merged = merged.with(rule.trafficPolicy().get(), rule, port);
                break;
            }
        }
        if (subset.isEmpty()) {
            return Outcome.ok(merged);
        }
        for (DestinationRule rule : rules) {
            for (Subset candidate : rule.subsets()) {
                if (candidate.name().equals(subset.get())) {
                    EffectiveTrafficPolicy withSubset = new EffectiveTrafficPolicy(merged.tls, merged.loadBalancer, candidate.labels());
                    return Outcome.ok(candidate.trafficPolicy().map(p -> withSubset.with(p, rule, port)).orElse(withSubset));
                }
            }
        }
        String where = rules.isEmpty() ? "no DestinationRule for " + host + " applies here"
                : "the DestinationRule for " + host + ", " + rules.getFirst().meta().qualifiedName() + ", does not define it";
        return Outcome.failed(at.problem("subset " + subset.get() + " is not defined: " + where));
    }

    private EffectiveTrafficPolicy with(TrafficPolicy policy, DestinationRule rule, PortNumber port) {
        Optional<Layer<ClientTls>> newTls = policy.tls().map(t -> new Layer<>(t, rule)).or(() -> tls);
        Optional<Layer<LoadBalancerSettings>> newLb = policy.loadBalancer().map(l -> new Layer<>(l, rule)).or(() -> loadBalancer);
        for (PortTrafficPolicy level : policy.portLevelSettings()) {
            if (level.port().isPresent() && level.port().getAsInt() == port.value()) {
                Optional<Layer<ClientTls>> before = newTls;
                Optional<Layer<LoadBalancerSettings>> lbBefore = newLb;
                newTls = level.tls().map(t -> new Layer<>(t, rule)).or(() -> before);
                newLb = level.loadBalancer().map(l -> new Layer<>(l, rule)).or(() -> lbBefore);
                break;
            }
        }
        return new EffectiveTrafficPolicy(newTls, newLb, subsetLabels);
    }
}
