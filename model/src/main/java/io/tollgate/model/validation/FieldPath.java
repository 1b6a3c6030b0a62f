package io.tollgate.model.validation;

/**
 * A path to a field inside a resource, written the way {@code kubectl explain} and Istio's messages do:
 * {@code spec.servers[0].port.name}. Map keys that are not plain identifiers are bracketed:
 * {@code metadata.labels[app.kubernetes.io/name]}.
 */
public record FieldPath(String text) {
    public static final FieldPath ROOT = new FieldPath("");

    public static FieldPath of(String first) {
        return ROOT.field(first);
    }

    public FieldPath field(String key) {
        if (!isPlainKey(key)) {
            return new FieldPath(text + "[" + key + "]");
        }
        return new FieldPath(text.isEmpty() ? key : text + "." + key);
    }

    public FieldPath index(int i) {
        return new FieldPath(text + "[" + i + "]");
    }

    /** The enclosing path, or ROOT: used to find the nearest written ancestor of a field that is absent. */
    public FieldPath parent() {
        // A bracketed key may itself hold dots (labels[app.kubernetes.io/name]), so a trailing one is cut whole.
        int cut = text.endsWith("]") ? text.lastIndexOf('[') : text.lastIndexOf('.');
        return cut <= 0 ? ROOT : new FieldPath(text.substring(0, cut));
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_-]*}, by hand: this runs for every field of every document loaded, and a regular
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
    public String toString() {
        return text;
    }
}
