package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;

/** {@code VirtualService.spec.tls[i]}: TLS passthrough routing on the SNI of unterminated TLS. */
public record TlsRoute(List<TlsMatch> match, List<RouteDestination> route, SourceLocation location) {
    public TlsRoute {
        match = List.copyOf(match);
        route = List.copyOf(route);
    }
}
