package io.tollgate.controlplane.source;

import io.tollgate.controlplane.distribution.Rejection;
import io.tollgate.controlplane.distribution.ValidatedConfig;

/** What became of one candidate configuration. */
public sealed interface SourceOutcome<T> permits SourceOutcome.Accepted, SourceOutcome.Refused {

    record Accepted<T>(ValidatedConfig<T> config) implements SourceOutcome<T> {
    }

    record Refused<T>(Rejection rejection) implements SourceOutcome<T> {
    }
}
