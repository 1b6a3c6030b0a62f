package io.tollgate.model.validation;

import io.tollgate.model.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics of one document (a resource, or the mesh config), each naming the resource and a field path.
 * The YAML reader records where every field it reads was written, so that a validator working on records can say
 * {@code error(path, ...)} and the diagnostic still carries the line of that field (or of its nearest written
 * ancestor, for a field that is missing). Single-threaded: one loader fills it, then it is only read (and copied,
 * never added to, when a load is combined again).
 */
public final class Findings {
    private final String subject;
    private final SourceLocation documentStart;
    private final Map<FieldPath, SourceLocation> written = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public Findings(String subject, SourceLocation documentStart) {
        this.subject = subject;
        this.documentStart = documentStart;
    }

    /**
     * An independent copy: what is added to it later does not show in this one. For a load that keeps findings to
     * combine again ({@code ResourceLoader.combine}) and must not let one combination's cross-resource diagnostics
     * leak into the next.
     */
    public Findings copy() {
        Findings copy = new Findings(subject, documentStart);
        copy.written.putAll(written);
        copy.diagnostics.addAll(diagnostics);
        return copy;
    }

    public String subject() {
        return subject;
    }

    /** Remembers that the field at {@code path} was written at {@code location}. */
    public void written(FieldPath path, SourceLocation location) {
        written.putIfAbsent(path, location);
    }

    /** Where {@code path} was written, or its nearest written ancestor, or the start of the document. */
    public SourceLocation locate(FieldPath path) {
        for (FieldPath p = path; ; p = p.parent()) {
            SourceLocation found = written.get(p);
            if (found != null) {
                return found;
            }
            if (p.equals(FieldPath.ROOT)) {
                return documentStart;
            }
        }
    }

    /**
     * Reports an error, unless one is already reported at this field or inside it: then this one is almost always
     * its consequence ("must have at least one host" after "hosts: expected a list"), and the user needs the cause.
     */
    public void error(FieldPath path, String message) {
        if (!path.equals(FieldPath.ROOT) && diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR
                && within(d.field(), path.text()))) {
            return;
        }
        add(Severity.ERROR, locate(path), path, message);
    }

    private static boolean within(String field, String container) {
        return field.equals(container) || field.startsWith(container + ".") || field.startsWith(container + "[");
    }

    public void warning(FieldPath path, String message) {
        add(Severity.WARNING, locate(path), path, message);
    }

    public void note(FieldPath path, String message) {
        add(Severity.NOTE, locate(path), path, message);
    }

    /** For problems whose line is not the field's own (an unknown key, a duplicate key). */
    public void add(Severity severity, SourceLocation location, FieldPath path, String message) {
        diagnostics.add(new Diagnostic(severity, location, subject, path.text(), message));
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
