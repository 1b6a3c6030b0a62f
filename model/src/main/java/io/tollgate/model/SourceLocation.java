package io.tollgate.model;

/**
 * Where a resource, or one node of it, was written: a file and a 1-based line.
 * Printed as {@code file:line}, the prefix of every diagnostic.
 */
public record SourceLocation(String file, int line) {
    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
