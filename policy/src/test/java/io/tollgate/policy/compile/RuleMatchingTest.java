package io.tollgate.policy.compile;

import io.tollgate.model.security.Rule;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.Verdict;
import io.tollgate.policy.authz.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.Literals.connection;
import static io.tollgate.policy.compile.Literals.decide;
import static io.tollgate.policy.compile.Literals.mtls;
import static io.tollgate.policy.compile.Literals.operation;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static io.tollgate.policy.compile.Literals.workload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rule's {@code from} and {@code to} match on TCP (istio.io AuthorizationPolicy reference: Rule, Source,
 * Operation). Each case states whether the rule matches; the test checks it both ways: an ALLOW policy with the rule
 * allows exactly when it matches, a DENY policy denies exactly when it matches.
 */
class RuleMatchingTest {
    static final Workload WORKLOAD = workload("foo", "app=db");
    static final Peer BAR_CLIENT = mtls("cluster.local/ns/bar/sa/client");
    static final Connection FROM_BAR = connection(BAR_CLIENT);
    static final Connection PLAINTEXT = connection(Peer.PLAINTEXT);

    record Case(String name, Rule rule, Connection connection, boolean matches) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, Rule rule, Connection connection, boolean matches) {
        return new Case(name, rule, connection, matches);
    }

    static Rule from(Object... fieldsAndValues) {
        return rule(source(fieldsAndValues));
    }

    static Connection fromIp(String sourceIp) {
        return connection(BAR_CLIENT, sourceIp, 13306);
    }

    static Stream<Case> principals() {
        return Stream.of(
                c("a principal matches the peer's SPIFFE ID without spiffe://",
                        from("principals", List.of("cluster.local/ns/bar/sa/client")), FROM_BAR, true),
                c("a principal is exact, not a prefix", from("principals", List.of("cluster.local/ns/bar/sa/cli")), FROM_BAR, false),
                c("a principal written with spiffe:// never matches", from("principals",
                        List.of("spiffe://cluster.local/ns/bar/sa/client")), FROM_BAR, false),
                c("principal prefix abc*", from("principals", List.of("cluster.local/ns/bar/*")), FROM_BAR, true),
                c("principal suffix *abc", from("principals", List.of("*/sa/client")), FROM_BAR, true),
                c("principal suffix that differs", from("principals", List.of("*/sa/other")), FROM_BAR, false),
                c("a * inside a principal is a literal character", from("principals",
                        List.of("cluster.local/ns/*/sa/client")), FROM_BAR, false),
                c("principal presence * matches any mTLS peer", from("principals", List.of("*")), FROM_BAR, true),
                c("principal presence * does not match a plaintext peer", from("principals", List.of("*")), PLAINTEXT, false),
                c("notPrincipals * admits only plaintext peers", from("notPrincipals", List.of("*")), PLAINTEXT, true),
                c("notPrincipals * excludes mTLS peers", from("notPrincipals", List.of("*")), FROM_BAR, false),
                c("a principal never matches a plaintext peer", from("principals",
                        List.of("cluster.local/ns/bar/sa/client")), PLAINTEXT, false));
    }

    static Stream<Case> namespaces() {
        return Stream.of(
                c("namespaces match the namespace in the peer's principal", from("namespaces", List.of("bar")), FROM_BAR, true),
                c("a namespace is exact", from("namespaces", List.of("ba")), FROM_BAR, false),
                c("namespace prefix ba*", from("namespaces", List.of("ba*")), FROM_BAR, true),
                c("namespace suffix *ar", from("namespaces", List.of("*ar")), FROM_BAR, true),
                c("namespace presence * matches an mTLS peer", from("namespaces", List.of("*")), FROM_BAR, true),
                c("a plaintext peer has no namespace: namespaces never match it",
                        from("namespaces", List.of("bar")), PLAINTEXT, false),
                c("a plaintext peer has no namespace: notNamespaces always match it",
                        from("notNamespaces", List.of("bar")), PLAINTEXT, true),
                c("notNamespaces excludes the named namespace", from("notNamespaces", List.of("bar")), FROM_BAR, false),
                c("namespaces ignore the trust domain", from("namespaces", List.of("bar")),
                        connection(mtls("other.domain/ns/bar/sa/client")), true),
                // Istio's regex .*/ns/*a/.* lets the * run over "/": namespace foo's principal contains "/ns/foo/sa/".
                c("Istio quirk: namespace *a matches namespace foo through its /sa/ segment",
                        from("namespaces", List.of("*a")), connection(mtls("cluster.local/ns/foo/sa/x")), true),
                c("several namespaces are ORed", from("namespaces", List.of("baz", "bar")), FROM_BAR, true),
                c("namespaces and notNamespaces are ANDed", from("namespaces", List.of("ba*"), "notNamespaces",
                        List.of("bar")), FROM_BAR, false));
    }

    static Stream<Case> serviceAccounts() {
        return Stream.of(
                c("serviceAccounts ns/sa matches the peer's namespace and service account",
                        from("serviceAccounts", List.of("bar/client")), FROM_BAR, true),
                c("serviceAccounts is exact", from("serviceAccounts", List.of("bar/cli")), FROM_BAR, false),
                c("a bare service account is in the policy's namespace (foo here)",
                        from("serviceAccounts", List.of("client")), FROM_BAR, false),
                c("a bare service account matches a peer in the policy's namespace",
                        from("serviceAccounts", List.of("client")), connection(mtls("cluster.local/ns/foo/sa/client")), true),
                c("serviceAccounts ignore the trust domain", from("serviceAccounts", List.of("bar/client")),
                        connection(mtls("elsewhere.org/ns/bar/sa/client")), true),
                c("notServiceAccounts excludes", from("notServiceAccounts", List.of("bar/client")), FROM_BAR, false),
                c("serviceAccounts never match plaintext", from("serviceAccounts", List.of("bar/client")), PLAINTEXT, false));
    }

    static Stream<Case> addresses() {
        Connection proxied = new Connection(BAR_CLIENT, IpAddress.parse("10.1.2.3"), IpAddress.parse("192.168.7.7"),
                IpAddress.parse("10.0.0.100"), 13306, "");
        return Stream.of(
                c("ipBlocks CIDR contains the source address", from("ipBlocks", List.of("10.1.0.0/16")), FROM_BAR, true),
                c("ipBlocks single address", from("ipBlocks", List.of("10.1.2.3")), FROM_BAR, true),
                c("ipBlocks single address that differs", from("ipBlocks", List.of("10.1.2.4")), FROM_BAR, false),
                c("ipBlocks with host bits set are masked, as Envoy does", from("ipBlocks", List.of("10.1.99.99/16")),
                        FROM_BAR, true),
                c("notIpBlocks excludes", from("notIpBlocks", List.of("10.0.0.0/8")), FROM_BAR, false),
                c("ipBlocks need no identity: they match plaintext peers", from("ipBlocks", List.of("10.0.0.0/8")),
                        PLAINTEXT, true),
                c("IPv6 block contains an IPv6 source", from("ipBlocks", List.of("2001:db8::/32")), fromIp("2001:db8::5"), true),
                c("IPv6 single address", from("ipBlocks", List.of("2001:db8::5")), fromIp("2001:db8:0:0::5"), true),
                c("an IPv6 block never contains an IPv4 source", from("ipBlocks", List.of("::/0")), FROM_BAR, false),
                c("an IPv4 block never contains an IPv6 source", from("ipBlocks", List.of("0.0.0.0/0")), fromIp("::1"), false),
                c("ipBlocks test the socket peer, not the proxied client", from("ipBlocks", List.of("192.168.0.0/16")),
                        proxied, false),
                c("remoteIpBlocks test the proxied client", from("remoteIpBlocks", List.of("192.168.0.0/16")), proxied, true),
                c("remoteIpBlocks test the source when nothing was proxied", from("remoteIpBlocks", List.of("10.1.2.3")),
                        FROM_BAR, true),
                c("notRemoteIpBlocks excludes", from("notRemoteIpBlocks", List.of("192.168.0.0/16")), proxied, false));
    }

    static Stream<Case> portsAndCombinations() {
        return Stream.of(
                c("ports match the destination port", rule(operation("ports", List.of("13306"))), FROM_BAR, true),
                c("ports that differ", rule(operation("ports", List.of("3306"))), FROM_BAR, false),
                c("notPorts excludes", rule(operation("notPorts", List.of("13306"))), FROM_BAR, false),
                c("to entries are ORed", rule(operation("ports", List.of("1")), operation("ports", List.of("13306"))),
                        FROM_BAR, true),
                c("fields of one source are ANDed", from("namespaces", List.of("bar"), "ipBlocks",
                        List.of("192.168.0.0/16")), FROM_BAR, false),
                c("from entries are ORed", rule(source("namespaces", List.of("baz")),
                        source("ipBlocks", List.of("10.0.0.0/8"))), FROM_BAR, true),
                c("from and to are ANDed", rule(source("namespaces", List.of("bar")),
                        operation("ports", List.of("3306"))), FROM_BAR, false),
                c("from and to both matching", rule(source("namespaces", List.of("bar")),
                        operation("ports", List.of("13306"))), FROM_BAR, true),
                c("an empty source matches anything", rule(source()), PLAINTEXT, true),
                c("an empty rule matches anything", rule(), PLAINTEXT, true));
    }

    static Stream<Case> cases() {
        return Stream.of(principals(), namespaces(), serviceAccounts(), addresses(), portsAndCombinations())
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesAsDocumented(Case c) {
        assertRuleMatches(c);
    }

    static void assertRuleMatches(Case c) {
        Verdict asAllow = decide(List.of(policy("foo", "allow").allow().rule(c.rule()).build()), WORKLOAD, c.connection())
                .verdict();
        Verdict asDeny = decide(List.of(policy("foo", "deny").deny().rule(c.rule()).build()), WORKLOAD, c.connection())
                .verdict();

        assertThat(asAllow).as("as ALLOW").isEqualTo(c.matches() ? Verdict.ALLOW : Verdict.DENY);
        assertThat(asDeny).as("as DENY").isEqualTo(c.matches() ? Verdict.DENY : Verdict.ALLOW);
    }
}
