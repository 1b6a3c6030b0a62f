package io.tollgate.model.validation;

import java.util.regex.Pattern;

/**
 * A path to a field inside a resource, written the way {@code kubectl explain} and Istio's messages do:
 * {@code spec.servers[0].port.name}. Map keys that are not plain identifiers are bracketed:
 * {@code metadata.labels[app.kubernetes.io/name]}.
 */
public record FieldPath(String text) {
    public static final FieldPath ROOT = new FieldPath("");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    public static FieldPath of(String first) {
        return ROOT.field(first);
    }

    public FieldPath field(String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
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

    @Override
    public String toString() {
        return text;
    }
}
