package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code tls[i].match[j]}: like {@link L4Match}, plus the SNI hosts (required, at least one). */
public record TlsMatch(List<String> sniHosts, List<String> destinationSubnets, OptionalInt port,
                       Map<String, String> sourceLabels, List<String> gateways, Optional<String> sourceNamespace,
                       SourceLocation location) {
    public TlsMatch {
        sniHosts = List.copyOf(sniHosts);
        destinationSubnets = List.copyOf(destinationSubnets);
        sourceLabels = Map.copyOf(sourceLabels);
        gateways = List.copyOf(gateways);
    }

    /** The match without its location: two matches with the same key match the same connections. */
    public List<Object> key() {
        return List.of(sniHosts, destinationSubnets, port, sourceLabels, gateways, sourceNamespace);
    }
}
