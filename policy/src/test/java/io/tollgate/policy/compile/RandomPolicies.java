package io.tollgate.policy.compile;

import io.tollgate.testkit.SeededProperty;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

import static io.tollgate.testkit.SeededProperty.oneOf;
import static io.tollgate.policy.compile.Literals.HERE;

/**
 * Seeded generators for policies, workloads and connections drawn from small vocabularies, so that random rules
 * often match random connections, and the edge cases checked before them. Values are ones validation would accept.
 */
final class RandomPolicies {
    static final List<String> NAMESPACES = List.of("foo", "bar", "istio-system");
    private static final List<Map<String, String>> LABELS = List.of(Map.of(), Map.of("app", "db"),
            Map.of("istio", "egressgateway"), Map.of("app", "db", "istio", "egressgateway"));
    private static final IpAddress DESTINATION = IpAddress.parse("10.0.0.100");

    private RandomPolicies() {
    }

    static Workload workload(SplittableRandom random) {
        return new Workload(oneOf(random, NAMESPACES), oneOf(random, LABELS));
    }

    static Connection connection(SplittableRandom random) {
        Peer peer = random.nextBoolean() ? Peer.PLAINTEXT
                : Peer.mtls("spiffe://" + oneOf(random, List.of("cluster.local", "other.td")) + "/ns/"
                        + oneOf(random, List.of("foo", "bar", "baz")) + "/sa/" + oneOf(random, List.of("default", "client")));
        IpAddress source = IpAddress.parse(oneOf(random, List.of("10.1.2.3", "10.9.9.9", "192.168.1.1", "2001:db8::1")));
        return Connection.of(peer, source, DESTINATION, oneOf(random, List.of(3306, 13306, 80)),
                oneOf(random, List.of("", "db.example.com")));
    }

    /** Up to {@code maxSize} policies with unique names, in any namespace of {@link #NAMESPACES}, with any action and mode. */
    static List<AuthorizationPolicy> policyList(SplittableRandom random, int maxSize) {
        return named(listOf(random, maxSize, RandomPolicies::policy));
    }

    static AuthorizationPolicy policy(SplittableRandom random) {
        Optional<WorkloadSelector> selector = oneOf(random, List.of(Optional.empty(),
                Optional.of(new WorkloadSelector(Map.of("app", "db"))),
                Optional.of(new WorkloadSelector(Map.of("istio", "egressgateway")))));
        List<TargetRef> targetRefs = oneOf(random, List.of(List.of(), List.of(),
                List.of(new TargetRef("gateway.networking.k8s.io", "Gateway", "gw", null))));
        Map<String, String> annotations = oneOf(random, List.of(Map.of(), Map.of(),
                Map.of(AuthorizationPolicy.DRY_RUN_ANNOTATION, "true")));
        return new AuthorizationPolicy(new ObjectMeta("unnamed", oneOf(random, NAMESPACES), Map.of(), annotations, HERE),
                selector, targetRefs, oneOf(random, List.of(AuthorizationPolicy.Action.values())),
                listOf(random, 3, RandomPolicies::rule));
    }

    static Rule rule(SplittableRandom random) {
        return new Rule(listOf(random, 2, RandomPolicies::source), listOf(random, 2, RandomPolicies::operation),
                listOf(random, 2, RandomPolicies::condition), HERE);
    }

    /** Up to two distinct values, in any order. */
    private static List<String> some(SplittableRandom random, String... values) {
        List<String> left = new ArrayList<>(List.of(values));
        return IntStream.range(0, random.nextInt(Math.min(2, values.length) + 1))
                .mapToObj(i -> left.remove(random.nextInt(left.size()))).toList();
    }

    private static <T> List<T> listOf(SplittableRandom random, int maxSize, Function<SplittableRandom, T> element) {
        return IntStream.range(0, random.nextInt(maxSize + 1)).mapToObj(i -> element.apply(random)).toList();
    }

