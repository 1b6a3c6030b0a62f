package io.tollgate.model.load;

/**
 * YAML text with the name diagnostics print for it: a path as the user typed it, or a name the control plane gave
 * a document it ships to a proxy (which re-loads it with the same loader, so both sides agree on its meaning).
 */
public record SourceText(String name, String text) {
}
