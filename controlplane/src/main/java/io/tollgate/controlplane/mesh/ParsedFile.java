package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.model.load.ReadText;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One resource file as the validator last saw it: its text, its documents, and each document read on its own
 * ({@link ReadText}). Kept from one validation to the next, so that a change re-reads only the documents that
 * changed; the checks over the whole set run every time. Immutable.
 *
 * @param documents the file's documents in order, each paired with its reading
 * @param byLine    the same documents by the line they start on
 * @param shipped   the same documents alone, and {@code texts} their readings alone: what every validation of the
 *                  whole set concatenates, file by file (a copy of each list, not a walk over 20,000 documents)
 */
record ParsedFile(String text, List<Parsed> documents, NavigableMap<Integer, ConfigDocument> byLine,
                  List<ConfigDocument> shipped, List<ReadText> texts) {

    /** A document and what reading it alone gave. */
    record Parsed(ConfigDocument document, ReadText read) {
    }

    /**
     * Splits and reads {@code text}, reusing every document that is unchanged, place included: from
     * {@code lastValid} (this file in the last valid set) first, else from {@code previous} (this file as last
     * read, which a refused edit may have changed since). An unchanged file is the very same value, and an
     * unchanged document keeps its very {@link ConfigDocument} instance, which distribution recognises by identity.
     *
     * @param previous  this file as last read, or null
     * @param lastValid this file in the last valid set, or null
     */
    static ParsedFile read(String name, String text, ParsedFile previous, ParsedFile lastValid, ResourceLoader loader) {
        if (lastValid != null && lastValid.text.equals(text)) {
            return lastValid;
        }
        if (previous != null && previous.text.equals(text)) {
            return previous;
        }
        Map<ConfigDocument, Parsed> known = new HashMap<>();
        for (ParsedFile file : new ParsedFile[]{previous, lastValid}) {
            if (file != null) {
                file.documents.forEach(p -> known.put(p.document(), p)); // lastValid's last: it wins
            }
        }
        List<Parsed> documents = new ArrayList<>();
        NavigableMap<Integer, ConfigDocument> byLine = new TreeMap<>();
        for (ConfigDocument document : DocumentSplitter.split(name, text)) {
            Parsed reused = known.get(document);
            Parsed parsed = reused != null ? reused
                    : new Parsed(document, loader.read(SourceText.startingAt(name, document.line(), document.yaml())));
            documents.add(parsed);
            byLine.put(parsed.document().line(), parsed.document());
        }
        return new ParsedFile(text, List.copyOf(documents), Collections.unmodifiableNavigableMap(byLine),
                documents.stream().map(Parsed::document).toList(), documents.stream().map(Parsed::read).toList());
    }
}
