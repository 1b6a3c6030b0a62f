package io.tollgate.policy.compile;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Condition;
import io.tollgate.model.security.Operation;
import io.tollgate.model.security.Rule;
import io.tollgate.model.security.Source;
import io.tollgate.model.security.TargetRef;
import io.tollgate.model.security.WorkloadSelector;
import io.tollgate.policy.authz.AuthorizationEngine;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Model records and connections written as short literals, so that each test reads like the YAML it stands for. */
final class Literals {
    static final SourceLocation HERE = new SourceLocation("literal.yaml", 1);

    private Literals() {
    }

    static PolicyLiteral policy(String namespace, String name) {
        return new PolicyLiteral(namespace, name);
    }

    static Rule rule(Object... parts) {
        List<Source> from = new ArrayList<>();
        List<Operation> to = new ArrayList<>();
        List<Condition> when = new ArrayList<>();
        for (Object part : parts) {
            switch (part) {
                case Source s -> from.add(s);
                case Operation o -> to.add(o);
                case Condition c -> when.add(c);
                default -> throw new IllegalArgumentException("not a rule part: " + part);
            }
        }
        return new Rule(from, to, when, HERE);
    }

    /** {@code source("namespaces", List.of("a"), "notIpBlocks", List.of("10.0.0.0/8"))}. */
    static Source source(Object... fieldsAndValues) {
        Map<String, List<String>> f = fields(fieldsAndValues);
        return new Source(get(f, "principals"), get(f, "notPrincipals"), get(f, "requestPrincipals"),
                get(f, "notRequestPrincipals"), get(f, "namespaces"), get(f, "notNamespaces"),
                get(f, "serviceAccounts"), get(f, "notServiceAccounts"), get(f, "ipBlocks"), get(f, "notIpBlocks"),
                get(f, "remoteIpBlocks"), get(f, "notRemoteIpBlocks"), HERE);
    }

    static Operation operation(Object... fieldsAndValues) {
        Map<String, List<String>> f = fields(fieldsAndValues);
        return new Operation(get(f, "hosts"), get(f, "notHosts"), get(f, "ports"), get(f, "notPorts"),
                get(f, "methods"), get(f, "notMethods"), get(f, "paths"), get(f, "notPaths"), HERE);
    }

    static Condition when(String key, List<String> values, List<String> notValues) {
        return new Condition(key, values, notValues, HERE);
    }

    static Condition when(String key, String... values) {
        return when(key, List.of(values), List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> fields(Object... fieldsAndValues) {
        Map<String, List<String>> fields = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], (List<String>) fieldsAndValues[i + 1]);
        }
        return fields;
    }

    private static List<String> get(Map<String, List<String>> fields, String name) {
        return fields.getOrDefault(name, List.of());
    }

    static Workload workload(String namespace, String... labelPairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : labelPairs) {
            String[] kv = pair.split("=", 2);
            labels.put(kv[0], kv[1]);
        }
        return new Workload(namespace, labels);
    }

    static Peer mtls(String principal) {
        return Peer.mtls(principal.startsWith("spiffe://") ? principal : "spiffe://" + principal);
    }

    /** A connection from {@code peer} at {@code sourceIp} to 10.0.0.100 on {@code port}, no SNI. */
    static Connection connection(Peer peer, String sourceIp, int port) {
        return Connection.of(peer, IpAddress.parse(sourceIp), IpAddress.parse("10.0.0.100"), port, "");
    }

    static Connection connection(Peer peer) {
        return connection(peer, "10.1.2.3", 13306);
    }

    static AuthorizationEngine engine(MeshConfig mesh, AuthorizationPolicy... policies) {
        return new PolicyCompiler(mesh).compile(List.of(policies)).engine();
    }

    static AuthorizationEngine engine(AuthorizationPolicy... policies) {
        return engine(MeshConfig.DEFAULT, policies);
    }

    static Decision decide(List<AuthorizationPolicy> policies, Workload workload, Connection connection) {
        return new PolicyCompiler(MeshConfig.DEFAULT).compile(policies).engine().decide(workload, connection);
    }

    static MeshConfig mesh(String trustDomain, String... aliases) {
        return new MeshConfig("istio-system", trustDomain, List.of(aliases),
                MeshConfig.OutboundTrafficPolicy.ALLOW_ANY, SourceLocation.UNKNOWN);
    }

    static final class PolicyLiteral {
        private final String namespace;
        private final String name;
        private AuthorizationPolicy.Action action = AuthorizationPolicy.Action.ALLOW;
        private Optional<WorkloadSelector> selector = Optional.empty();
        private final List<TargetRef> targetRefs = new ArrayList<>();
        private final Map<String, String> annotations = new HashMap<>();
        private final List<Rule> rules = new ArrayList<>();

        private PolicyLiteral(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        PolicyLiteral action(AuthorizationPolicy.Action value) {
            action = value;
            return this;
        }

        PolicyLiteral allow() {
            return action(AuthorizationPolicy.Action.ALLOW);
        }

        PolicyLiteral deny() {
            return action(AuthorizationPolicy.Action.DENY);
        }

        PolicyLiteral audit() {
            return action(AuthorizationPolicy.Action.AUDIT);
        }

        PolicyLiteral custom() {
            return action(AuthorizationPolicy.Action.CUSTOM);
        }

        PolicyLiteral selector(String... labelPairs) {
            selector = Optional.of(new WorkloadSelector(workload("x", labelPairs).labels()));
            return this;
        }

        PolicyLiteral targetRef(String group, String kind, String refName) {
            targetRefs.add(new TargetRef(group, kind, refName, null));
            return this;
        }

        PolicyLiteral annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        PolicyLiteral dryRun() {
            return annotation(AuthorizationPolicy.DRY_RUN_ANNOTATION, "true");
        }

        PolicyLiteral rule(Rule rule) {
            rules.add(rule);
            return this;
        }

        AuthorizationPolicy build() {
            return new AuthorizationPolicy(new ObjectMeta(name, namespace, Map.of(), annotations, HERE), selector,
                    targetRefs, action, rules);
        }
    }
}
