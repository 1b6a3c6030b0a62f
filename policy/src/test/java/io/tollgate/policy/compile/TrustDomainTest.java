package io.tollgate.policy.compile;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Rule;
import io.tollgate.policy.authz.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.Literals.connection;
import static io.tollgate.policy.compile.Literals.engine;
import static io.tollgate.policy.compile.Literals.mesh;
import static io.tollgate.policy.compile.Literals.mtls;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static io.tollgate.policy.compile.Literals.when;
import static io.tollgate.policy.compile.RuleMatchingTest.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust domain aliases (istio.io "Trust Domain Migration" task; Istio {@code trustdomain.Bundle}): a principal that
 * names the mesh trust domain, one of its aliases, or {@code cluster.local} stands for the same identity in every
 * trust domain of the mesh. Other principals are kept as written.
 */
class TrustDomainTest {
    record Case(String name, MeshConfig mesh, Rule rule, String peer, boolean matches) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final MeshConfig MIGRATING = mesh("new-td", "old-td");

    static Rule principal(String value) {
        return rule(source("principals", List.of(value)));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("default mesh: cluster.local principal matches a cluster.local peer",
                        MeshConfig.DEFAULT, principal("cluster.local/ns/bar/sa/client"), "cluster.local/ns/bar/sa/client", true),
                new Case("default mesh: a principal of another trust domain is not rewritten",
                        MeshConfig.DEFAULT, principal("cluster.local/ns/bar/sa/client"), "other-td/ns/bar/sa/client", false),
                new Case("an alias in the policy matches a peer of the mesh trust domain",
                        MIGRATING, principal("old-td/ns/bar/sa/client"), "new-td/ns/bar/sa/client", true),
                new Case("the mesh trust domain in the policy matches a peer of an alias",
                        MIGRATING, principal("new-td/ns/bar/sa/client"), "old-td/ns/bar/sa/client", true),
                new Case("cluster.local in the policy stands for every trust domain of the mesh",
                        MIGRATING, principal("cluster.local/ns/bar/sa/client"), "old-td/ns/bar/sa/client", true),
                new Case("cluster.local in the policy no longer matches cluster.local peers when it is not in the mesh",
                        MIGRATING, principal("cluster.local/ns/bar/sa/client"), "cluster.local/ns/bar/sa/client", false),
                new Case("a trust domain outside the mesh is kept as written",
                        MIGRATING, principal("foreign-td/ns/bar/sa/client"), "new-td/ns/bar/sa/client", false),
                new Case("a trust domain outside the mesh still matches its own peers",
                        MIGRATING, principal("foreign-td/ns/bar/sa/client"), "foreign-td/ns/bar/sa/client", true),
                new Case("the rewrite keeps the rest of the principal: another service account does not match",
                        MIGRATING, principal("old-td/ns/bar/sa/client"), "new-td/ns/bar/sa/other", false),
                new Case("a principal with trust domain * matches any trust domain",
                        MIGRATING, principal("*/ns/bar/sa/client"), "foreign-td/ns/bar/sa/client", true),
                new Case("a prefix pattern principal is rewritten per trust domain",
                        MIGRATING, principal("old-td/ns/bar/sa/*"), "new-td/ns/bar/sa/anyone", true),
                new Case("a principal that is not five segments is kept as written",
                        MIGRATING, principal("old-td/ns/bar/*"), "new-td/ns/bar/sa/anyone", false),
                new Case("notPrincipals are rewritten too",
                        MIGRATING, rule(source("notPrincipals", List.of("old-td/ns/bar/sa/client"))),
                        "new-td/ns/bar/sa/client", false),
                new Case("when source.principal is rewritten too",
                        MIGRATING, rule(when("source.principal", "old-td/ns/bar/sa/client")), "new-td/ns/bar/sa/client", true),
                new Case("when source.trustDomain naming an alias matches every trust domain of the mesh",
                        MIGRATING, rule(when("source.trustDomain", "old-td")), "new-td/ns/bar/sa/client", true),
                new Case("namespaces ignore trust domains altogether",
                        MIGRATING, rule(source("namespaces", List.of("bar"))), "foreign-td/ns/bar/sa/client", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aliasesApplyAsIstioDocuments(Case c) {
        AuthorizationPolicy allow = policy("foo", "a").rule(c.rule()).build();

        Verdict verdict = engine(c.mesh(), allow).decide(WORKLOAD, connection(mtls(c.peer()))).verdict();

        assertThat(verdict).isEqualTo(c.matches() ? Verdict.ALLOW : Verdict.DENY);
    }
}
