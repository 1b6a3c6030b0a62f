package io.tollgate.policy.authz;

import io.tollgate.policy.authz.CompiledPolicy.Enforcement;
import io.tollgate.policy.authz.ShadowResult.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The policies that apply to one workload, ready to decide each of its connections. Built by
 * {@link AuthorizationEngine#forWorkload} once per workload and configuration; immutable and safe to share across
 * event loops. {@link #decide} allocates only when an audit or dry-run policy has something to report.
 */
public final class WorkloadAuthorizer {
    private final Workload workload;
    private final List<PolicyId> applicable;
    private final RuleGroup<Decision> custom;
    private final RuleGroup<Decision> deny;
    private final RuleGroup<Decision> allow;
    private final RuleGroup<ShadowResult> audit;
    private final RuleGroup<ShadowResult> dryRunAudit;
    private final RuleGroup<ShadowResult> dryRunCustom;
    private final RuleGroup<ShadowResult> dryRunDeny;
    private final RuleGroup<ShadowResult> dryRunAllow;
    private final ShadowResult dryRunCustomUnmatched;
    private final ShadowResult dryRunDenyUnmatched;
    private final ShadowResult dryRunAllowUnmatched;
    private final Decision allowedWithoutAllowPolicy;
    private final Decision deniedNoAllowRuleMatched;

    WorkloadAuthorizer(Workload workload, List<CompiledPolicy> policies) {
        this.workload = workload;
        this.applicable = policies.stream().map(CompiledPolicy::id).sorted().toList();
        custom = enforced(policies, Action.CUSTOM, r -> Decision.byRule(Verdict.DENY, r, Action.CUSTOM,
                "denied by CUSTOM policy " + r.policy() + " rule " + r.index() + ": " + r.description()
                        + "; CUSTOM needs an external authorizer, which Tollgate does not have, so it fails closed"));
        deny = enforced(policies, Action.DENY, r -> Decision.byRule(Verdict.DENY, r, Action.DENY,
                "denied by DENY policy " + r.policy() + " rule " + r.index() + ": " + r.description()));
        allow = enforced(policies, Action.ALLOW, r -> Decision.byRule(Verdict.ALLOW, r, Action.ALLOW,
                "allowed by ALLOW policy " + r.policy() + " rule " + r.index() + ": " + r.description()));
        audit = enforced(policies, Action.AUDIT, r -> ShadowResult.byRule(Kind.AUDITED, r, Action.AUDIT,
                "audited by AUDIT policy " + r.policy() + " rule " + r.index() + ": " + r.description()));
        dryRunAudit = dryRun(policies, Action.AUDIT, Kind.WOULD_AUDIT, "would have audited");
        dryRunCustom = dryRun(policies, Action.CUSTOM, Kind.WOULD_DENY, "would have denied");
        dryRunDeny = dryRun(policies, Action.DENY, Kind.WOULD_DENY, "would have denied");
        dryRunAllow = dryRun(policies, Action.ALLOW, Kind.WOULD_ALLOW, "would have allowed");
        dryRunCustomUnmatched = ShadowResult.withoutRule(Kind.WOULD_ALLOW,
                "dry-run CUSTOM policies " + names(dryRunCustom) + " would have allowed: none of their rules matched");
        dryRunDenyUnmatched = ShadowResult.withoutRule(Kind.WOULD_ALLOW,
                "dry-run DENY policies " + names(dryRunDeny) + " would have allowed: none of their rules matched");
        dryRunAllowUnmatched = ShadowResult.withoutRule(Kind.WOULD_DENY,
                "dry-run ALLOW policies " + names(dryRunAllow) + " would have denied: none of their rules matched");
        // Worded from the enforced policies only, so that adding an audit or dry-run policy changes no reason.
        allowedWithoutAllowPolicy = Decision.withoutRule(Verdict.ALLOW, !custom.hasPolicies() && !deny.hasPolicies()
                ? "allowed: no ALLOW, DENY or CUSTOM policy is enforced on workload " + workload
                : "allowed: no CUSTOM or DENY rule matched and no ALLOW policy applies to workload " + workload);
        deniedNoAllowRuleMatched = Decision.withoutRule(Verdict.DENY, "denied: ALLOW policies " + names(allow)
                + " apply to workload " + workload + " and none of their rules matched");
    }

    /**
     * Decides one connection. This method is the only statement of the rule; everything else only matches.
     *
     * <p>A connection is allowed if and only if no CUSTOM rule matches, no DENY rule matches, and either no ALLOW
     * policy applies to the workload or one of their rules matches. An applicable ALLOW policy with no rule that can
     * match ({@code spec: {}}, or only HTTP rules) therefore denies everything that no other ALLOW rule admits.
     * AUDIT and dry-run policies are evaluated and reported, never enforced.
     *
     * <p>This is Envoy's RBAC engine ({@code engine_impl.cc}: "allowed if matched and ALLOW, or not matched and
     * DENY"; an engine without enforced rules allows) run once per action in the filter order Istio installs:
     * CUSTOM, AUDIT, DENY, ALLOW. Each filter checks its dry-run (shadow) rules first, then its enforced rules; once
     * one denies, the connection is closed and the later filters, dry-run rules included, never see it.
     */
    public Decision decide(Connection connection) {
        List<ShadowResult> shadows = List.of();
        shadows = shadow(shadows, dryRunCustom, dryRunCustomUnmatched, connection);
        Decision decided = custom.firstMatch(connection);
        if (decided != null) {
            return decided.withShadows(shadows);
        }
        shadows = with(shadows, audit.firstMatch(connection));
        shadows = with(shadows, dryRunAudit.firstMatch(connection));
        shadows = shadow(shadows, dryRunDeny, dryRunDenyUnmatched, connection);
        decided = deny.firstMatch(connection);
        if (decided != null) {
            return decided.withShadows(shadows);
        }
        shadows = shadow(shadows, dryRunAllow, dryRunAllowUnmatched, connection);
        if (!allow.hasPolicies()) {
            return allowedWithoutAllowPolicy.withShadows(shadows);
        }
        decided = allow.firstMatch(connection);
        return (decided != null ? decided : deniedNoAllowRuleMatched).withShadows(shadows);
    }

    public Workload workload() {
        return workload;
    }

    /** The policies that apply to this workload, whatever their action and mode, sorted. */
    public List<PolicyId> applicablePolicies() {
        return applicable;
    }

    private static <T> RuleGroup<T> enforced(List<CompiledPolicy> policies, Action action,
                                             Function<CompiledRule, T> outcome) {
        return new RuleGroup<>(select(policies, action, Enforcement.ENFORCED), outcome);
    }

    private static RuleGroup<ShadowResult> dryRun(List<CompiledPolicy> policies, Action action, Kind kind, String would) {
        return new RuleGroup<>(select(policies, action, Enforcement.DRY_RUN), r -> ShadowResult.byRule(kind, r, action,
                "dry-run " + action + " policy " + r.policy() + " rule " + r.index() + " " + would + ": " + r.description()));
    }

    private static List<CompiledPolicy> select(List<CompiledPolicy> policies, Action action, Enforcement enforcement) {
        return policies.stream().filter(p -> p.action() == action && p.enforcement() == enforcement).toList();
    }

    private static String names(RuleGroup<?> group) {
        return group.policies().stream().map(PolicyId::toString).collect(Collectors.joining(", "));
    }

    private static List<ShadowResult> shadow(List<ShadowResult> shadows, RuleGroup<ShadowResult> group,
                                             ShadowResult unmatched, Connection connection) {
        if (!group.hasPolicies()) {
            return shadows;
        }
        ShadowResult matched = group.firstMatch(connection);
        return with(shadows, matched != null ? matched : unmatched);
    }

    private static List<ShadowResult> with(List<ShadowResult> shadows, ShadowResult result) {
        if (result == null) {
            return shadows;
        }
        List<ShadowResult> more = new ArrayList<>(shadows.size() + 1);
        more.addAll(shadows);
        more.add(result);
        return more;
    }
}
