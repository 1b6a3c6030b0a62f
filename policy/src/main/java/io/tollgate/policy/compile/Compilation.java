package io.tollgate.policy.compile;

import io.tollgate.policy.authz.AuthorizationEngine;

import java.util.List;
import java.util.Objects;

/** The engine compiled from a set of policies, and the notes about what TCP made of them. */
public record Compilation(AuthorizationEngine engine, List<CompileNote> notes) {
    public Compilation {
        Objects.requireNonNull(engine, "engine");
        notes = List.copyOf(notes);
    }
}