    private static Source source(SplittableRandom random) {
        Function<SplittableRandom, List<String>> principals = r -> some(r, "cluster.local/ns/bar/sa/client", "*",
                "cluster.local/ns/foo/*", "*/sa/default", "other.td/ns/baz/sa/default");
        Function<SplittableRandom, List<String>> namespaces = r -> some(r, "foo", "bar", "ba*", "*");
        Function<SplittableRandom, List<String>> ipBlocks =
                r -> some(r, "10.0.0.0/8", "10.1.2.3", "192.168.0.0/16", "2001:db8::/32");
        // Request principals, which TCP cannot see, in one source of four; service accounts in one of two.
        List<String> requestPrincipals = random.nextInt(4) == 0 ? some(random, "*") : List.of();
        List<String> accounts = random.nextBoolean() ? some(random, "bar/client", "foo/default") : List.of();
        return new Source(principals.apply(random), principals.apply(random), requestPrincipals, List.of(),
                namespaces.apply(random), namespaces.apply(random), accounts, List.of(),
                ipBlocks.apply(random), ipBlocks.apply(random), ipBlocks.apply(random), List.of(), HERE);
    }

    private static Operation operation(SplittableRandom random) {
        List<String> ports = some(random, "3306", "13306");
        List<String> notPorts = some(random, "3306", "13306");
        // HTTP methods, which TCP cannot see, in one operation of three.
        List<String> methods = random.nextInt(3) == 0 ? some(random, "GET") : List.of();
        return new Operation(List.of(), List.of(), ports, notPorts, methods, List.of(), List.of(), List.of(), HERE);
    }

    private static Condition condition(SplittableRandom random) {
        return oneOf(random, List.of(
                new Condition("destination.port", List.of("13306"), List.of(), HERE),
                new Condition("connection.sni", List.of("*.example.com"), List.of(), HERE),
                new Condition("source.namespace", List.of(), List.of("foo"), HERE),
                new Condition("source.ip", List.of("10.0.0.0/8"), List.of(), HERE),
                new Condition("request.headers[x-user]", List.of("alice"), List.of(), HERE)));
    }

    /**
     * For every action: a policy without rules (which matches nothing) in the first namespace, and one with a single
     * empty rule (which matches everything) in the root namespace.
     */
    static List<AuthorizationPolicy> edgePolicies() {
        List<AuthorizationPolicy> edges = new ArrayList<>();
        for (AuthorizationPolicy.Action action : AuthorizationPolicy.Action.values()) {
            edges.add(new AuthorizationPolicy(new ObjectMeta("unnamed", "foo", Map.of(), Map.of(), HERE),
                    Optional.empty(), List.of(), action, List.of()));
            edges.add(new AuthorizationPolicy(new ObjectMeta("unnamed", "istio-system", Map.of(), Map.of(), HERE),
                    Optional.empty(), List.of(), action, List.of(new Rule(List.of(), List.of(), List.of(), HERE))));
        }
        return edges;
    }

    /**
     * No policies, each edge policy alone, all of them together, and for every action two policies in one namespace
     * that both match everything (the only way the order policies are given in could show in a decision).
     */
    static List<List<AuthorizationPolicy>> edgePolicyLists() {
        List<List<AuthorizationPolicy>> lists = new ArrayList<>();
        lists.add(List.of());
        edgePolicies().forEach(p -> lists.add(named(List.of(p))));
        lists.add(named(edgePolicies()));
        for (AuthorizationPolicy.Action action : AuthorizationPolicy.Action.values()) {
            AuthorizationPolicy matchesAll = new AuthorizationPolicy(new ObjectMeta("unnamed", "foo", Map.of(), Map.of(), HERE),
                    Optional.empty(), List.of(), action, List.of(new Rule(List.of(), List.of(), List.of(), HERE)));
            lists.add(named(List.of(matchesAll, matchesAll)));
        }
        return lists;
    }

    /** The first and the last of each vocabulary. */
    static List<Workload> edgeWorkloads() {
        return List.of(new Workload("foo", Map.of()), new Workload("istio-system", LABELS.getLast()));
    }

    /** Plaintext with the first values, and mTLS with the last. */
    static List<Connection> edgeConnections() {
        return List.of(Connection.of(Peer.PLAINTEXT, IpAddress.parse("10.1.2.3"), DESTINATION, 3306, ""),
                Connection.of(Peer.mtls("spiffe://other.td/ns/baz/sa/client"), IpAddress.parse("2001:db8::1"),
                        DESTINATION, 80, "db.example.com"));
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
