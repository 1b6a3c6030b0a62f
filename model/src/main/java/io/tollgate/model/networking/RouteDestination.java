package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

/**
 * {@code route[k]} of a TCP or TLS route.
 *
 * @param weight share of connections; 0 when unset (a single destination then takes everything)
 */
public record RouteDestination(Destination destination, int weight, SourceLocation location) {
}
