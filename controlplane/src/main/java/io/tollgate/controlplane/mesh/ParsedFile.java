package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.model.load.ReadText;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One resource file as the validator last saw it: its text, its documents, and each document read on its own
 * ({@link ReadText}). Kept from one validation to the next, so that a change re-reads only the documents that
 * changed; the checks over the whole set run every time. Immutable.
 *
 * @param documents the file's documents in order, each paired with its reading
 */
record ParsedFile(String text, List<Parsed> documents) {

    /** A document and what reading it alone gave. */
    record Parsed(ConfigDocument document, ReadText read) {
    }

    /**
     * Splits and reads {@code text}, reusing every document that is unchanged, place included: from
     * {@code previous} (the same file's last reading, or null), else from {@code lastValid} (the documents of the
     * last valid set, which a refused edit in between may have dropped from {@code previous}). An unchanged
     * document keeps its very {@link ConfigDocument} instance, which distribution recognises by identity.
     */
    static ParsedFile read(String name, String text, ParsedFile previous, Map<ConfigDocument, Parsed> lastValid,
                           ResourceLoader loader) {
        if (previous != null && previous.text.equals(text)) {
            return previous;
        }
        Map<ConfigDocument, Parsed> known = new HashMap<>();
        if (previous != null) {
            previous.documents.forEach(p -> known.put(p.document(), p));
        }
        List<Parsed> documents = new ArrayList<>();
        for (ConfigDocument document : DocumentSplitter.split(name, text)) {
            Parsed reused = known.getOrDefault(document, lastValid.get(document));
            documents.add(reused != null ? reused
                    : new Parsed(document, loader.read(SourceText.startingAt(name, document.line(), document.yaml()))));
        }
        return new ParsedFile(text, List.copyOf(documents));
    }
}
