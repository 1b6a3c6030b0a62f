package io.tollgate.model.load;

import io.tollgate.model.Resource;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Findings;

import java.util.List;

/**
 * One text parsed and its documents validated one by one: everything about a load that depends on this text alone.
 * The checks that need every resource at once (duplicates, references) are not in it; {@link ResourceLoader#combine}
 * runs them over several of these. A reader that keeps the {@code ReadText} of a text that did not change can skip
 * parsing it again: combining gives exactly what {@link ResourceLoader#loadTexts} gives.
 *
 * <p>Immutable once made: {@code combine} never adds to the findings held here (it adds to copies), so one value
 * can be combined any number of times, from any thread.
 */
public final class ReadText {
    private final String name;
    private final List<Diagnostic> syntax;
    private final List<Findings> unloaded;
    private final List<DocumentReader.Loaded> loaded;

    ReadText(String name, List<Diagnostic> syntax, List<Findings> unloaded, List<DocumentReader.Loaded> loaded) {
        this.name = name;
        this.syntax = List.copyOf(syntax);
        this.unloaded = List.copyOf(unloaded);
        this.loaded = List.copyOf(loaded);
    }

    /** The text's name, as diagnostics print it. */
    public String name() {
        return name;
    }

    /** The resources read from the text, in order, with or without errors (the load keeps only those without). */
    public List<Resource> resources() {
        return loaded.stream().map(DocumentReader.Loaded::resource).toList();
    }

    /** The YAML syntax error that ended the text early, if any. */
    List<Diagnostic> syntax() {
        return syntax;
    }

    /** Findings of documents that produced no resource (skipped kinds, documents without a kind). */
    List<Findings> unloaded() {
        return unloaded;
    }

    /** Every resource read, with its findings, errors or not. */
    List<DocumentReader.Loaded> loaded() {
        return loaded;
    }
}
