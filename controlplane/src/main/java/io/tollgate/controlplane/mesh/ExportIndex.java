package io.tollgate.controlplane.mesh;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One configuration's ServiceEntries, DestinationRules and VirtualServices by who may see them ({@code exportTo}),
 * so that a proxy's scope is computed from what its namespace can see at all instead of from every resource: a
 * hundred sidecars connecting at once would otherwise test 20,000 resources each, while namespace-local exports
 * leave each a few dozen; a gateway would test every ServiceEntry against every host its routes send to.
 *
 * <p>The candidates of a namespace are exactly the resources of those kinds that
 * {@link io.tollgate.policy.scope.Exports#visible} lets it see, in load order, plus every Gateway and
 * AuthorizationPolicy (which have no exportTo). Both scopes ({@link io.tollgate.policy.scope.ProxyScope}) look at
 * those kinds only through that same exportTo test first, and at Gateways and policies whole, so the scope of the
 * candidates equals the scope of the whole set. Namespaces are left out: no scope includes them. Immutable.
 */
final class ExportIndex {
    private final ResourceSet resources;
    private final Audience<ServiceEntry> entries;
    private final Audience<DestinationRule> rules;
    private final Audience<VirtualService> routes;

    private ExportIndex(ResourceSet resources) {
        this.resources = resources;
        this.entries = new Audience<>(resources.serviceEntries(), se -> se.meta().namespace(), ServiceEntry::exportTo);
        this.rules = new Audience<>(resources.destinationRules(), dr -> dr.meta().namespace(), DestinationRule::exportTo);
        this.routes = new Audience<>(resources.virtualServices(), vs -> vs.meta().namespace(), VirtualService::exportTo);
    }

    static ExportIndex of(ResourceSet resources) {
        return new ExportIndex(resources);
    }

    /** What a proxy in {@code namespace} may see at all, in load order; mesh config, Gateways and policies as in the set. */
    ResourceSet visibleTo(String namespace) {
        return new ResourceSet(resources.mesh(), List.of(), entries.visibleTo(namespace), resources.gateways(),
                rules.visibleTo(namespace), routes.visibleTo(namespace), resources.authorizationPolicies());
    }

    /** One kind's resources: positions seen by everyone, and positions seen by a named namespace only. */
    private static final class Audience<T> {
        private final List<T> all;
        private final int[] everyone;
        private final Map<String, int[]> byNamespace;

        Audience(List<T> all, Function<T, String> owner, Function<T, List<String>> exportTo) {
            this.all = all;
            List<Integer> open = new ArrayList<>();
            Map<String, List<Integer>> named = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                List<String> to = exportTo.apply(all.get(i));
                if (to.isEmpty() || to.contains("*")) {
                    open.add(i);
                    continue;
                }
                for (String entry : to) {
                    String namespace = switch (entry) {
                        case "." -> owner.apply(all.get(i));
                        case "~" -> null; // no one
                        default -> entry;
                    };
                    if (namespace != null) {
                        List<Integer> positions = named.computeIfAbsent(namespace, n -> new ArrayList<>());
                        if (positions.isEmpty() || positions.getLast() != i) { // [".", "a"] in namespace a: once
                            positions.add(i);
                        }
                    }
                }
            }
            this.everyone = open.stream().mapToInt(Integer::intValue).toArray();
            Map<String, int[]> byNamespace = HashMap.newHashMap(named.size());
            named.forEach((namespace, positions) -> byNamespace.put(namespace, positions.stream().mapToInt(Integer::intValue).toArray()));
            this.byNamespace = byNamespace;
        }

        /** Both position lists merged (each ascending, no position in both): load order kept. */
        List<T> visibleTo(String namespace) {
            int[] own = byNamespace.getOrDefault(namespace, new int[0]);
            List<T> out = new ArrayList<>(everyone.length + own.length);
            int i = 0;
            int j = 0;
            while (i < everyone.length || j < own.length) {
                if (j == own.length || i < everyone.length && everyone[i] < own[j]) {
                    out.add(all.get(everyone[i++]));
                } else {
                    out.add(all.get(own[j++]));
                }
            }
            return out;
        }
    }
}
