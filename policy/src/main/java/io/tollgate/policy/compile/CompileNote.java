package io.tollgate.policy.compile;

import io.tollgate.model.SourceLocation;

import java.util.Objects;

/**
 * Something the compiler did that changes what a policy means on TCP, worth telling the user: an HTTP-only field
 * that makes an ALLOW rule never match or that a DENY rule ignores, an unknown condition, a CUSTOM action.
 * Printed like a loader diagnostic: {@code file:line: AuthorizationPolicy ns/name: field.path: message}.
 */
public record CompileNote(SourceLocation location, String policy, String field, String message) {
    public CompileNote {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": AuthorizationPolicy " + policy + ": " + field + ": " + message;
    }
}
