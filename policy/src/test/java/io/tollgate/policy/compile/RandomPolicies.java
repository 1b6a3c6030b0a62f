package io.tollgate.policy.compile;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Condition;
import io.tollgate.model.security.Operation;
import io.tollgate.model.security.Rule;
import io.tollgate.model.security.Source;
import io.tollgate.model.security.TargetRef;
import io.tollgate.model.security.WorkloadSelector;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.Workload;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.tollgate.policy.compile.Literals.HERE;

/**
 * jqwik generators for policies, workloads and connections drawn from small vocabularies, so that random rules
 * often match random connections. Values are ones validation would accept.
 */
final class RandomPolicies {
    static final List<String> NAMESPACES = List.of("foo", "bar", "istio-system");

    private RandomPolicies() {
    }

    static Arbitrary<Workload> workloads() {
        Arbitrary<Map<String, String>> labels = Arbitraries.of(Map.of(), Map.of("app", "db"),
                Map.of("istio", "egressgateway"), Map.of("app", "db", "istio", "egressgateway"));
        return Combinators.combine(Arbitraries.of(NAMESPACES), labels).as(Workload::new);
    }

    static Arbitrary<Connection> connections() {
        Arbitrary<Peer> peers = Arbitraries.oneOf(Arbitraries.just(Peer.PLAINTEXT),
                Combinators.combine(Arbitraries.of("cluster.local", "other.td"), Arbitraries.of("foo", "bar", "baz"),
                        Arbitraries.of("default", "client")).as((td, ns, sa) -> Peer.mtls("spiffe://" + td + "/ns/" + ns + "/sa/" + sa)));
        Arbitrary<IpAddress> sources = Arbitraries.of("10.1.2.3", "10.9.9.9", "192.168.1.1", "2001:db8::1").map(IpAddress::parse);
        return Combinators.combine(peers, sources, Arbitraries.of(3306, 13306, 80), Arbitraries.of("", "db.example.com"))
                .as((peer, source, port, sni) -> Connection.of(peer, source, IpAddress.parse("10.0.0.100"), port, sni));
    }

    /** Policies with unique names, in any namespace of {@link #NAMESPACES}, with any action and mode. */
    static Arbitrary<List<AuthorizationPolicy>> policyLists(int maxSize) {
        return policies().list().ofMaxSize(maxSize).map(RandomPolicies::named);
    }

    static Arbitrary<AuthorizationPolicy> policies() {
        Arbitrary<Optional<WorkloadSelector>> selectors = Arbitraries.of(Optional.empty(),
                Optional.of(new WorkloadSelector(Map.of("app", "db"))),
                Optional.of(new WorkloadSelector(Map.of("istio", "egressgateway"))));
        Arbitrary<List<TargetRef>> targetRefs = Arbitraries.of(List.of(), List.of(),
                List.of(new TargetRef("gateway.networking.k8s.io", "Gateway", "gw", null)));
        Arbitrary<Map<String, String>> annotations = Arbitraries.of(Map.of(), Map.of(),
                Map.of(AuthorizationPolicy.DRY_RUN_ANNOTATION, "true"));
        return Combinators.combine(Arbitraries.of(NAMESPACES), selectors, targetRefs, annotations,
                        Arbitraries.of(AuthorizationPolicy.Action.class), rules().list().ofMaxSize(3))
                .as((ns, selector, refs, annotations2, action, rules) -> new AuthorizationPolicy(
                        new ObjectMeta("unnamed", ns, Map.of(), annotations2, HERE), selector, refs, action, rules));
    }

    static Arbitrary<Rule> rules() {
        return Combinators.combine(sources().list().ofMaxSize(2), operations().list().ofMaxSize(2),
                conditions().list().ofMaxSize(2)).as((from, to, when) -> new Rule(from, to, when, HERE));
    }

    private static Arbitrary<List<String>> some(String... values) {
        return Arbitraries.of(values).list().ofMaxSize(2).uniqueElements();
    }

