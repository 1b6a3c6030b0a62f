package io.tollgate.cli.local;

/** Mints a short-lived join token for a workload identity; the control plane does it, the token socket asks. */
@FunctionalInterface
public interface TokenMinter {
    /** @throws IllegalArgumentException when the namespace or service account is not a valid identity part */
    String mint(String namespace, String serviceAccount);
}
