package io.tollgate.model.load;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Condition;
import io.tollgate.model.security.Operation;
import io.tollgate.model.security.Rule;
import io.tollgate.model.security.Source;
import io.tollgate.model.security.TargetRef;
import io.tollgate.model.security.WorkloadSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an AuthorizationPolicy's {@code spec} into the security records. {@code targetRef} and {@code targetRefs}
 * both land in {@code targetRefs}. Checks that concern how the YAML is written (a {@code from} entry without
 * {@code source}, a target reference's form) are made here; the policy's meaning is checked by its validator.
 */
final class AuthorizationPolicyParser {
    /** Istio {@code validatePolicyTargetReference}: group (empty = core) and kind a policy may target. */
    private static final Set<String> TARGETABLE = Set.of("core/Service", "networking.istio.io/ServiceEntry",
            "gateway.networking.k8s.io/Gateway", "gateway.networking.k8s.io/GatewayClass");

    private AuthorizationPolicyParser() {
    }

    static AuthorizationPolicy parse(MappingReader spec, ObjectMeta meta) {
        Optional<WorkloadSelector> selector = spec.object("selector", s -> new WorkloadSelector(s.stringMap("matchLabels")));
        List<TargetRef> targetRefs = new ArrayList<>();
        spec.object("targetRef", AuthorizationPolicyParser::targetRef).ifPresent(targetRefs::add);
        targetRefs.addAll(spec.objects("targetRefs", AuthorizationPolicyParser::targetRef));
        int selectorKinds = (spec.has("selector") ? 1 : 0) + (spec.has("targetRef") ? 1 : 0) + (spec.has("targetRefs") ? 1 : 0);
        if (selectorKinds > 1) {
            spec.findings().error(spec.path(), "only one of targetRefs or selector can be set");
        }
        AuthorizationPolicy.Action action = spec.enumeration("action", AuthorizationPolicy.Action.class)
                .orElse(AuthorizationPolicy.Action.ALLOW);
        Optional<Object> provider = spec.raw("provider", Shape.obj(Map.of("name", Shape.STRING)));
        if (provider.isPresent() && action != AuthorizationPolicy.Action.CUSTOM) {
            spec.findings().error(spec.path().field("provider"), "provider must not be set with action " + action
                    + "; it is only for CUSTOM");
        }
        List<Rule> rules = spec.objects("rules", AuthorizationPolicyParser::rule);
        return new AuthorizationPolicy(meta, selector, targetRefs, action, rules);
    }

    private static TargetRef targetRef(MappingReader m) {
        String group = m.string("group").orElse("");
        String kind = m.requiredString("kind").orElse("");
        String name = m.requiredString("name").orElse("");
        String namespace = m.string("namespace").orElse("");
        if (!namespace.isEmpty()) {
            m.findings().error(m.path().field("namespace"), "cross namespace referencing is not supported; leave namespace unset");
        }
        if (!kind.isEmpty() && !TARGETABLE.contains((group.isEmpty() ? "core" : group) + "/" + kind)) {
            m.findings().error(m.path().field("kind"), "a policy can target only a Service, ServiceEntry, Gateway "
                    + "(gateway.networking.k8s.io) or GatewayClass, not " + (group.isEmpty() ? "" : group + "/") + kind);
        }
        return new TargetRef(group, kind, name, namespace);
    }

    private static Rule rule(MappingReader m) {
        warnEmptyList(m, "from", "every source");
        warnEmptyList(m, "to", "every operation");
        List<Source> from = present(m.objects("from", f -> section(f, "source", AuthorizationPolicyParser::source)));
        List<Operation> to = present(m.objects("to", t -> section(t, "operation", AuthorizationPolicyParser::operation)));
        List<Condition> when = m.objects("when", c -> new Condition(c.requiredString("key").orElse(""),
                c.strings("values"), c.strings("notValues"), c.location()));
        return new Rule(from, to, when, m.location());
    }

    /** The values present, in order (a loop, not a stream: this runs for every rule of every policy). */
    private static <T> List<T> present(List<Optional<T>> values) {
        List<T> out = new ArrayList<>(values.size());
        for (Optional<T> value : values) {
            value.ifPresent(out::add);
        }
        return out;
    }

    /** {@code from[i]} must hold {@code source}, {@code to[i]} must hold {@code operation} (Istio: "must not be nil"). */
    private static <T> Optional<T> section(MappingReader entry, String key, Function<MappingReader, T> body) {
        if (!entry.has(key)) {
            entry.missing(key);
        }
        return entry.object(key, body);
    }

    /** Istio decodes {@code from: []} as if {@code from} were absent, which widens the rule: say so. */
    private static void warnEmptyList(MappingReader m, String key, String widened) {
        if (m.isEmptyList(key)) {
            m.findings().warning(m.path().field(key), "an empty list is the same as leaving " + key
                    + " out: the rule matches " + widened);
        }
    }

    private static Source source(MappingReader s) {
        s.unsupported("trustDomains", "trustDomains is not supported by Tollgate yet; use principals instead");
        s.unsupported("notTrustDomains", "notTrustDomains is not supported by Tollgate yet; use notPrincipals instead");
        return new Source(s.strings("principals"), s.strings("notPrincipals"),
                s.strings("requestPrincipals"), s.strings("notRequestPrincipals"),
                s.strings("namespaces"), s.strings("notNamespaces"),
                s.strings("serviceAccounts"), s.strings("notServiceAccounts"),
                s.strings("ipBlocks"), s.strings("notIpBlocks"),
                s.strings("remoteIpBlocks"), s.strings("notRemoteIpBlocks"),
                s.location());
    }

    private static Operation operation(MappingReader o) {
        return new Operation(o.strings("hosts"), o.strings("notHosts"), o.strings("ports"), o.strings("notPorts"),
                o.strings("methods"), o.strings("notMethods"), o.strings("paths"), o.strings("notPaths"),
                o.location());
    }
}
