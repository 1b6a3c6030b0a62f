package io.tollgate.model.validation;

import io.tollgate.model.networking.ConnectionPoolSettings;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.LoadBalancerSettings;
import io.tollgate.model.networking.PortTrafficPolicy;
import io.tollgate.model.networking.Subset;
import io.tollgate.model.networking.TrafficPolicy;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Istio's {@code ValidateDestinationRule} and {@code validateTrafficPolicy} on the loaded record. */
public final class DestinationRuleValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");

    private DestinationRuleValidator() {
    }

    public static void validate(DestinationRule rule, Findings findings) {
        if (!rule.host().isEmpty()) {
            DnsNames.wildcardDomainProblem(rule.host()).ifPresent(p -> findings.error(SPEC.field("host"), p));
        }
        rule.trafficPolicy().ifPresent(p -> trafficPolicy(p, SPEC.field("trafficPolicy"), findings));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rule.subsets().size(); i++) {
            Subset subset = rule.subsets().get(i);
            FieldPath at = SPEC.field("subsets").index(i);
            if (!subset.name().isEmpty() && !names.add(subset.name())) {
                findings.error(at.field("name"), "duplicate subset names: " + subset.name());
            }
            if (!subset.name().isEmpty() && !DnsNames.isLabel(subset.name())) {
                findings.error(at.field("name"), "subset name is invalid: " + subset.name());
            }
            LabelRules.check(subset.labels(), at.field("labels"), findings);
            subset.trafficPolicy().ifPresent(p -> trafficPolicy(p, at.field("trafficPolicy"), findings));
        }
        ExportTo.check(rule.meta().namespace(), rule.exportTo(), rule.workloadSelector().isPresent()
                ? ExportTo.Owner.DESTINATION_RULE_WITH_SELECTOR : ExportTo.Owner.OTHER, SPEC.field("exportTo"), findings);
        rule.workloadSelector().ifPresent(s -> SelectorRules.check(s.matchLabels(),
                SPEC.field("workloadSelector").field("matchLabels"), findings,
                "the rule applies to every workload in its namespace"));
    }

    private static void trafficPolicy(TrafficPolicy policy, FieldPath at, Findings findings) {
        if (policy.loadBalancer().isEmpty() && policy.connectionPool().isEmpty() && policy.tls().isEmpty()
                && policy.portLevelSettings().isEmpty() && policy.other().isEmpty()) {
            findings.error(at, "traffic policy must have at least one field");
            return;
        }
        if (policy.other().containsKey("tunnel") && policy.other().containsKey("proxyProtocol")) {
            findings.error(at, "tunnel and proxyProtocol must not be set together");
        }
        outlierDetection(policy.other(), at, findings);
        policy.loadBalancer().ifPresent(lb -> loadBalancer(lb, at.field("loadBalancer"), findings));
        policy.connectionPool().ifPresent(cp -> connectionPool(cp, at.field("connectionPool"), findings));
        policy.tls().ifPresent(tls -> ClientTlsRules.check(tls, at.field("tls"), findings));
        for (int i = 0; i < policy.portLevelSettings().size(); i++) {
            PortTrafficPolicy port = policy.portLevelSettings().get(i);
            FieldPath p = at.field("portLevelSettings").index(i);
            if (port.port().isEmpty()) {
                findings.error(p.field("port"), "portTrafficPolicy must have valid port");
            }
            if (port.loadBalancer().isEmpty() && port.connectionPool().isEmpty() && port.tls().isEmpty() && port.other().isEmpty()) {
                findings.error(p, "port traffic policy must have at least one field");
                continue;
            }
            outlierDetection(port.other(), p, findings);
            port.loadBalancer().ifPresent(lb -> loadBalancer(lb, p.field("loadBalancer"), findings));
            port.connectionPool().ifPresent(cp -> connectionPool(cp, p.field("connectionPool"), findings));
            port.tls().ifPresent(tls -> ClientTlsRules.check(tls, p.field("tls"), findings));
        }
    }

    private static void loadBalancer(LoadBalancerSettings lb, FieldPath at, Findings findings) {
        if (lb.simple().isPresent() && lb.other().containsKey("consistentHash")) {
            findings.error(at, "only one of simple or consistentHash can be set");
        }
        if (lb.other().containsKey("localityLbSetting") && lb.other().containsKey("zoneAwareLbSetting")) {
            findings.error(at, "only one of localityLbSetting and zoneAwareLbSetting can be set");
        }
    }

    private static void connectionPool(ConnectionPoolSettings pool, FieldPath at, Findings findings) {
        if (pool.tcp().isEmpty() && pool.http().isEmpty()) {
            findings.error(at, "connection pool must have at least one field");
        }
    }

    private static void outlierDetection(Map<String, Object> other, FieldPath at, Findings findings) {
        if (!(other.get("outlierDetection") instanceof Map<?, ?> outlier)) {
            return;
        }
        FieldPath path = at.field("outlierDetection");
        if (outlier.containsKey("consecutiveErrors") && !Long.valueOf(0).equals(outlier.get("consecutiveErrors"))) {
            findings.warning(path.field("consecutiveErrors"), "outlier detection consecutive errors is deprecated, "
                    + "use consecutiveGatewayErrors or consecutive5xxErrors instead");
        }
        long localFailures = Optional.ofNullable(outlier.get("consecutiveLocalOriginFailures"))
                .map(v -> (Long) v).orElse(0L);
        if (localFailures > 0 && !Boolean.TRUE.equals(outlier.get("splitExternalLocalOriginErrors"))) {
            findings.error(path.field("consecutiveLocalOriginFailures"), "outlier detection consecutive local origin "
                    + "failures is specified, but split external local origin errors is set to false");
        }
    }
}
