package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A port of a ServiceEntry ({@code spec.ports[i]}) or of a Gateway server ({@code spec.servers[i].port}).
 *
 * @param protocol empty when the YAML leaves it out (Istio then sniffs the protocol)
 */
public record Port(int number, Optional<Protocol> protocol, String name, OptionalInt targetPort,
                   SourceLocation location) {
}
