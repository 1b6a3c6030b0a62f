package io.tollgate.cli.proxy;

import io.tollgate.controlplane.client.SnapshotReader;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Re-loads the documents of a snapshot as the control plane loaded them ({@link SnapshotReader}: each at its
 * original {@code file:line}, only new or changed documents parsed again, the whole set judged every time), and
 * turns errors into the refusal a proxy NACKs with. Used by one proxy's configuration thread only.
 */
final class SnapshotLoader {
    private static final int MAX_REPORTED = 20;
    private final SnapshotReader reader = new SnapshotReader(SnapshotReader.Parsing.ON_ALL_CORES);

    /** Thrown when the snapshot cannot be applied; the message is what the NACK carries. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The resources of {@code snapshot}, or {@link Refused} naming every error (nothing half-applied). */
    ResourceSet load(Snapshot snapshot) throws Refused {
        LoadResult result = reader.read(snapshot);
        if (result.hasErrors()) {
            List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            String listed = errors.stream().limit(MAX_REPORTED).map(Diagnostic::toString).collect(Collectors.joining("; "));
            String more = errors.size() > MAX_REPORTED ? "; and " + (errors.size() - MAX_REPORTED) + " more" : "";
            throw new Refused("version " + snapshot.version() + ": " + errors.size() + " error(s): " + listed + more);
        }
        return result.resources();
    }
}
