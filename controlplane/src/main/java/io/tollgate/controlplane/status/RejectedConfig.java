package io.tollgate.controlplane.status;

import java.util.List;

/**
 * The last candidate configuration the control plane refused, while it is still the newest thing it read (a
 * later valid version clears it).
 *
 * @param attemptedAt ISO-8601 instant the candidate was read
 * @param contentHash short hash of the refused contents
 * @param diagnostics every problem, each {@code file:line: field: problem}
 */
public record RejectedConfig(String attemptedAt, String contentHash, List<String> diagnostics) {
    public RejectedConfig {
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }
}
