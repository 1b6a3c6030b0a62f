package io.tollgate.controlplane.distribution;

import java.util.List;
import java.util.Objects;

/**
 * A whole configuration that passed validation, under one version label. {@code parsed} is whatever the validator
 * built (for Tollgate, the loaded resource set); the distributor never looks inside it, only hands it to the
 * {@link ProxyScope}.
 *
 * @param version   monotonic label, e.g. {@code v3-1a2b3c4d}
 * @param documents every document of the configuration, mesh config included
 * @param parsed    the validator's parsed form of {@code documents}
 */
public record ValidatedConfig<T>(String version, List<ConfigDocument> documents, T parsed) {
    public ValidatedConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(parsed, "parsed");
        documents = List.copyOf(documents);
    }
}
