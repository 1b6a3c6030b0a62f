package io.tollgate.model.validation;

import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.AuthorizationPolicy.Action;
import io.tollgate.model.security.Condition;
import io.tollgate.model.security.Operation;
import io.tollgate.model.security.Rule;
import io.tollgate.model.security.Source;

import java.util.ArrayList;
import java.util.List;

/**
 * Istio's {@code ValidateAuthorizationPolicy} on the loaded record, plus what Tollgate must refuse (CUSTOM) and
 * what an operator of a TCP proxy should be told (HTTP-only fields, which cannot match a TCP connection).
 */
public final class AuthorizationPolicyValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");

    private AuthorizationPolicyValidator() {
    }

    public static void validate(AuthorizationPolicy policy, Findings findings) {
        policy.selector().ifPresent(s -> SelectorRules.check(s.matchLabels(), SPEC.field("selector").field("matchLabels"),
                findings, "the policy applies to every workload in its namespace"));
        if (policy.action() == Action.CUSTOM) {
            findings.error(SPEC.field("action"), "CUSTOM needs an external authorizer (provider), which Tollgate does not support");
        }
        if (policy.action() == Action.DENY && policy.rules().isEmpty()) {
            findings.error(SPEC.field("rules"), "DENY action without rules is meaningless as it will never be triggered, "
                    + "add an empty rule {} if you want it be triggered for every request");
        }
        dryRun(policy, findings);
        for (int i = 0; i < policy.rules().size(); i++) {
            rule(policy.action(), policy.rules().get(i), SPEC.field("rules").index(i), findings);
        }
    }

    private static void dryRun(AuthorizationPolicy policy, Findings findings) {
        String value = policy.meta().annotations().get(AuthorizationPolicy.DRY_RUN_ANNOTATION);
        if (value == null) {
            return;
        }
        FieldPath at = FieldPath.of("metadata").field("annotations").field(AuthorizationPolicy.DRY_RUN_ANNOTATION);
        if (policy.action() != Action.ALLOW && policy.action() != Action.DENY) {
            findings.error(at, "the annotation " + AuthorizationPolicy.DRY_RUN_ANNOTATION
                    + " currently only supports action ALLOW/DENY, found action " + policy.action());
        } else if (policy.dryRunAnnotation().isEmpty()) {
            findings.error(at, "invalid value (" + value + "): must be \"true\" or \"false\"");
        }
    }

    private static void rule(Action action, Rule rule, FieldPath at, Findings findings) {
        boolean tcpInFrom = false;
        boolean tcpInTo = false;
        List<String> httpOnly = new ArrayList<>();
        for (int j = 0; j < rule.from().size(); j++) {
            Source source = rule.from().get(j);
            FieldPath s = at.field("from").index(j).field("source");
            SourceRules.check(source, s, findings);
            tcpInFrom |= SourceRules.hasTcpField(source);
            if (!source.requestPrincipals().isEmpty() || !source.notRequestPrincipals().isEmpty()) {
                httpOnly.add("requestPrincipals");
            }
        }
        for (int j = 0; j < rule.to().size(); j++) {
            Operation op = rule.to().get(j);
            FieldPath o = at.field("to").index(j).field("operation");
            operation(op, o, findings);
            tcpInTo |= !op.ports().isEmpty() || !op.notPorts().isEmpty();
            if (!op.hosts().isEmpty() || !op.notHosts().isEmpty()) {
                httpOnly.add("hosts");
            }
            if (!op.methods().isEmpty() || !op.notMethods().isEmpty()) {
                httpOnly.add("methods");
            }
            if (!op.paths().isEmpty() || !op.notPaths().isEmpty()) {
                httpOnly.add("paths");
            }
        }
        for (int j = 0; j < rule.when().size(); j++) {
            Condition condition = rule.when().get(j);
            ConditionKeys.check(condition, at.field("when").index(j), findings);
            if (ConditionKeys.httpOnly(condition.key())) {
                httpOnly.add("when " + condition.key());
            }
        }
        boolean onlyHttpAttributes = (!rule.from().isEmpty() && rule.to().isEmpty() && !tcpInFrom)
                || (!rule.to().isEmpty() && !tcpInTo);
        if (action == Action.DENY && onlyHttpAttributes) {
            findings.warning(at, "configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due "
                    + "to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port");
        } else if (!httpOnly.isEmpty()) {
            String fields = String.join(", ", httpOnly.stream().distinct().toList());
            findings.warning(at, action == Action.DENY
                    ? "HTTP-only fields (" + fields + ") are ignored for TCP connections, so this DENY rule matches without them"
                    : "HTTP-only fields (" + fields + ") cannot match a TCP connection, so this " + action + " rule never matches one");
        }
    }

    private static void operation(Operation op, FieldPath at, Findings findings) {
        if (op.hosts().isEmpty() && op.notHosts().isEmpty() && op.ports().isEmpty() && op.notPorts().isEmpty()
                && op.methods().isEmpty() && op.notMethods().isEmpty() && op.paths().isEmpty() && op.notPaths().isEmpty()) {
            findings.error(at, "operation must not be empty");
        }
        PolicyValues.ports(op.ports(), at.field("ports"), findings);
        PolicyValues.ports(op.notPorts(), at.field("notPorts"), findings);
        PolicyValues.nonEmpty(op.methods(), at.field("methods"), findings);
        PolicyValues.nonEmpty(op.notMethods(), at.field("notMethods"), findings);
        PolicyValues.nonEmpty(op.paths(), at.field("paths"), findings);
        PolicyValues.nonEmpty(op.notPaths(), at.field("notPaths"), findings);
        PolicyValues.nonEmpty(op.hosts(), at.field("hosts"), findings);
        PolicyValues.nonEmpty(op.notHosts(), at.field("notHosts"), findings);
        PolicyValues.pathTemplates(op.paths(), at.field("paths"), findings);
        PolicyValues.pathTemplates(op.notPaths(), at.field("notPaths"), findings);
    }
}
