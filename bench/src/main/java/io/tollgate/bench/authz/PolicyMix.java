package io.tollgate.bench.authz;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Operation;
import io.tollgate.model.security.Rule;
import io.tollgate.model.security.Source;
import io.tollgate.model.security.WorkloadSelector;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A reproducible, realistic configuration for the benchmark: {@code count} policies spread over 1,000 namespaces,
 * mixing actions (ALLOW 70%, DENY 25%, AUDIT 5%), selectors, namespaces, principals, ipBlocks and ports, with 2% in
 * the root namespace selecting by label in every namespace. Plus one fixed namespace, {@link #TARGET_NAMESPACE}, whose
 * policies are the same whatever {@code count} is, so that its workload shows the cost of policies that cannot apply.
 */
final class PolicyMix {
    static final int NAMESPACES = 1000;
    static final int APPS = 20;
    static final String ROOT = "istio-system";
    static final String TARGET_NAMESPACE = "bench-target";
    static final Workload TARGET = new Workload(TARGET_NAMESPACE, Map.of("app", "target"));
    private static final SourceLocation GENERATED = new SourceLocation("generated", 0);

    private final Random random;

    PolicyMix(long seed) {
        this.random = new Random(seed);
    }

    List<AuthorizationPolicy> policies(int count) {
        List<AuthorizationPolicy> policies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean root = random.nextInt(100) < 2;
            String namespace = root ? ROOT : namespace(random.nextInt(NAMESPACES));
            Optional<WorkloadSelector> selector = root || random.nextBoolean()
                    ? Optional.of(new WorkloadSelector(Map.of("app", app(random.nextInt(APPS))))) : Optional.empty();
            int roll = random.nextInt(100);
            AuthorizationPolicy.Action action = roll < 70 ? AuthorizationPolicy.Action.ALLOW
                    : roll < 95 ? AuthorizationPolicy.Action.DENY : AuthorizationPolicy.Action.AUDIT;
            List<Rule> rules = new ArrayList<>();
            for (int r = 1 + random.nextInt(3); r > 0; r--) {
                rules.add(rule());
            }
            policies.add(policy(namespace, "p-" + i, selector, action, rules));
        }
        policies.addAll(targetPolicies());
        return policies;
    }

    /** Two DENY and two ALLOW policies on the target workload, the same in every configuration. */
    private List<AuthorizationPolicy> targetPolicies() {
        Operation db = operation(List.of("3306"));
        return List.of(
                policy(TARGET_NAMESPACE, "deny-quarantine", Optional.empty(), AuthorizationPolicy.Action.DENY,
                        List.of(new Rule(List.of(source(List.of(), List.of("quarantine", "ns-9*"), List.of())), List.of(),
                                List.of(), GENERATED))),
                policy(TARGET_NAMESPACE, "deny-outside", Optional.empty(), AuthorizationPolicy.Action.DENY,
                        List.of(new Rule(List.of(source(List.of(), List.of(), List.of("192.168.0.0/16"))), List.of(),
                                List.of(), GENERATED))),
                policy(TARGET_NAMESPACE, "allow-clients", Optional.of(new WorkloadSelector(Map.of("app", "target"))),
                        AuthorizationPolicy.Action.ALLOW, List.of(
                                new Rule(List.of(source(List.of("cluster.local/ns/ns-1/sa/sa-1", "cluster.local/ns/ns-2/*"),
                                        List.of(), List.of())), List.of(db), List.of(), GENERATED),
                                new Rule(List.of(source(List.of(), List.of("ns-1*", "ns-5*"), List.of())), List.of(db),
                                        List.of(), GENERATED))),
                policy(TARGET_NAMESPACE, "allow-office", Optional.empty(), AuthorizationPolicy.Action.ALLOW,
                        List.of(new Rule(List.of(source(List.of(), List.of(), List.of("10.10.0.0/16"))), List.of(),
                                List.of(), GENERATED))));
    }

    private Rule rule() {
        List<Source> from = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> from.add(source(List.of(), List.of(namespace(random.nextInt(NAMESPACES)),
                    namespace(random.nextInt(NAMESPACES))), List.of()));
            case 1 -> from.add(source(List.of(principal(random.nextInt(NAMESPACES), random.nextInt(5))), List.of(), List.of()));
            case 2 -> from.add(source(List.of(), List.of(), List.of("10." + random.nextInt(256) + ".0.0/16")));
            default -> from.add(source(List.of(), List.of("ns-" + random.nextInt(10) + "*"), List.of()));
        }
        List<Operation> to = random.nextBoolean() ? List.of(operation(List.of(random.nextBoolean() ? "3306" : "5432")))
                : List.of();
        return new Rule(from, to, List.of(), GENERATED);
    }

    /** Workloads in random namespaces, with one of the labels the selectors use. */
    List<Workload> workloads(int count) {
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workloads.add(new Workload(namespace(random.nextInt(NAMESPACES)), Map.of("app", app(random.nextInt(APPS)))));
        }
        return workloads;
    }

    /** Connections from mesh peers in random namespaces (one in eight plaintext), to the database ports. */
    List<Connection> connections(int count) {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Peer peer = random.nextInt(8) == 0 ? Peer.PLAINTEXT
                    : Peer.mtls("spiffe://" + principal(random.nextInt(NAMESPACES), random.nextInt(5)));
            IpAddress source = IpAddress.parse("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(250)));
            int port = random.nextBoolean() ? 3306 : 5432;
            connections.add(Connection.of(peer, source, IpAddress.parse("10.96.0.20"), port, ""));
        }
        return connections;
    }

    private static String namespace(int n) {
        return "ns-" + n;
    }

    private static String app(int n) {
        return "svc-" + n;
    }

    private static String principal(int namespace, int account) {
        return "cluster.local/ns/" + namespace(namespace) + "/sa/sa-" + account;
    }

    private static Source source(List<String> principals, List<String> namespaces, List<String> ipBlocks) {
        return new Source(principals, List.of(), List.of(), List.of(), namespaces, List.of(), List.of(), List.of(),
                ipBlocks, List.of(), List.of(), List.of(), GENERATED);
    }

    private static Operation operation(List<String> ports) {
        return new Operation(List.of(), List.of(), ports, List.of(), List.of(), List.of(), List.of(), List.of(), GENERATED);
    }

    private static AuthorizationPolicy policy(String namespace, String name, Optional<WorkloadSelector> selector,
                                              AuthorizationPolicy.Action action, List<Rule> rules) {
        return new AuthorizationPolicy(new ObjectMeta(name, namespace, Map.of(), Map.of(), GENERATED), selector,
                List.of(), action, rules);
    }
}
