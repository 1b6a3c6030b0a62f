package io.tollgate.policy.scope;

import io.tollgate.model.networking.DestinationRule;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the DestinationRules that decide how one proxy connects to a host, in Istio's order
 * ({@code PushContext.destinationRule}): the proxy's own namespace, then the namespace of the host's service, then
 * the mesh root namespace; the first namespace with a rule for the host wins. Within a namespace the most specific
 * host wins (exact, then the longest wildcard). Rules of that namespace for that same host are merged as Istio
 * merges them: a rule with a {@code workloadSelector} that selects the proxy comes first and alone; otherwise all of
 * them in load order, the first one's top-level traffic policy and the first definition of each subset winning.
 */
public final class DestinationRuleLookup {
    private final Proxy proxy;
    private final String rootNamespace;
    private final List<DestinationRule> visible;

    public DestinationRuleLookup(Visibility visibility, Proxy proxy) {
        this.proxy = proxy;
        this.rootNamespace = visibility.rootNamespace();
        this.visible = visibility.destinationRules(proxy);
    }

    /**
     * @param host          the destination host, fully qualified, without wildcard
     * @param hostNamespace the namespace of the ServiceEntry or service that defines the host, if known
     * @return the rules that apply, the deciding one first; empty when none does
     */
    public List<DestinationRule> find(String host, Optional<String> hostNamespace) {
        List<DestinationRule> own = inNamespace(proxy.namespace(), host);
        if (!own.isEmpty()) {
            return own;
        }
        if (hostNamespace.isPresent()) {
            List<DestinationRule> ofHost = inNamespace(hostNamespace.get(), host);
            if (!ofHost.isEmpty()) {
                return ofHost;
            }
        }
        return inNamespace(rootNamespace, host);
    }

    private List<DestinationRule> inNamespace(String namespace, String host) {
        List<DestinationRule> candidates = visible.stream()
                .filter(dr -> dr.meta().namespace().equals(namespace))
                .filter(dr -> ServiceHosts.covers(hostOf(dr), host))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Comparator<String> mostSpecificFirst = Comparator.comparing((String h) -> h.startsWith("*"))
                .thenComparing(Comparator.comparingInt(String::length).reversed());
        String best = candidates.stream().map(DestinationRuleLookup::hostOf).min(mostSpecificFirst).orElseThrow();
        List<DestinationRule> forBest = candidates.stream().filter(dr -> hostOf(dr).equals(best)).toList();
        return forBest.stream().filter(dr -> dr.workloadSelector().isPresent()).findFirst()
                .map(List::of).orElse(forBest.stream().filter(dr -> dr.workloadSelector().isEmpty()).toList());
    }

    static String hostOf(DestinationRule dr) {
        return ServiceHosts.fqdn(dr.host(), dr.meta().namespace());
    }
}
