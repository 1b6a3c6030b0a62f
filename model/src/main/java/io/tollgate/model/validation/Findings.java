package io.tollgate.model.validation;

import io.tollgate.model.SourceLocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics of one document (a resource, or the mesh config), each naming the resource and a field path.
 * The YAML reader records where every field it reads was written, so that a validator working on records can say
 * {@code error(path, ...)} and the diagnostic still carries the line of that field (or of its nearest written
 * ancestor, for a field that is missing). Single-threaded: one loader fills it (and locates in it), then it is only
 * read (and copied, never added to nor located in, when a load is combined again).
 */
public final class Findings {
    private final String subject;
    private final SourceLocation documentStart;
    // Where each field was written, in the order recorded (the first record of a path wins). Appended to, not
    // hashed: every field of every document is recorded and almost none is ever located, so the map from path to
    // place is built on the first locate, and kept up to date from then on. The root is never a field the reader
    // records, but it may be looked up for every document: it is kept aside, so that lookup builds nothing.
    private FieldPath[] writtenPaths = new FieldPath[16];
    private SourceLocation[] writtenAt = new SourceLocation[16];
    private int writtenCount;
    private SourceLocation writtenRoot;
    private Map<FieldPath, SourceLocation> written;
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
        copy.writtenPaths = writtenPaths.clone();
        copy.writtenAt = writtenAt.clone();
        copy.writtenCount = writtenCount;
        copy.writtenRoot = writtenRoot;
        copy.diagnostics.addAll(diagnostics);
        return copy;
    }

    public String subject() {
        return subject;
    }

    /** Remembers that the field at {@code path} was written at {@code location}. */
    public void written(FieldPath path, SourceLocation location) {
        if (path.isRoot()) {
            if (writtenRoot == null) {
                writtenRoot = location;
            }
            return;
        }
        if (writtenCount == writtenPaths.length) {
            writtenPaths = Arrays.copyOf(writtenPaths, writtenCount * 2);
            writtenAt = Arrays.copyOf(writtenAt, writtenCount * 2);
        }
        writtenPaths[writtenCount] = path;
        writtenAt[writtenCount++] = location;
        if (written != null) {
            written.putIfAbsent(path, location);
        }
    }

    /** Where {@code path} was written, or its nearest written ancestor, or the start of the document. */
    public SourceLocation locate(FieldPath path) {
        for (FieldPath p = path; ; p = p.parent()) {
            if (p.isRoot()) {
                return writtenRoot != null ? writtenRoot : documentStart;
            }
            SourceLocation found = writtenByPath().get(p);
            if (found != null) {
                return found;
            }
        }
    }

    private Map<FieldPath, SourceLocation> writtenByPath() {
        if (written == null) {
            written = HashMap.newHashMap(writtenCount);
            for (int i = 0; i < writtenCount; i++) {
                written.putIfAbsent(writtenPaths[i], writtenAt[i]);
            }
        }
        return written;
    }

    /**
     * Reports an error, unless one is already reported at this field or inside it: then this one is almost always
     * its consequence ("must have at least one host" after "hosts: expected a list"), and the user needs the cause.
     */
    public void error(FieldPath path, String message) {
        if (!path.isRoot() && diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR
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

    /** Whether nothing at all was reported. */
    public boolean isEmpty() {
        return diagnostics.isEmpty();
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) { // a loop, not a stream: asked of every resource on every load
            if (d.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
