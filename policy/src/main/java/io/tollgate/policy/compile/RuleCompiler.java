package io.tollgate.policy.compile;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.security.Condition;
import io.tollgate.model.security.Operation;
import io.tollgate.model.security.Rule;
import io.tollgate.model.security.Source;
import io.tollgate.policy.authz.Action;
import io.tollgate.policy.authz.CompiledRule;
import io.tollgate.policy.authz.Matcher;
import io.tollgate.policy.authz.PolicyId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles one rule of one policy for a TCP filter chain, as Istio's {@code model.New} + {@code Model.Generate}
 * do: {@code from}, {@code to} and {@code when} are ANDed, the entries of a list ORed, values ORed, {@code not*}
 * values negated; {@code when} conditions join every {@code from} (or {@code to}) entry. Used by one thread.
 */
final class RuleCompiler {
    private final TrustDomainBundle trustDomains;

    RuleCompiler(TrustDomainBundle trustDomains) {
        this.trustDomains = trustDomains;
    }

    /**
     * The compiled rule, or empty when it can never match on TCP; {@code notes} gets the reason for anything the
     * compiler left out.
     */
    Optional<CompiledRule> compile(PolicyId policy, Action action, int index, Rule rule, List<CompileNote> notes) {
        String path = "spec.rules[" + index + "]";
        for (int k = 0; k < rule.when().size(); k++) {
            Condition condition = rule.when().get(k);
            if (Attribute.ofConditionKey(condition.key()).isEmpty()) {
                // Istio's model.New rejects the whole rule for an unknown key, whatever the action ("skipped invalid
                // rule"). Validation rejects such keys first; an unvalidated model gets Istio's behaviour.
                notes.add(new CompileNote(condition.location(), policy.toString(), path + ".when[" + k + "].key",
                        "unknown attribute '" + condition.key() + "': the rule is skipped and never matches"));
                return Optional.empty();
            }
        }
        RulePass pass = new RulePass(policy, action, notes, trustDomains);
        List<Matcher> whenSource = new ArrayList<>();
        List<Matcher> whenDestination = new ArrayList<>();
        List<String> whenWords = new ArrayList<>();
        for (int k = 0; k < rule.when().size(); k++) {
            Condition c = rule.when().get(k);
            Attribute attribute = Attribute.ofConditionKey(c.key()).orElseThrow();
            String at = path + ".when[" + k + "]";
            pass.field(attribute.side() == Attribute.Side.SOURCE ? whenSource : whenDestination,
                    new FieldRef(attribute, c.key(), at + ".values", at + ".notValues", c.location()),
                    c.values(), c.notValues(), whenWords);
        }
        List<Matcher> principals = new ArrayList<>();
        List<String> fromWords = new ArrayList<>();
        for (int j = 0; j < rule.from().size(); j++) {
            principals.add(source(pass, rule.from().get(j), path + ".from[" + j + "].source", whenSource, fromWords));
        }
        if (rule.from().isEmpty()) {
            principals.add(Matcher.allOf(whenSource));
        }
        List<Matcher> permissions = new ArrayList<>();
        List<String> toWords = new ArrayList<>();
        for (int j = 0; j < rule.to().size(); j++) {
            permissions.add(operation(pass, rule.to().get(j), path + ".to[" + j + "].operation", whenDestination, toWords));
        }
        if (rule.to().isEmpty()) {
            permissions.add(Matcher.allOf(whenDestination));
        }
        if (pass.skipped()) {
            return Optional.empty();
        }
        Matcher matcher = Matcher.allOf(List.of(Matcher.anyOf(permissions), Matcher.anyOf(principals)));
        return Optional.of(new CompiledRule(policy, index, matcher, pass.describe(fromWords, toWords, whenWords)));
    }

    private static FieldRef field(Attribute attribute, String name, String path, SourceLocation at) {
        String notName = "not" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return new FieldRef(attribute, name, path + "." + name, path + "." + notName, at);
    }

    // Cheap tests first: the order inside an AND does not change its meaning.
    private static Matcher source(RulePass pass, Source s, String path, List<Matcher> when, List<String> words) {
        List<Matcher> terms = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        SourceLocation at = s.location();
        pass.field(terms, field(Attribute.SOURCE_IP, "ipBlocks", path, at), s.ipBlocks(), s.notIpBlocks(), clauses);
        pass.field(terms, field(Attribute.REMOTE_IP, "remoteIpBlocks", path, at), s.remoteIpBlocks(),
                s.notRemoteIpBlocks(), clauses);
        pass.field(terms, field(Attribute.SOURCE_NAMESPACE, "namespaces", path, at), s.namespaces(),
                s.notNamespaces(), clauses);
        pass.field(terms, field(Attribute.SOURCE_SERVICE_ACCOUNT, "serviceAccounts", path, at), s.serviceAccounts(),
                s.notServiceAccounts(), clauses);
        pass.field(terms, field(Attribute.SOURCE_PRINCIPAL, "principals", path, at), s.principals(),
                s.notPrincipals(), clauses);
        pass.field(terms, field(Attribute.REQUEST_PRINCIPAL, "requestPrincipals", path, at), s.requestPrincipals(),
                s.notRequestPrincipals(), clauses);
        terms.addAll(when);
        words.add(RulePass.conjunction(clauses));
        return Matcher.allOf(terms);
    }

    private static Matcher operation(RulePass pass, Operation o, String path, List<Matcher> when, List<String> words) {
        List<Matcher> terms = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        SourceLocation at = o.location();
        pass.field(terms, field(Attribute.DESTINATION_PORT, "ports", path, at), o.ports(), o.notPorts(), clauses);
        pass.field(terms, field(Attribute.HOST, "hosts", path, at), o.hosts(), o.notHosts(), clauses);
        pass.field(terms, field(Attribute.METHOD, "methods", path, at), o.methods(), o.notMethods(), clauses);
        pass.field(terms, field(Attribute.PATH, "paths", path, at), o.paths(), o.notPaths(), clauses);
        terms.addAll(when);
        words.add(RulePass.conjunction(clauses));
        return Matcher.allOf(terms);
    }
}
