package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code tcp[i].match[j]}: every field that is set must match.
 *
 * @param port         the destination port the connection was addressed to
 * @param gateways     narrows the VirtualService's own {@code gateways} for this match; empty = all of them
 * @param sourceSubnet deprecated in Istio, accepted
 */
public record L4Match(List<String> destinationSubnets, OptionalInt port, Map<String, String> sourceLabels,
                      List<String> gateways, Optional<String> sourceNamespace, Optional<String> sourceSubnet,
                      SourceLocation location) {
    public L4Match {
        destinationSubnets = List.copyOf(destinationSubnets);
        sourceLabels = Map.copyOf(sourceLabels);
        gateways = List.copyOf(gateways);
    }

    /** The match without its location: two matches with the same key match the same connections. */
    public List<Object> key() {
        return List.of(destinationSubnets, port, sourceLabels, gateways, sourceNamespace, sourceSubnet);
    }
}
