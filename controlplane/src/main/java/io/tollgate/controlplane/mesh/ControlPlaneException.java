package io.tollgate.controlplane.mesh;

import java.util.List;

/** The control plane cannot start: every diagnostic of an invalid configuration, or why the CA or port failed. */
public final class ControlPlaneException extends Exception {
    private final List<String> diagnostics;

    public ControlPlaneException(List<String> diagnostics) {
        super(String.join(System.lineSeparator(), diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<String> diagnostics() {
        return diagnostics;
    }
}
