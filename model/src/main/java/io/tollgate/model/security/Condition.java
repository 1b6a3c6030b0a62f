package io.tollgate.model.security;

import io.tollgate.model.SourceLocation;

import java.util.List;

/** {@code rules[i].when[j]}: an attribute key with {@code values} and/or {@code notValues}. */
public record Condition(String key, List<String> values, List<String> notValues, SourceLocation location) {
    public Condition {
        values = List.copyOf(values);
        notValues = List.copyOf(notValues);
    }
}
