package io.tollgate.policy.compile;

import io.tollgate.policy.authz.Action;
import io.tollgate.policy.authz.Matcher;
import io.tollgate.policy.authz.PolicyId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state of compiling one rule: whether it has been skipped, which fields TCP left out, and the words that
 * describe what is left. One instance per rule, one thread.
 */
final class RulePass {
    private final PolicyId policy;
    private final Action action;
    private final List<CompileNote> notes;
    private final TrustDomainBundle trustDomains;
    private final Set<String> ignored = new LinkedHashSet<>();
    private boolean skipped;

    RulePass(PolicyId policy, Action action, List<CompileNote> notes, TrustDomainBundle trustDomains) {
        this.policy = policy;
        this.action = action;
        this.notes = notes;
        this.trustDomains = trustDomains;
    }

    boolean skipped() {
        return skipped;
    }

    /**
     * Adds the tests for one field to {@code terms}: its values ORed, and the negation of its not-values ORed,
     * as Istio's {@code rule.principal}/{@code rule.permission}. A field without values adds nothing.
     */
    void field(List<Matcher> terms, FieldRef ref, List<String> values, List<String> notValues, List<String> clauses) {
        List<String> keptValues = new ArrayList<>();
        List<String> keptNotValues = new ArrayList<>();
        List<Matcher> positive = values(ref, values, ref.valuesPath(), keptValues);
        List<Matcher> negative = values(ref, notValues, ref.notValuesPath(), keptNotValues);
        if (skipped) {
            return;
        }
        if (!positive.isEmpty()) {
            terms.add(Matcher.anyOf(positive));
        }
        if (!negative.isEmpty()) {
            terms.add(new Matcher.Not(Matcher.anyOf(negative)));
        }
        String words = ref.attribute().words();
        if (keptValues.size() == 1) {
            clauses.add(words + " " + keptValues.getFirst() + " matches");
        } else if (!keptValues.isEmpty()) {
            clauses.add(words + " matches one of [" + String.join(", ", keptValues) + "]");
        }
        if (!keptNotValues.isEmpty()) {
            clauses.add(words + " matches none of [" + String.join(", ", keptNotValues) + "]");
        }
    }

    private List<Matcher> values(FieldRef ref, List<String> values, String path, List<String> kept) {
        List<Matcher> matchers = new ArrayList<>();
        for (String value : values) {
            if (skipped) {
                return matchers;
            }
            List<Matcher> forValue = new ArrayList<>();
            Attribute.Failed failure = null;
            for (String rewritten : rewrite(ref.attribute(), value)) {
                switch (ref.attribute().compile(ref.key(), rewritten, policy.namespace())) {
                    case Attribute.Compiled compiled -> forValue.add(compiled.matcher());
                    case Attribute.Failed failed -> failure = failed;
                }
            }
            if (failure == null) {
                matchers.addAll(forValue);
                kept.add(value);
            } else if (action == Action.ALLOW) {
                // Istio checkError, ALLOW: the error is returned, Generate fails and the builder skips the whole rule.
                // An ALLOW rule that cannot be checked on TCP must not let anything in: a smaller ALLOW policy is the
                // fail-closed choice. If the policy has no other rule, it now denies everything it applies to.
                skipped = true;
                String which = failure.cause() == Attribute.Cause.HTTP_ONLY ? "that cannot be checked on TCP"
                        : "with a value Istio cannot compile";
                notes.add(new CompileNote(ref.location(), policy.toString(), path, failure.problem()
                        + ": an ALLOW rule " + which + " never matches; the whole rule is ignored"));
            } else {
                // Istio checkError, DENY/AUDIT (and CUSTOM): the error is ignored and only this value is left out, so
                // the rule matches more connections: a wider DENY is the fail-closed choice.
                String what = failure.cause() == Attribute.Cause.HTTP_ONLY ? ref.key() + " (HTTP only)"
                        : ref.key() + " '" + value + "' (invalid)";
                if (ignored.add(what)) {
                    notes.add(new CompileNote(ref.location(), policy.toString(), path, failure.problem()
                            + ": ignored" + (failure.cause() == Attribute.Cause.HTTP_ONLY ? " on TCP" : "")
                            + ", so this " + action + " rule matches more connections"));
                }
            }
        }
        return matchers;
    }

    /** Istio's {@code MigrateTrustDomain}: principals and trust domains stand for every trust domain of the mesh. */
    private List<String> rewrite(Attribute attribute, String value) {
        return switch (attribute) {
            case SOURCE_PRINCIPAL -> trustDomains.replaceAliases(List.of(value));
            case SOURCE_TRUST_DOMAIN -> trustDomains.expandAliases(List.of(value));
            default -> List.of(value);
        };
    }

    static String conjunction(List<String> clauses) {
        return String.join(" and ", clauses);
    }

    /** The rule in words, from what was compiled: entries ORed, parts ANDed, and what TCP ignored. */
    String describe(List<String> from, List<String> to, List<String> when) {
        List<String> parts = new ArrayList<>();
        addAlternatives(parts, from);
        addAlternatives(parts, to);
        if (!when.isEmpty()) {
            parts.add(conjunction(when));
        }
        String ignoredWords = ignored.isEmpty() ? "" : "; ignored: " + String.join(", ", ignored);
        if (parts.isEmpty()) {
            return "the rule has no condition that applies to TCP, so every connection matches" + ignoredWords;
        }
        return conjunction(parts) + ignoredWords;
    }

    // An entry without conditions matches anything, and so does the list it is in.
    private static void addAlternatives(List<String> parts, List<String> entries) {
        if (entries.isEmpty() || entries.stream().anyMatch(String::isEmpty)) {
            return;
        }
        parts.add(entries.size() == 1 ? entries.getFirst() : entries.stream()
                .map(e -> e.contains(" and ") ? "(" + e + ")" : e).collect(Collectors.joining(" or ")));
    }
}
