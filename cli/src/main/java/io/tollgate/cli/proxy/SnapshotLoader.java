package io.tollgate.cli.proxy;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ReadText;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Re-loads the documents of a snapshot with the control plane's own loader, each at its original {@code file:line},
 * so a proxy judges a document exactly as the control plane did and every diagnostic names the user's file.
 *
 * <p>A push usually changes a few documents of thousands: each document's parse is kept from the previous snapshot
 * and only new or changed documents are parsed again; the checks over the whole set run every time
 * ({@link ResourceLoader#combine}), so the result is the same as loading everything afresh. Used by one proxy's
 * configuration thread only, one snapshot at a time.
 */
final class SnapshotLoader {
    private static final int MAX_REPORTED = 20;
    private final ResourceLoader loader = new ResourceLoader();
    /** The parse of every document of the last snapshot; not volatile: only the configuration thread touches it. */
    private Map<ConfigDocument, ReadText> previous = Map.of();

    /** Thrown when the snapshot cannot be applied; the message is what the NACK carries. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The resources of {@code snapshot}, or {@link Refused} naming every error (nothing half-applied). */
    ResourceSet load(Snapshot snapshot) throws Refused {
        List<ReadText> texts = new ArrayList<>();
        Map<ConfigDocument, ReadText> read = new HashMap<>();
        Optional<SourceText> mesh = Optional.empty();
        for (ConfigDocument document : snapshot.documents()) {
            if (document.source().equals(ControlPlane.MESH_CONFIG_SOURCE)) {
                mesh = Optional.of(SourceText.startingAt(document.source(), document.line(), document.yaml()));
                continue;
            }
            ReadText text = previous.get(document);
            if (text == null) {
                text = loader.read(SourceText.startingAt(document.source(), document.line(), document.yaml()));
            }
            read.put(document, text);
            texts.add(text);
        }
        previous = read;
        LoadResult result = loader.combine(texts, mesh);
        if (result.hasErrors()) {
            List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            String listed = errors.stream().limit(MAX_REPORTED).map(Diagnostic::toString).collect(Collectors.joining("; "));
            String more = errors.size() > MAX_REPORTED ? "; and " + (errors.size() - MAX_REPORTED) + " more" : "";
            throw new Refused("version " + snapshot.version() + ": " + errors.size() + " error(s): " + listed + more);
        }
        return result.resources();
    }
}
