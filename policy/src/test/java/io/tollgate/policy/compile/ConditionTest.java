package io.tollgate.policy.compile;

import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Rule;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.Literals.decide;
import static io.tollgate.policy.compile.Literals.mtls;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static io.tollgate.policy.compile.Literals.when;
import static io.tollgate.policy.compile.RuleMatchingTest.FROM_BAR;
import static io.tollgate.policy.compile.RuleMatchingTest.PLAINTEXT;
import static io.tollgate.policy.compile.RuleMatchingTest.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code when} conditions on TCP (istio.io "Authorization Policy Conditions": the keys supported for TCP, with
 * {@code values} and {@code notValues}). FROM_BAR goes from 10.1.2.3 to 10.0.0.100:13306 without SNI.
 */
class ConditionTest {
    static final Connection WITH_SNI = Connection.of(mtls("cluster.local/ns/bar/sa/client"),
            IpAddress.parse("10.1.2.3"), IpAddress.parse("10.0.0.100"), 13306, "db.example.com");

    static RuleMatchingTest.Case c(String name, Rule rule, Connection connection, boolean matches) {
        return new RuleMatchingTest.Case(name, rule, connection, matches);
    }

    static Rule w(String key, List<String> values, List<String> notValues) {
        return rule(when(key, values, notValues));
    }

    static Rule w(String key, String... values) {
        return rule(when(key, values));
    }

    static Stream<RuleMatchingTest.Case> cases() {
        Connection proxied = new Connection(Peer.PLAINTEXT, IpAddress.parse("10.1.2.3"), IpAddress.parse("192.168.7.7"),
                IpAddress.parse("10.0.0.100"), 13306, "");
        return Stream.of(
                c("source.ip", w("source.ip", "10.1.0.0/16"), FROM_BAR, true),
                c("source.ip notValues", w("source.ip", List.of(), List.of("10.0.0.0/8")), FROM_BAR, false),
                c("remote.ip is the proxied client", w("remote.ip", "192.168.7.7"), proxied, true),
                c("source.ip is the socket peer", w("source.ip", "192.168.7.7"), proxied, false),
                c("source.namespace", w("source.namespace", "bar"), FROM_BAR, true),
                c("source.namespace never matches plaintext", w("source.namespace", "bar"), PLAINTEXT, false),
                c("source.namespace notValues always match plaintext", w("source.namespace", List.of(), List.of("bar")),
                        PLAINTEXT, true),
                c("source.principal", w("source.principal", "cluster.local/ns/bar/sa/client"), FROM_BAR, true),
                c("source.principal presence", w("source.principal", "*"), FROM_BAR, true),
                c("source.serviceAccount ns/sa", w("source.serviceAccount", "bar/client"), FROM_BAR, true),
                c("source.trustDomain", w("source.trustDomain", "cluster.local"), FROM_BAR, true),
                c("source.trustDomain that differs", w("source.trustDomain", "other.domain"), FROM_BAR, false),
                c("source.trustDomain with a wildcard", w("source.trustDomain", "cluster.*"), FROM_BAR, true),
                c("destination.ip single address", w("destination.ip", "10.0.0.100"), FROM_BAR, true),
                c("destination.ip CIDR that differs", w("destination.ip", "10.0.1.0/24"), FROM_BAR, false),
                c("destination.port", w("destination.port", "13306"), FROM_BAR, true),
                c("destination.port notValues", w("destination.port", List.of(), List.of("13306")), FROM_BAR, false),
                c("connection.sni exact", w("connection.sni", "db.example.com"), WITH_SNI, true),
                c("connection.sni suffix", w("connection.sni", "*.example.com"), WITH_SNI, true),
                c("connection.sni prefix", w("connection.sni", "db.*"), WITH_SNI, true),
                c("connection.sni presence with SNI", w("connection.sni", "*"), WITH_SNI, true),
                c("connection.sni presence without SNI", w("connection.sni", "*"), FROM_BAR, false),
                c("connection.sni notValues * admits connections without SNI",
                        w("connection.sni", List.of(), List.of("*")), FROM_BAR, true),
                c("values and notValues of one key are ANDed", w("source.namespace", List.of("b*"), List.of("bar")),
                        FROM_BAR, false),
                c("several conditions are ANDed", rule(when("destination.port", "13306"), when("source.ip", "1.1.1.1")),
                        FROM_BAR, false),
                c("conditions are ANDed with from", rule(source("namespaces", List.of("bar")),
                        when("destination.port", "3306")), FROM_BAR, false),
                c("conditions hold across every from entry", rule(source("namespaces", List.of("baz")),
                        source("namespaces", List.of("bar")), when("destination.port", "13306")), FROM_BAR, true),
                // Istio generates a metadata matcher; a connection without Envoy filter metadata never matches it.
                c("experimental.envoy.filters values never match on a Tollgate connection",
                        w("experimental.envoy.filters.network.mysql_proxy[db.table]", "[update]"), FROM_BAR, false),
                c("experimental.envoy.filters notValues always match",
                        w("experimental.envoy.filters.network.mysql_proxy[db.table]", List.of(), List.of("[update]")),
                        FROM_BAR, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conditionMatchesAsDocumented(RuleMatchingTest.Case c) {
        RuleMatchingTest.assertRuleMatches(c);
    }

    // Istio's model.New rejects the whole rule for an unknown key, for every action; validation rejects it first.
    @ParameterizedTest(name = "unknown key in a {0} rule: the rule is skipped")
    @EnumSource(value = AuthorizationPolicy.Action.class,
            names = {"ALLOW", "DENY"})
    void anUnknownKeySkipsTheRule(AuthorizationPolicy.Action action) {
        Verdict verdict = decide(List.of(policy("foo", "p").action(action).rule(w("source.colour", "blue")).build()),
                WORKLOAD, FROM_BAR).verdict();

        assertThat(verdict).isEqualTo(action == AuthorizationPolicy.Action.ALLOW
                ? Verdict.DENY : Verdict.ALLOW);
    }
}
