package io.tollgate.model.validation;

/**
 * A path to a field inside a resource, written the way {@code kubectl explain} and Istio's messages do:
 * {@code spec.servers[0].port.name}. Map keys that are not plain identifiers are bracketed:
 * {@code metadata.labels[app.kubernetes.io/name]}.
 *
 * <p>A path is its text: equality, hash and {@link #parent()} are the text's. The text is written only when first
 * asked for, though: the loader makes a path for every field of every document it reads, and all but the few that a
 * diagnostic names are never printed (writing each eagerly was a tenth of a cold control plane's load). Immutable
 * and safe to share: the text is a pure function of the parts, so two threads that both write it agree.
 */
public final class FieldPath {
    public static final FieldPath ROOT = new FieldPath("");

    /** The enclosing path and this path's last step: a key (index -1) or an index (key null); both unused once text is set. */
    private final FieldPath parent;
    private final String key;
    private final int index;
    private String text;

    public FieldPath(String text) {
        this(null, null, -1);
        this.text = text;
    }

    private FieldPath(FieldPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public static FieldPath of(String first) {
        return ROOT.field(first);
    }

    public FieldPath field(String key) {
        return new FieldPath(this, key, -1);
    }

    public FieldPath index(int i) {
        return new FieldPath(this, null, i);
    }

    /** The written form, {@code spec.servers[0].port}; the empty string for {@link #ROOT}. */
    public String text() {
        String written = text;
        if (written == null) {
            written = write(new StringBuilder(64)).toString();
            text = written;
        }
        return written;
    }

    private StringBuilder write(StringBuilder out) {
        if (text != null) {
            return out.append(text);
        }
        parent.write(out);
        if (key == null) {
            return out.append('[').append(index).append(']');
        }
        if (!isPlainKey(key)) {
            return out.append('[').append(key).append(']');
        }
        return out.isEmpty() ? out.append(key) : out.append('.').append(key);
    }

    /** Whether this is {@link #ROOT}, or any path with an empty text (only ROOT has one: every step writes a character). */
    public boolean isRoot() {
        return text != null && text.isEmpty();
    }

    /** The enclosing path, or ROOT: used to find the nearest written ancestor of a field that is absent. */
    public FieldPath parent() {
        // A bracketed key may itself hold dots (labels[app.kubernetes.io/name]), so a trailing one is cut whole.
        String written = text();
        int cut = written.endsWith("]") ? written.lastIndexOf('[') : written.lastIndexOf('.');
        return cut <= 0 ? ROOT : new FieldPath(written.substring(0, cut));
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_-]*}, by hand: this runs for every field a diagnostic names, and a regular
     * expression there was a tenth of the control plane's load time.
     */
    private static boolean isPlainKey(String key) {
        if (key.isEmpty() || !(isLetter(key.charAt(0)) || key.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof FieldPath that && text().equals(that.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
