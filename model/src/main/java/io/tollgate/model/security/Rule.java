package io.tollgate.model.security;

import io.tollgate.model.SourceLocation;

import java.util.List;

/** {@code spec.rules[i]}: {@code from}, {@code to} and {@code when} are ANDed; the entries of each list are ORed. */
public record Rule(List<Source> from, List<Operation> to, List<Condition> when, SourceLocation location) {
    public Rule {
        from = List.copyOf(from);
        to = List.copyOf(to);
        when = List.copyOf(when);
    }
}
