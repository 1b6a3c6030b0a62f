package io.tollgate.model.load;

/**
 * YAML text with the name diagnostics print for it: a path as the user typed it, or a name the control plane gave
 * a document it ships to a proxy (which re-loads it with the same loader, so both sides agree on its meaning).
 */
public record SourceText(String name, String text) {
    /**
     * One document cut out of a larger file that started at {@code line} of {@code name}: the text is padded with
     * blank lines so every diagnostic about it names the line of the original file.
     */
    public static SourceText startingAt(String name, int line, String document) {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, got " + line);
        }
        return new SourceText(name, "\n".repeat(line - 1) + document);
    }
}