    private static Arbitrary<Source> sources() {
        Arbitrary<List<String>> principals = some("cluster.local/ns/bar/sa/client", "*", "cluster.local/ns/foo/*",
                "*/sa/default", "other.td/ns/baz/sa/default");
        Arbitrary<List<String>> namespaces = some("foo", "bar", "ba*", "*");
        Arbitrary<List<String>> ipBlocks = some("10.0.0.0/8", "10.1.2.3", "192.168.0.0/16", "2001:db8::/32");
        Arbitrary<List<String>> accounts = some("bar/client", "foo/default");
        Arbitrary<List<String>> none = Arbitraries.just(List.of());
        Arbitrary<List<String>> requestPrincipals = Arbitraries.oneOf(none, none, none, some("*"));
        return Combinators.combine(List.of(principals, principals, requestPrincipals, namespaces, namespaces,
                        Arbitraries.oneOf(none, accounts), ipBlocks, ipBlocks, ipBlocks))
                .as(f -> new Source(f.get(0), f.get(1), f.get(2), List.of(), f.get(3), f.get(4), f.get(5), List.of(),
                        f.get(6), f.get(7), f.get(8), List.of(), HERE));
    }

    private static Arbitrary<Operation> operations() {
        Arbitrary<List<String>> ports = some("3306", "13306");
        Arbitrary<List<String>> methods = Arbitraries.oneOf(Arbitraries.just(List.<String>of()),
                Arbitraries.just(List.<String>of()), some("GET"));
        return Combinators.combine(ports, ports, methods)
                .as((p, notP, m) -> new Operation(List.of(), List.of(), p, notP, m, List.of(), List.of(), List.of(), HERE));
    }

    private static Arbitrary<Condition> conditions() {
        return Arbitraries.of(
                new Condition("destination.port", List.of("13306"), List.of(), HERE),
                new Condition("connection.sni", List.of("*.example.com"), List.of(), HERE),
                new Condition("source.namespace", List.of(), List.of("foo"), HERE),
                new Condition("source.ip", List.of("10.0.0.0/8"), List.of(), HERE),
                new Condition("request.headers[x-user]", List.of("alice"), List.of(), HERE));
    }

    /** Gives every policy a unique name, keeping the rest. */
    static List<AuthorizationPolicy> named(List<AuthorizationPolicy> policies) {
        return IntStream.range(0, policies.size())
                .mapToObj(i -> rename(policies.get(i), "p" + i)).toList();
    }

    static AuthorizationPolicy rename(AuthorizationPolicy p, String name) {
        ObjectMeta m = p.meta();
        return new AuthorizationPolicy(new ObjectMeta(name, m.namespace(), m.labels(), m.annotations(), m.location()),
                p.selector(), p.targetRefs(), p.action(), p.rules());
    }

    static AuthorizationPolicy withAnnotation(AuthorizationPolicy p, String key, String value) {
        Map<String, String> annotations = new HashMap<>(p.meta().annotations());
        annotations.put(key, value);
        ObjectMeta m = p.meta();
        return new AuthorizationPolicy(new ObjectMeta(m.name(), m.namespace(), m.labels(), annotations, m.location()),
                p.selector(), p.targetRefs(), p.action(), p.rules());
    }

    static AuthorizationPolicy withAction(AuthorizationPolicy p, AuthorizationPolicy.Action action) {
        return new AuthorizationPolicy(p.meta(), p.selector(), p.targetRefs(), action, p.rules());
    }

    static AuthorizationPolicy inNamespace(AuthorizationPolicy p, String namespace) {
        ObjectMeta m = p.meta();
        return new AuthorizationPolicy(new ObjectMeta(m.name(), namespace, m.labels(), m.annotations(), m.location()),
                p.selector(), p.targetRefs(), p.action(), p.rules());
    }

    static AuthorizationPolicy withSelector(AuthorizationPolicy p, Map<String, String> labels) {
        return new AuthorizationPolicy(p.meta(), Optional.of(new WorkloadSelector(labels)), List.of(), p.action(), p.rules());
    }
}
