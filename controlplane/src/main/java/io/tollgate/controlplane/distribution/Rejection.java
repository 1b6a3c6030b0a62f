package io.tollgate.controlplane.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A candidate configuration that was refused as a whole; the previous version stays in force.
 *
 * @param attemptedAt   when the candidate was read
 * @param contentHash   short hash of the refused file contents, to tell one attempt from the next
 * @param diagnostics   every problem found, each naming its place ({@code file:line: field: problem})
 */
public record Rejection(Instant attemptedAt, String contentHash, List<String> diagnostics) {
    public Rejection {
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(contentHash, "contentHash");
        diagnostics = List.copyOf(diagnostics);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one diagnostic saying why");
        }
    }
}
