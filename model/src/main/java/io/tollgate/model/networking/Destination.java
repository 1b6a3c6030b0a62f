package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code route[k].destination}: a service in the registry (Kubernetes service or ServiceEntry host).
 *
 * @param subset a subset defined by a DestinationRule for {@code host}
 * @param port   {@code port.number}; empty means the port the connection came in on
 */
public record Destination(String host, Optional<String> subset, OptionalInt port, SourceLocation location) {
}
