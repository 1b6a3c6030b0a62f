package io.tollgate.cli.local;

import java.util.List;

/** A local mesh that could not start, with every reason; {@code BAD_INPUT} when the files or flags are at fault. */
public final class LocalMeshException extends Exception {
    public enum Kind { BAD_INPUT, FAILED }

    private final Kind kind;
    private final List<String> reasons;

    public LocalMeshException(Kind kind, List<String> reasons) {
        super(String.join("\n", reasons));
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> reasons() {
        return reasons;
    }
}
