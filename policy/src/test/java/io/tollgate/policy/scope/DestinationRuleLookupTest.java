package io.tollgate.policy.scope;

import io.tollgate.model.networking.DestinationRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tollgate.policy.scope.Literals.destinationRule;
import static io.tollgate.policy.scope.Literals.set;
import static org.assertj.core.api.Assertions.assertThat;

class DestinationRuleLookupTest {
    private static final String HOST = "orders.db.example.com";

    private static List<DestinationRule> find(List<DestinationRule> rules, Proxy proxy, Optional<String> hostNamespace) {
        Visibility visibility = new Visibility(set(List.of(), List.of(), rules, List.of(), List.of()));
        return new DestinationRuleLookup(visibility, proxy).find(HOST, hostNamespace);
    }

    @Test
    void ownNamespaceThenTheHostsThenTheRoot() {
        DestinationRule inApp = destinationRule("app", "in-app", HOST, List.of());
        DestinationRule inDb = destinationRule("db", "in-db", HOST, List.of());
        DestinationRule inRoot = destinationRule("istio-system", "in-root", HOST, List.of());
        List<DestinationRule> all = List.of(inRoot, inDb, inApp);

        assertThat(find(all, Proxy.sidecar("app", Map.of()), Optional.of("db"))).containsExactly(inApp);
        assertThat(find(all, Proxy.sidecar("web", Map.of()), Optional.of("db"))).containsExactly(inDb);
        assertThat(find(all, Proxy.sidecar("web", Map.of()), Optional.empty())).containsExactly(inRoot);
        assertThat(find(List.of(inApp), Proxy.sidecar("web", Map.of()), Optional.of("db"))).isEmpty();
    }

    @Test
    void theMostSpecificHostOfTheNamespaceWinsAndShortNamesResolveInTheRulesNamespace() {
        DestinationRule everything = destinationRule("db", "everything", "*", List.of());
        DestinationRule family = destinationRule("db", "family", "*.db.example.com", List.of());
        DestinationRule narrower = destinationRule("db", "narrower", "*.example.com", List.of());
        assertThat(find(List.of(everything, narrower, family), Proxy.sidecar("db", Map.of()), Optional.empty()))
                .containsExactly(family);

        DestinationRule shortName = destinationRule("istio-system", "gw", "istio-egressgateway", List.of());
        Visibility visibility = new Visibility(set(List.of(), List.of(), List.of(shortName), List.of(), List.of()));
        assertThat(new DestinationRuleLookup(visibility, Proxy.sidecar("app", Map.of()))
                .find("istio-egressgateway.istio-system.svc.cluster.local", Optional.of("istio-system"))).containsExactly(shortName);
    }

    @Test
    void rulesForTheSameHostMergeInLoadOrderUnlessOneSelectsTheWorkload() {
        DestinationRule first = destinationRule("app", "first", HOST, List.of());
        DestinationRule second = destinationRule("app", "second", HOST, List.of());
        DestinationRule selecting = destinationRule("app", "for-web", HOST, Map.of("app", "web"));

        assertThat(find(List.of(first, second, selecting), Proxy.sidecar("app", Map.of("app", "batch")), Optional.empty()))
                .containsExactly(first, second);
        assertThat(find(List.of(first, second, selecting), Proxy.sidecar("app", Map.of("app", "web")), Optional.empty()))
                .containsExactly(selecting);
    }

    @Test
    void aRuleExportedElsewhereIsSkippedEvenInTheHostsNamespace() {
        DestinationRule privateToDb = destinationRule("db", "private", HOST, List.of("."));
        DestinationRule forOps = destinationRule("db", "for-ops", HOST, List.of("ops"));
        DestinationRule inRoot = destinationRule("istio-system", "in-root", HOST, List.of());

        assertThat(find(List.of(privateToDb, forOps, inRoot), Proxy.sidecar("app", Map.of()), Optional.of("db")))
                .containsExactly(inRoot);
        assertThat(find(List.of(privateToDb, forOps, inRoot), Proxy.sidecar("ops", Map.of()), Optional.of("db")))
                .containsExactly(forOps);
        assertThat(find(List.of(privateToDb, forOps, inRoot), Proxy.sidecar("db", Map.of()), Optional.of("db")))
                .containsExactly(privateToDb);
    }
}
